// An estimate in words for the editor: the markdown of a data type's hover and the one-line CodeLens
// title ("≈ ₹4.2 lakh/month · write p99 48 ms"). Numbers are formatted by core/estimate/format.ts.
import { followable } from '../core/util/sources';
import type { DataEstimate, Percentiles } from '../core/estimate/estimate';
import { formatAvailability, formatCount, formatMoney, ms } from '../core/estimate/format';
import { jitterNote } from '../core/estimate/percentile';
import { profileNamed } from '../core/estimate/profiles/index';
import type { DataModel } from '../core/model/model';
import type { Analysis } from '../core/pipeline';

/** The estimate, or the reason there is none. */
export function tryEstimate(analysis: Analysis, d: DataModel): DataEstimate | { error: string } {
  try {
    return analysis.estimate(d);
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

export function lensTitle(e: DataEstimate | { error: string }): string {
  if ('error' in e) return `estimate unavailable: ${e.error}`;
  return `≈ ${formatMoney(e.monthlyCost, e.currency)}/month · write p99 ${ms(e.write.p99)} ms`;
}

const row = (label: string, p: Percentiles) => `| ${label} | ${ms(p.p50)} ms | ${ms(p.p95)} ms | ${ms(p.p99)} ms |`;

/** Money and sessions as the checks read them: "Money: yes (category wallet) · sessions sticky (default)". */
export function moneyLine(d: DataModel): string {
  const m = d.effective.moneyBasis;
  const unmarked = 'no (nothing marks it as money; `money` says it is)';
  const money = m.value ? `yes (${m.reason})` : m.declared ? `no (${m.reason})` : unmarked;
  const s = d.effective.sessions;
  return `Money: ${money} · sessions ${s ? s.value : 'sticky (default)'}`;
}

export function estimateMarkdown(d: DataModel, e: DataEstimate | { error: string }): string {
  const head = `**data ${d.name}**`;
  if ('error' in e) return `${head}\n\n${moneyLine(d)}\n\nEstimate unavailable: ${e.error}`;
  const money = (x: number) => formatMoney(x, e.currency);
  const w = e.workload;
  const perOp =
    e.costPerOperation === undefined
      ? 'no workload declared, so no cost per operation'
      : `${money(e.costPerOperation)} per operation (${formatCount(w?.monthlyOperations ?? 0)} operations/month)`;
  return [
    `${head} · ${e.level ?? 'no level'} · ${e.replication ?? ''}`.trimEnd(),
    '',
    '| | p50 | p95 | p99 |',
    '|:--|--:|--:|--:|',
    row('read', e.read),
    row('write', e.write),
    '',
    `**≈ ${money(e.monthlyCost)}/month** · ${perOp}`,
    '',
    `Replication lag p99 ${ms(e.replicationLagMs)} ms · write availability ` +
      `${formatAvailability(e.availabilityPct)} · capacity ${formatCount(e.capacityPerSec)} ops/s`,
    '',
    storeLine(e),
    '',
    moneyLine(d),
    '',
    `Profile \`${e.profile}\` (${e.currency}); assumptions beyond its figures:`,
    ...specificAssumptions(e).map((a) => `- ${a}`),
  ].join('\n');
}

/** The assumptions particular to this data type: the profile's general notes are left to `consistency explain`. */
function specificAssumptions(e: DataEstimate): string[] {
  const general = [...Object.values(profileNamed(e.profile)?.notes ?? {}), jitterNote].map(followable);
  return e.assumptions.filter((a) => !general.some((g) => a.startsWith(g)));
}

/** Which store model and profile produced the numbers, and the date of the profile's price list. */
function storeLine(e: DataEstimate): string {
  const model = e.store ? `Store model **${e.store.title}**` : "No `store` named: the profile's level classes";
  const dated = e.profileDated ? `, price list of ${e.profileDated}` : '';
  const illustrative = e.assumptions.some((a) => a.startsWith(`profile ${e.profile}`) && a.includes('ILLUSTRATIVE'));
  return `${model} · profile \`${e.profile}\`${dated}${illustrative ? ' (illustrative figures)' : ''}`;
}
