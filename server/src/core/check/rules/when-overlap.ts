// Two `when` branches of one data type whose conditions on the same field admit common values while their
// bodies differ: which branch wins there is not defined (source contradiction 40: overlapping categories).
//
// Two branches that both apply with different bodies leave the data's level undefined for those values: the
// policy cannot be read as one, an error, with a fix that narrows one branch.
import { conditionText } from '../branches';
import { meetingEarlier } from '../overlap-index';
import { describeSet, fieldSets, intersect, isEmpty, type FieldSet } from '../../model/conditions';
import { implies, levelAliases } from '../../model/levels';
import type { DataModel, WhenModel } from '../../model/model';
import type * as A from '../../syntax/ast';
import type { Fix } from '../../diagnostic';
import type { Rule } from '../rule';

const positional = new Set(['range', 'keyword', 'opRange', 'preferRange', 'text']);

/** A body's meaning without positions or spellings: quantities by value, level aliases resolved, order ignored. */
function signature(body: A.Property[]): string {
  const replacer = (key: string, v: unknown): unknown => {
    if (v && typeof v === 'object' && 'text' in v && typeof (v as { text: unknown }).text === 'string') {
      const o = v as { text: string; value?: unknown; kind?: unknown };
      return typeof o.value === 'number' ? `${o.kind}:${o.value}` : (levelAliases[o.text] ?? o.text);
    }
    return positional.has(key) ? undefined : v;
  };
  return body
    .map((p) => JSON.stringify(p, replacer))
    .sort()
    .join('|');
}

const spanOf = (cs: A.Condition[]) => ({ start: cs[0].range.start, end: cs[cs.length - 1].range.end });
const levelOf = (w: WhenModel) => w.effective.level?.value.display ?? 'no level';

/** Per shared field, the common values; undefined unless every shared field overlaps for sure. */
function overlap(a: Map<string, FieldSet>, b: Map<string, FieldSet>): [string, FieldSet][] | undefined {
  if ([...a.values(), ...b.values()].some((s) => isEmpty(s) !== false)) return undefined;
  const shared = [...a.keys()].filter((f) => b.has(f));
  const common = shared.map((f) => [f, intersect(a.get(f)!, b.get(f)!)] as [string, FieldSet]);
  return common.length > 0 && common.every(([, s]) => isEmpty(s) === false) ? common : undefined;
}

/**
 * Narrow the weaker branch so it excludes the stronger one's values on `field` (only for a half-bounded stronger set).
 */
function narrowFix(d: DataModel, weak: WhenModel, strong: WhenModel, field: string): Fix | undefined {
  const s = fieldSets(strong.decl.conditions).get(field);
  if (s?.kind !== 'range' || (s.lo && s.hi) || (!s.lo && !s.hi)) return undefined;
  const op: A.Comparator = s.lo ? (s.lo.inclusive ? '<' : '<=') : s.hi!.inclusive ? '>' : '>=';
  const bound = (s.lo ?? s.hi)!;
  const cond = `${field} ${op} ${bound.text}`;
  const upper = op.startsWith('<');
  const same = weak.decl.conditions.filter(
    (c) => c.field.text === field && (upper ? c.op.startsWith('<') : c.op.startsWith('>')),
  );
  const last = weak.decl.conditions[weak.decl.conditions.length - 1];
  const edit =
    same.length === 1
      ? { range: same[0].range, newText: cond }
      : { range: { start: last.range.end, end: last.range.end }, newText: ` and ${cond}` };
  return {
    title: `Narrow \`when ${conditionText(weak.decl.conditions)}\` with \`${cond}\``,
    edits: [{ uri: d.origin.uri, ...edit }],
  };
}

export const rule: Rule = {
  code: 'when-overlap',
  check({ model, report }) {
    for (const d of model.data.values()) {
      if (d.whens.length < 2) continue; // overlaps are between two branches
      const sets = d.whens.map((w) => fieldSets(w.decl.conditions));
      // Candidates by a sweep over a common field (overlap-index.ts), else every earlier branch.
      const meeting = meetingEarlier(sets, 20 * d.whens.length);
      const signatures: string[] = [];
      const sig = (i: number) => (signatures[i] ??= signature(d.whens[i].decl.body));
      for (let j = 1; j < d.whens.length; j++) {
        for (const i of meeting?.[j] ?? Array.from({ length: j }, (_, k) => k)) {
          const [a, b] = [d.whens[i], d.whens[j]];
          if (a.decl.conditions.length === 0 || b.decl.conditions.length === 0) continue;
          const common = overlap(sets[i], sets[j]);
          if (!common || sig(i) === sig(j)) continue;
          const [la, lb] = [a.effective.level?.value, b.effective.level?.value];
          const aStronger = !!la && (!lb || (implies(la, lb) && !implies(lb, la)));
          const [strong, weak] = aStronger ? [a, b] : lb && la && implies(lb, la) && !implies(la, lb) ? [b, a] : [a, b];
          const fix = common.length === 1 ? narrowFix(d, weak, strong, common[0][0]) : undefined;
          report({
            uri: d.origin.uri,
            range: spanOf(b.decl.conditions),
            message:
              `\`when ${conditionText(b.decl.conditions)}\` (${levelOf(b)}) and ` +
              `\`when ${conditionText(a.decl.conditions)}\` (${levelOf(a)}) ` +
              `of \`${d.name}\` both apply for ` +
              `${common.map(([f, s]) => describeSet(f, s)).join(' and ')}, and their bodies differ: ` +
              'no precedence between them is defined. Narrow one branch so they do not overlap.',
            related: [{ uri: d.origin.uri, range: spanOf(a.decl.conditions), message: 'the other branch' }],
            fixes: fix ? [fix] : undefined,
          });
          break; // one report per branch
        }
      }
    }
  },
};
