// The human format of `consistency explain`: one table row of estimates per data type, the data types that
// could not be estimated, the assumptions (deduplicated, numbered) and the profile(s) used.
import type { DataEstimate } from '../../core/estimate/estimate';
import type { TransactionEstimate } from '../../core/estimate/transaction';
import { formatAvailability, formatMoney, ms } from '../../core/estimate/format';
import { makeStyle, type Style } from './style';

/** One data type of the workspace, with its estimate or the reason there is none. */
export interface ExplainRow {
  name: string;
  uri: string;
  level?: string;
  replication?: string;
  profile: string;
  estimate?: DataEstimate;
  error?: string;
}

export interface ExplainReport {
  files: string[];
  rows: ExplainRow[];
  transactions?: TransactionEstimate[];
  cwd: string;
}

export type Align = 'left' | 'right';

/** Columns padded to their widest cell, separated by two spaces, with a rule under the header. */
export function renderTable(header: string[], rows: string[][], align: Align[] = [], style: Style = makeStyle(false)): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (align[i] === 'right' ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [style.bold(line(header)), style.dim(widths.map((w) => '-'.repeat(w)).join('  ')), ...rows.map(line)];
}

/** Every distinct assumption of the estimates (data types, then transactions), in order of first appearance. */
export function assumptionsOf(rows: ExplainRow[], transactions: TransactionEstimate[] = []): string[] {
  return [...new Set([...rows.flatMap((r) => r.estimate?.assumptions ?? []), ...transactions.flatMap((t) => t.assumptions)])];
}

function transactionCells(t: TransactionEstimate): string[] {
  const cost = t.costPerTransaction === undefined || !t.currency ? '—' : formatMoney(t.costPerTransaction, t.currency);
  return [t.name, t.members.join(', '), `${ms(t.writeP99)} ms`, cost];
}

export function profilesOf(rows: ExplainRow[]): string[] {
  return [...new Set(rows.map((r) => r.profile))];
}

const header = ['data type', 'level', 'replication', 'read p50/p99', 'write p50/p99', 'lag', 'availability', 'monthly cost', 'cost per op'];
const align: Align[] = ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'right'];

function cells(r: ExplainRow): string[] {
  const e = r.estimate;
  const first = [r.name, r.level ?? '—', r.replication ?? '—'];
  if (!e) return [...first, '—', '—', '—', '—', '—', '—'];
  return [
    ...first,
    `${ms(e.read.p50)} / ${ms(e.read.p99)} ms`,
    `${ms(e.write.p50)} / ${ms(e.write.p99)} ms`,
    `${ms(e.replicationLagMs)} ms`,
    formatAvailability(e.availabilityPct),
    formatMoney(e.monthlyCost, e.currency),
    e.costPerOperation === undefined ? '—' : formatMoney(e.costPerOperation, e.currency),
  ];
}

export function formatExplain(report: ExplainReport, options: { color?: boolean } = {}): string {
  const style = makeStyle(options.color ?? false);
  if (report.rows.length === 0) return `No data types in ${report.files.length === 1 ? 'this file' : 'these files'}.\n`;
  const out = renderTable(header, report.rows.map(cells), align, style);
  const failed = report.rows.filter((r) => r.error !== undefined);
  if (failed.length > 0) {
    out.push('', style.severity('error')('Could not estimate:'));
    for (const r of failed) out.push(`  ${r.name}: ${r.error}`);
  }
  const transactions = report.transactions ?? [];
  if (transactions.length > 0) {
    out.push('', ...renderTable(['transaction', 'members', 'write p99', 'cost per transaction'], transactions.map(transactionCells), ['left', 'left', 'right', 'right'], style));
  }
  const assumptions = assumptionsOf(report.rows, transactions);
  if (assumptions.length > 0) {
    out.push('', style.bold('Assumptions:'));
    const width = String(assumptions.length).length;
    assumptions.forEach((a, i) => out.push(`  ${String(i + 1).padStart(width)}. ${a}`));
  }
  const profiles = profilesOf(report.rows);
  out.push('', `${style.bold(profiles.length === 1 ? 'Profile:' : 'Profiles:')} ${profiles.join(', ')}`);
  return out.join('\n') + '\n';
}
