// The assumptions behind printed numbers, each printed once under what it applies to: per file, grouped by
// the data types (and transactions) that share them; then those that several files share, with their scope
// named (every data type, every data type of some files, some data types of some). Text wraps to the width.
import { tidyNumbers } from '../../core/estimate/format';
import { followable } from '../../core/util/sources';
import { wrapText } from './columns';
import { makeStyle } from './style';

/** One estimated (or simulated) thing: its file, its name, and the assumptions its numbers rest on. */
export interface Assumed {
  file: string;
  name: string;
  assumptions: string[];
  /** Something besides the main items (a transaction): named, never counted in "every data type". */
  extra?: boolean;
}

export interface AssumptionGroup {
  /** The one file the assumptions belong to; undefined when several files share them. */
  file?: string;
  /** What the assumptions apply to, e.g. "every data type", "a.consistency: cart, orders". */
  scope: string;
  assumptions: string[];
}

export function groupAssumptions(items: Assumed[], noun = 'data type'): AssumptionGroup[] {
  const files = [...new Set(items.map((i) => i.file))];
  const short = shortNames(files);
  const main = (file: string) => items.filter((i) => i.file === file && !i.extra);
  const where = new Map<string, Set<Assumed>>();
  for (const i of items) {
    for (const a of new Set(i.assumptions)) (where.get(a) ?? where.set(a, new Set()).get(a)!).add(i);
  }
  const groups = new Map<string, AssumptionGroup>();
  for (const [a, set] of where) {
    const whole: string[] = [];
    const partial: string[] = [];
    const spans = files.filter((f) => items.some((i) => i.file === f && set.has(i)));
    const one = spans.length === 1 && files.length > 1 ? spans[0] : undefined;
    for (const file of files) {
      const own = items.filter((i) => i.file === file && set.has(i));
      if (own.length === 0) continue;
      const all = main(file).length > 0 && main(file).every((i) => set.has(i));
      const named = (all ? own.filter((i) => i.extra) : own).map((i) => i.name);
      if (all) whole.push(short.get(file)!);
      const list = named.join(', ');
      if (named.length) partial.push(files.length > 1 && !one ? `${short.get(file)}: ${list}` : list);
    }
    const every = whole.length === files.filter((f) => main(f).length > 0).length;
    const head = whole.length === 0 ? '' : every || one ? `every ${noun}` : `every ${noun} of ${whole.join(', ')}`;
    const scope = [head, ...partial].filter(Boolean).join('; ');
    const key = `${one ?? ''}\n${scope}`;
    const fresh: AssumptionGroup = { ...(one ? { file: one } : {}), scope, assumptions: [] };
    const group = groups.get(key) ?? groups.set(key, fresh).get(key)!;
    group.assumptions.push(a);
  }
  // Each file's own, file by file (every data type first), then what several files share.
  const all = [...groups.values()];
  const rank = (g: AssumptionGroup) => (g.file === undefined ? files.length : files.indexOf(g.file));
  const partial = (g: AssumptionGroup) => Number(g.scope !== `every ${noun}`);
  return all.sort((x, y) => rank(x) - rank(y) || partial(x) - partial(y));
}

/** File names as short as they stay distinct: the base name, else the path as shown. */
function shortNames(files: string[]): Map<string, string> {
  const base = (f: string) => f.split('/').pop()!;
  return new Map(files.map((f) => [f, files.filter((g) => base(g) === base(f)).length > 1 ? f : base(f)]));
}

/** The groups as text: each scope a heading, each assumption a bullet wrapped with a hanging indent. */
export function assumptionLines(items: Assumed[], width: number, style = makeStyle(false), noun = 'data type') {
  const groups = groupAssumptions(items, noun);
  if (groups.length === 0) return [];
  const sections = new Set(groups.map((g) => g.file)).size > 1;
  const pad = sections ? '  ' : '';
  const out = [style.bold('Assumptions')];
  let section: string | undefined | null = null;
  for (const g of groups) {
    if (sections && g.file !== section) out.push(`  ${style.bold(g.file ?? 'Shared by several files')}`);
    section = g.file;
    const scope = wrapText(`${g.scope}:`, width - 4 - pad.length);
    out.push(...scope.map((l, i) => `${pad}${i === 0 ? '  ' : '    '}${style.dim(l)}`));
    for (const a of g.assumptions) {
      const [first, ...rest] = wrapText(followable(tidyNumbers(a)), width - 6 - pad.length);
      out.push(`${pad}    - ${first}`, ...rest.map((l) => `${pad}      ${l}`));
    }
  }
  return out;
}
