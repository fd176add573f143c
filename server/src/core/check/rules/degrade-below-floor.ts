// `degrade to L when …` where L drops below a floor. A tier's level is a bound the policy states for the
// data (and for a `when` branch that names the tier): degrading below it under load contradicts it, so this
// is an error (a transfer under rbi.high_value never below strong).
//
// Money has a floor too: "critical operations (financial) never degrade below session" (source L3998–L4003,
// illustrative). That floor is a convention this tool applies, not a bound the policy states, so dropping
// below it is a warning; so is a floor that rests on money inferred only from the name.
//
// The fix degrades to the weakest level that still meets every floor, but only when that is weaker than the
// data's own level (a "degrade" to the level the data already has is no degrade at all): otherwise it
// removes the degrade.
import {
  implies,
  levelDefs,
  levelSource,
  namedLevel,
  needsConsensus,
  resolveLevel,
  type Level,
} from '../../model/levels';
import type { DataModel } from '../../model/model';
import type { Rule } from '../rule';
import { branches, lacking } from '../branches';

interface Floor {
  level: Level;
  /** Who sets it, for messages. */
  source: string;
  /** The level as it should be written in the fix. */
  text: string;
  /** A convention (money), not a bound the policy states: reported one severity milder. */
  convention: boolean;
}

function floorsOf(d: DataModel): Floor[] {
  const floors: Floor[] = [];
  for (const s of branches(d)) {
    for (const t of s.when ? s.when.tiers : d.tiers) {
      if (!t.level || floors.some((x) => x.source.startsWith(`tier \`${t.name}\``))) continue;
      const source = `tier \`${t.name}\`${s.when ? ` (named in ${s.label})` : ''}`;
      floors.push({ level: t.level, source, text: levelSource(t.level), convention: false });
    }
  }
  const money = branches(d).find((s) => s.effective.money)?.effective.moneyBasis;
  if (money) {
    const source =
      `money (${money.reason}): ` +
      'critical operations never degrade below session (source L3998–L4003, a convention)';
    floors.push({ level: namedLevel('session'), source, text: 'session', convention: true });
  }
  return floors;
}

/** The weakest level that meets every floor: a floor itself, or a built-in level weaker than the consensus ones. */
function weakestMeetingAll(floors: Floor[]): Floor | undefined {
  const builtins = Object.keys(levelDefs)
    .filter((n) => n !== 'bounded')
    .map((n) => ({ level: namedLevel(n), source: '', text: n, convention: false }))
    .filter((f) => !needsConsensus(f.level));
  return [...floors, ...builtins]
    .sort((a, b) => a.level.rank - b.level.rank)
    .find((f) => floors.every((g) => implies(f.level, g.level)));
}

const removeTitle = 'Remove this degrade (the data keeps its level under load)';

export const rule: Rule = {
  code: 'degrade-below-floor',
  check({ model, report }) {
    for (const d of model.data.values()) {
      if (d.props.degrades.length === 0) continue;
      const floors = floorsOf(d);
      const own = d.effective.level?.value;
      for (const dg of d.props.degrades) {
        if (!dg.level) continue;
        const r = resolveLevel(dg.level);
        if (!('level' in r)) continue;
        const broken = floors.filter((f) => !implies(r.level, f.level));
        if (broken.length === 0) continue;
        // Name the strongest floor broken; fix to a floor that meets every floor and is weaker than the data's
        // level, else remove the degrade.
        const worst = broken.find((f) => broken.every((g) => implies(f.level, g.level))) ?? broken[0];
        const others = broken
          .filter((f) => f !== worst)
          .map((f) => `; it also drops below ${f.level.display}, set by ${f.source}`)
          .join('');
        const found = weakestMeetingAll(floors);
        const target = found && !(own && implies(found.level, own)) ? found : undefined;
        const advice = target
          ? `Degrade to \`${target.text}\` instead.`
          : `No level weaker than ${own ? `its own ${own.display}` : "the data's"} meets every floor ` +
            `(${floors.map((f) => f.level.display).join(', ')}): remove this degrade.`;
        report({
          uri: d.origin.uri,
          range: dg.level.range,
          milder: broken.every((f) => f.convention),
          message:
            `\`degrade to ${levelSource(r.level)}\` in \`${d.name}\` drops ` +
            `below ${worst.level.display}, the floor set by ${worst.source}: ` +
            `${r.level.display} lacks ${lacking(r.level, worst.level)}${others}. ${advice}`,
          fixes: [
            target
              ? {
                  title: `Degrade to \`${target.text}\``,
                  edits: [{ uri: d.origin.uri, range: dg.level.range, newText: target.text }],
                }
              : { title: removeTitle, edits: [{ uri: d.origin.uri, range: dg.range, newText: '' }] },
          ],
        });
      }
    }
  },
};
