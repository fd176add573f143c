// A linearizable or strict-serializable level with a `staleness <= T` bound above zero (the source's "strong"
// levels with max_staleness 60 s and 1 s, L4330–L4340): no read is stale under such a level, so the bound is
// meaningless or the level is not strong (then `bounded(T)`). `regional` is not flagged: strong in-region only.
//
// Nothing is impossible here (a linearizable read trivially meets any staleness bound); the two statements
// disagree about what the author meant, so this is a warning, with fixes for both readings.
import { branches, isOrigin, originKey, setHere } from '../branches';
import type { Fix } from '../../diagnostic';
import { formatDuration } from '../../syntax/units';
import type { Rule } from '../rule';

export const rule: Rule = {
  code: 'strong-with-staleness',
  check({ model, report }) {
    for (const data of model.data.values()) {
      let done: Set<string> | undefined; // made at the first report: most data types have none
      const uri = data.origin.uri;
      for (const b of branches(data)) {
        const { level, stalenessMs: stale } = b.effective;
        if (!level || !stale || stale.value <= 0 || !level.value.guarantees.has('real_time')) continue;
        // A branch that only makes the level strong tightens its data type's bound; it does not contradict it.
        if (b.when && !setHere(b, stale)) continue;
        const key = `${originKey(level)}|${originKey(stale)}`;
        if (done?.has(key)) continue;
        (done ??= new Set()).add(key);
        const staleProp = [b.props.staleness, data.props.staleness].find((p) => isOrigin(p, stale));
        const levelProp = [b.props.consistency, data.props.consistency].find((p) => isOrigin(p, level));
        const bound = staleProp?.bound ?? b.allTiers.find((t) => t.name === stale.tier)?.props.staleness?.bound;
        const text = bound?.text ?? formatDuration(stale.value).replace(' ', '');
        const fixes: Fix[] = [];
        if (staleProp)
          fixes.push({
            title: `Remove 'staleness <= ${text}' (${level.value.name} reads are never stale)`,
            edits: [{ uri, range: staleProp.range, newText: '' }],
          });
        if (levelProp?.level)
          fixes.push({
            title: `Change the level to bounded(${text})`,
            edits: [{ uri, range: levelProp.level.range, newText: `bounded(${text})` }],
          });
        const from = (v: { tier?: string }) => (v.tier ? ` (from tier '${v.tier}')` : '');
        report({
          uri,
          range: staleProp?.bound?.range ?? levelProp?.level?.range ?? data.origin.range,
          message:
            `${b.label} is ${level.value.display}${from(level)}, under which no read is stale ` +
            `(staleness 0), but \`staleness <= ${text}\`${from(stale)} allows reads ${formatDuration(stale.value)} ` +
            'old: either the bound is meaningless or the level is not strong.',
          fixes: fixes.length ? fixes : undefined,
        });
      }
    }
  },
};
