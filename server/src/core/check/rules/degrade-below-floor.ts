// `degrade to L` where L drops below a floor: the level of every tier the data or one of its `when`
// branches names (high-value never below strong), and session for money ("critical operations never degrade
// below session", source L3998–L4003).
import { implies, levelDefs, levelSource, namedLevel, needsConsensus, resolveLevel, type Level } from '../../model/levels';
import type { DataModel } from '../../model/model';
import type { Rule } from '../rule';
import { branches, lacking } from '../branches';

interface Floor {
  level: Level;
  /** Who sets it, for messages. */
  source: string;
  /** The level as it should be written in the fix. */
  text: string;
}

function floorsOf(d: DataModel): Floor[] {
  const floors: Floor[] = [];
  for (const s of branches(d)) {
    for (const t of s.when ? s.when.tiers : d.tiers) {
      if (!t.level || floors.some((x) => x.source.startsWith(`tier \`${t.name}\``))) continue;
      floors.push({ level: t.level, source: `tier \`${t.name}\`${s.when ? ` (named in ${s.label})` : ''}`, text: levelSource(t.level) });
    }
  }
  if (branches(d).some((s) => s.effective.money)) {
    floors.push({ level: namedLevel('session'), source: 'money (critical operations never degrade below session, source L3998–L4003)', text: 'session' });
  }
  return floors;
}

/** The weakest level that meets every floor: a floor itself, or a built-in level weaker than the consensus ones. */
function weakestMeetingAll(floors: Floor[]): Floor | undefined {
  const builtins = Object.keys(levelDefs)
    .filter((n) => n !== 'bounded')
    .map((n) => ({ level: namedLevel(n), source: '', text: n }))
    .filter((f) => !needsConsensus(f.level));
  return [...floors, ...builtins]
    .sort((a, b) => a.level.rank - b.level.rank)
    .find((f) => floors.every((g) => implies(f.level, g.level)));
}

export const rule: Rule = {
  code: 'degrade-below-floor',
  check({ model, report }) {
    for (const d of model.data.values()) {
      if (d.props.degrades.length === 0) continue;
      const floors = floorsOf(d);
      for (const dg of d.props.degrades) {
        if (!dg.level) continue;
        const r = resolveLevel(dg.level);
        if (!('level' in r)) continue;
        const broken = floors.filter((f) => !implies(r.level, f.level));
        if (broken.length === 0) continue;
        // Name the strongest floor broken; fix to a floor that meets every floor, else remove the degrade.
        const worst = broken.find((f) => broken.every((g) => implies(f.level, g.level))) ?? broken[0];
        const others = broken.filter((f) => f !== worst).map((f) => `; it also drops below ${f.level.display}, set by ${f.source}`).join('');
        const target = weakestMeetingAll(floors);
        const advice = target
          ? `Degrade to \`${target.text}\` instead.`
          : `Only a consensus level meets every floor (${floors.map((f) => f.level.display).join(', ')}): remove this degrade.`;
        report({
          uri: d.origin.uri,
          range: dg.level.range,
          message:
            `\`degrade to ${levelSource(r.level)}\` in \`${d.name}\` drops below ${worst.level.display}, the floor set by ${worst.source}: ` +
            `${r.level.display} lacks ${lacking(r.level, worst.level)}${others}. ${advice}`,
          fixes: [
            target
              ? { title: `Degrade to \`${target.text}\``, edits: [{ uri: d.origin.uri, range: dg.level.range, newText: target.text }] }
              : { title: 'Remove this degrade', edits: [{ uri: d.origin.uri, range: dg.range, newText: '' }] },
          ],
        });
      }
    }
  },
};
