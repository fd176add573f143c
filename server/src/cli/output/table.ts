// The human format of `consistency explain`: per file a table of estimates (a line per data type, its level and
// replication under it) and its transactions; the assumptions grouped per file and data type; a summary line.
import type { DataEstimate } from '../../core/estimate/estimate';
import type { TransactionEstimate } from '../../core/estimate/transaction';
import { formatAvailability, formatCount, formatMoney, ms } from '../../core/estimate/format';
import type { Shown } from '../inputs';
import { assumptionLines } from './assumptions';
import { DEFAULT_WIDTH, renderTable, wrapText, type Align } from './columns';
import { plural, shownPath } from './locate';
import { makeStyle } from './style';
import { noun } from '../../core/util/plural';

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
  /** How files are shown (default: relative to cwd). */
  shown?: Shown;
  /** Files given that declare nothing. */
  empty?: string[];
}

export type { Align } from './columns';

/** Every distinct assumption of the estimates (data types, then transactions), in order of first appearance. */
export function assumptionsOf(rows: ExplainRow[], transactions: TransactionEstimate[] = []): string[] {
  return [
    ...new Set([...rows.flatMap((r) => r.estimate?.assumptions ?? []), ...transactions.flatMap((t) => t.assumptions)]),
  ];
}

function transactionCells(t: TransactionEstimate): string[] {
  const cost = t.costPerTransaction === undefined || !t.currency ? '—' : formatMoney(t.costPerTransaction, t.currency);
  return [t.name, t.members.join(', '), `${ms(t.writeP99)} ms`, cost];
}

export function profilesOf(rows: ExplainRow[]): string[] {
  return [...new Set(rows.map((r) => r.profile))];
}

const header = ['data type', 'read p50/p99', 'write p50/p99', 'lag', 'availability', 'per month', 'per op'];
const align: Align[] = ['left', 'right', 'right', 'right', 'right', 'right', 'right'];

function cells(r: ExplainRow): string[] {
  const e = r.estimate;
  if (!e) return [r.name, '—', '—', '—', '—', '—', '—'];
  return [
    r.name,
    `${ms(e.read.p50)} / ${ms(e.read.p99)} ms`,
    `${ms(e.write.p50)} / ${ms(e.write.p99)} ms`,
    `${ms(e.replicationLagMs)} ms`,
    formatAvailability(e.availabilityPct),
    formatMoney(e.monthlyCost, e.currency),
    e.costPerOperation === undefined ? '—' : formatMoney(e.costPerOperation, e.currency),
  ];
}

/** The line under a data type's numbers: its level and replication. */
const detail = (r: ExplainRow) => [r.level ?? 'no level', r.replication].filter(Boolean).join(' · ');

export interface ExplainOptions {
  color?: boolean;
  /** Columns of the terminal (default 100). */
  width?: number;
}

export function formatExplain(report: ExplainReport, options: ExplainOptions = {}): string {
  const style = makeStyle(options.color ?? false);
  const width = options.width ?? DEFAULT_WIDTH;
  const show = (uri: string) => shownPath(report, uri);
  const out: string[] = [];
  const transactions = report.transactions ?? [];
  for (const uri of report.files) {
    const rows = report.rows.filter((r) => r.uri === uri);
    if (rows.length === 0) continue;
    const currency = rows.find((r) => r.estimate)?.estimate?.currency;
    const profiles = profilesOf(rows).join(', ');
    const heading = wrapText(`${show(uri)} — profile ${profiles}${currency ? `, ${currency}` : ''}`, width);
    out.push(...heading.map((l, i) => (i === 0 ? style.bold(l) : `  ${l}`)), '');
    out.push(...renderTable(header, rows.map(cells), { align, details: rows.map(detail), width, style }), '');
    const own = transactions.filter((t) => rows.some((r) => t.members.includes(r.name)));
    if (own.length > 0) {
      const tx = own.map(transactionCells);
      const o = { align: ['left', 'left', 'right', 'right'] as Align[], wrap: [1], width, style };
      out.push(...renderTable(['transaction', 'members', 'write p99', 'per transaction'], tx, o), '');
    }
  }
  const failed = report.rows.filter((r) => r.error !== undefined);
  if (failed.length > 0) {
    out.push(style.severity('error')('Could not estimate:'));
    for (const r of failed) out.push(`  ${show(r.uri)}: ${r.name}: ${r.error}`);
    out.push('');
  }
  const assumed = [
    ...report.rows.map((r) => ({ file: show(r.uri), name: r.name, assumptions: r.estimate?.assumptions ?? [] })),
    ...transactions.map((t) => ({
      file: show(fileOf(report, t)),
      name: `transaction ${t.name}`,
      assumptions: t.assumptions,
      extra: true,
    })),
  ];
  const lines = assumptionLines(assumed, width, style);
  if (lines.length) out.push(...lines, '');
  for (const uri of report.empty ?? []) {
    out.push(...wrapText(`${show(uri)}: warning: declares nothing (an empty file)`, width));
  }
  out.push(...wrapText(explainSummary(report), width));
  return out.join('\n') + '\n';
}

function fileOf(report: ExplainReport, t: TransactionEstimate): string {
  return report.rows.find((r) => t.members.includes(r.name))?.uri ?? report.files[0];
}

/** The last line: what was estimated, in how many files, with which profiles; what could not be. */
export function explainSummary(report: ExplainReport): string {
  const n = report.rows.length;
  const failed = report.rows.filter((r) => r.error !== undefined).length;
  const tx = report.transactions?.length ?? 0;
  const of = failed ? `${formatCount(n - failed)} of ` : '';
  const what = `${of}${plural(n, 'data type')}${tx ? ` and ${plural(tx, 'transaction')}` : ''}`;
  const profiles = profilesOf(report.rows);
  const using = profiles.length ? ` (${noun(profiles.length, 'profile')} ${profiles.join(', ')})` : '';
  const files = plural(report.files.length, 'file');
  const empty = report.empty?.length ? `${plural(report.empty.length, 'file')} declaring nothing` : '';
  const tail = [failed ? `${formatCount(failed)} not estimated` : '', empty].filter(Boolean).join('; ');
  if (n === 0) return `No data types in ${files}${tail ? `; ${tail}` : ''}.`;
  return `Estimated ${what} in ${files}${using}${tail ? `; ${tail}` : ''}.`;
}
