// Which `degrade … when load …` rule a run's offered load triggers. `load > 2x` is a multiple of the data
// type's declared average workload (the source's traffic bands: up to 2x is normal load, L4050–L4067);
// `load > 8500/s` is the offered rate itself. When several hold, the one with the highest threshold (the
// heaviest band) applies. Conditions on other fields (amount, …) are not about load and never apply here.
import { resolveLevel, type Level } from '../model/levels';
import type { DataModel } from '../model/model';
import type { Comparator } from '../syntax/ast';

export interface Degraded {
  /** The level the run simulates instead of the declared one; none when no rule applies. */
  level?: Level;
  /** For the run's assumptions: what applied, or why nothing did. */
  note: string;
}

const holds = (x: number, op: Comparator, v: number): boolean =>
  op === '>'
    ? x > v
    : op === '>='
      ? x >= v
      : op === '<'
        ? x < v
        : op === '<='
          ? x <= v
          : op === '=='
            ? x === v
            : x !== v;

/** `offeredPerSec`: what the run offers this data type; `declaredPerSec`: its own average workload, if declared.
 *  Undefined for a data type without `degrade` rules. */
export function degradedLevel(
  data: DataModel,
  offeredPerSec: number,
  declaredPerSec: number | undefined,
): Degraded | undefined {
  if (data.props.degrades.length === 0) return undefined;
  let best: { threshold: number; level: Level; text: string } | undefined;
  const ratio = declaredPerSec ? offeredPerSec / declaredPerSec : undefined;
  for (const dg of data.props.degrades) {
    const c = dg.condition;
    const v = c?.value;
    if (!c || c.field.text !== 'load' || !v || !('kind' in v) || !dg.level) continue;
    const metric = v.kind === 'multiplier' ? ratio : v.kind === 'rate' ? offeredPerSec : undefined;
    if (metric === undefined || !holds(metric, c.op, v.value)) continue;
    const r = resolveLevel(dg.level);
    if (!('level' in r) || (best && best.threshold >= v.value)) continue;
    best = {
      threshold: v.value,
      level: r.level,
      text: `degrade to ${r.level.display} when ${c.field.text} ${c.op} ${v.text}`,
    };
  }
  const one = (x: number) => Math.round(x * 10) / 10;
  const offered =
    `the run offers ${one(offeredPerSec)}/s` +
    `${ratio !== undefined ? ` (${one(ratio)}x its declared ${one(declaredPerSec!)}/s)` : ''}`;
  if (best)
    return {
      level: best.level,
      note: `${data.name}: ${offered}, so \`${best.text}\` applies: simulated at ${best.level.display}`,
    };
  const needsWorkload =
    ratio === undefined &&
    data.props.degrades.some(
      (d) =>
        d.condition?.field.text === 'load' &&
        d.condition.value &&
        'kind' in d.condition.value &&
        d.condition.value.kind === 'multiplier',
    );
  const why = needsWorkload
    ? 'its `load > Nx` rules compare with a declared `workload`, which it lacks'
    : `${offered}, which none of its \`degrade … when load …\` rules reaches`;
  return { note: `${data.name}: ${why}; conditions on other fields are not simulated` };
}
