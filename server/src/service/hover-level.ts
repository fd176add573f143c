// Hover text of a consistency level: what it guarantees (model/levels.ts), which levels it also satisfies,
// and its cost class next to the other two, with the figures of the file's profile.
import { formatCount, formatMoney, ms } from '../core/estimate/format';
import type { Profile } from '../core/estimate/profile';
import type { CostClass } from '../core/model/levels';
import { implies, levelDefs, namedLevel, resolveLevel } from '../core/model/levels';
import type { LevelExpr } from '../core/syntax/ast';

const classes: CostClass[] = ['strong', 'session', 'eventual'];
const classWords: Record<CostClass, string> = {
  strong: 'the dearest and slowest of the three classes',
  session: 'the middle of the three classes',
  eventual: 'the cheapest and fastest of the three classes',
};

export function levelMarkdown(expr: LevelExpr, profile: Profile): string {
  const r = resolveLevel(expr);
  if (!('level' in r)) return `**${expr.name.text}**: ${r.error}`;
  const level = r.level;
  const def = levelDefs[level.name];
  const title = level.display === level.name ? `**${level.name}**` : `**${level.display}**`;
  const implied = Object.keys(levelDefs).filter((n) => n !== level.name && implies(level, namedLevel(n)));
  const guarantees = [...level.guarantees].map((g) => g.replace(/_/g, '-'));
  if (level.maxStalenessMs !== undefined && level.maxStalenessMs > 0)
    guarantees.push(`staleness ≤ ${ms(level.maxStalenessMs)} ms`);
  if (level.maxStalenessVersions !== undefined && level.maxStalenessVersions > 0)
    guarantees.push(`staleness ≤ ${level.maxStalenessVersions} versions`);
  const money = (x: number) => formatMoney(x, profile.currency);
  const rows = classes.map((c) => {
    const f = profile.classes[c];
    const name = c === level.costClass ? `**${c}**` : c;
    return `| ${name} | ${money(f.costPerReplica)} | ${formatCount(f.capacityPerSec)} | ${ms(f.serviceMs.p99)} ms |`;
  });
  return [
    `${title} — ${def.summary}`,
    '',
    `Guarantees: ${guarantees.length ? guarantees.join(', ') : 'none'}.`,
    ...(implied.length ? ['', `Also satisfies: ${implied.join(', ')}.`] : []),
    '',
    `Cost class **${level.costClass}**, ${classWords[level.costClass]} (profile \`${profile.name}\`):`,
    '',
    '| class | per replica-month | ops/s per replica | service p99 |',
    '|:--|--:|--:|--:|',
    ...rows,
  ].join('\n');
}
