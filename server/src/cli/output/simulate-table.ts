// The human format of `consistency simulate`: per scenario block a heading with its faults; per data type
// a heading, a table of what became of the operations offered with their latency, the checks against the
// level's promises with a witness for each violation, failovers, availability (per fault too) and cost actuals;
// then what a stop left out, the assumptions grouped by run, and a summary line with the seed(s). Every line
// fits the width (tables wrap or stack, long lines wrap). Also the terminal progress bar drawn on stderr.
import {
  formatAvailability,
  formatCount,
  formatMoney,
  formatQuantity,
  ms,
  tidyNumbers,
} from '../../core/estimate/format';
import type { CheckResult, DataResult, OpResult, SimulationResult } from '../../core/simulate/index';
import { makeStyle, type Style } from './style';
import { assumptionLines } from './assumptions';
import { DEFAULT_WIDTH, renderTable, visible, wrapText, type Align } from './columns';
import { plural } from './locate';

export interface SimulateReport {
  runs: SimulationResult[];
  /** Runs that could not be simulated (a data type's default run, or a scenario), with the reason. */
  failed: { data?: string; scenario?: string; error: string }[];
  /** Runs never started because Ctrl-C (or the time limit) stopped the simulation. */
  skipped?: { kind: 'data' | 'scenario'; name: string }[];
  /** What stopped the simulation, when something did: the default is Ctrl-C. */
  stoppedBy?: string;
  /** The --seed given (undefined: each run's own). */
  seed?: number;
}

/** A data type's default run is named `<data> (default)`; any other run is a declared scenario block. */
const isScenario = (run: SimulationResult) => !run.scenario.name.endsWith(' (default)');

function scenarioLines(run: SimulationResult, style: Style): string[] {
  const sc = run.scenario;
  const out = [
    style.bold(`Scenario ${sc.name}`) +
      ` — ${formatCount(sc.loadPerSec)} ops/s for ${ms(sc.durationMs / 1000)} s, ` +
      `${formatCount(sc.clients)} clients, seed ${sc.seed}`,
  ];
  for (const f of sc.faults) out.push(`  fault ${f}`);
  return [...out, ''];
}

/** `seed n` when every run used one seed, else each run's. */
function seedText(report: SimulateReport): string {
  const seeds = [...new Set(report.runs.map((r) => r.scenario.seed))];
  if (report.seed !== undefined || seeds.length <= 1) return `seed ${report.seed ?? seeds[0] ?? 1}`;
  return `seeds ${report.runs.map((r) => `${r.scenario.name} ${r.scenario.seed}`).join(', ')}`;
}

const stopper = (report: SimulateReport) => report.stoppedBy ?? 'Ctrl-C';

/** The last line: what ran, whether every promise held, what failed or was skipped, the seed(s). */
export function simulateSummary(report: SimulateReport): string {
  const data = report.runs.reduce((n, r) => n + r.data.length, 0);
  const stopped = report.runs.some((r) => r.stopped) || (report.skipped?.length ?? 0) > 0;
  const broken = report.runs.flatMap((r) =>
    r.data.filter((d) => d.violated.length > 0).map((d) => `${d.data} (${d.violated.join(', ')})`),
  );
  const held = `every promise held${stopped ? ' so far' : ''}`;
  const parts = [
    `Simulated ${plural(data, 'data type')} in ${plural(report.runs.length, 'run')}`,
    data === 0 ? '' : broken.length ? `promised yet seen: ${broken.join('; ')}` : held,
    report.failed.length ? `${plural(report.failed.length, 'run')} could not be simulated` : '',
    report.skipped?.length ? `${plural(report.skipped.length, 'run')} not started (stopped by ${stopper(report)})` : '',
  ];
  return `${parts.filter(Boolean).join('; ')} (${seedText(report)}).`;
}

/** A long line wrapped to the width, continuation lines indented two more than its first. */
function wrapped(line: string, width: number): string[] {
  if (visible(line) <= width) return [line];
  const indent = /^ */.exec(line)![0];
  const [first, ...rest] = wrapText(line.slice(indent.length), width - indent.length - 2);
  return [indent + first, ...rest.map((l) => `${indent}  ${l}`)];
}

const opHeader = ['operation', 'offered', 'ok', 'fail', 'info', 'shed', 'p50', 'p99', 'p99.9', 'max', 'ok/s'];
const opAlign: Align[] = ['left', ...Array<Align>(10).fill('right')];

function opCells(name: string, o: OpResult): string[] {
  const l = o.latencyMs;
  const lat = (x: number) => (l.count > 0 ? `${ms(x)} ms` : '—');
  const c = formatCount;
  return [
    name,
    c(o.offered),
    c(o.ok),
    c(o.fail),
    c(o.info),
    c(o.shed),
    lat(l.p50),
    lat(l.p99),
    lat(l.p999),
    lat(l.max),
    formatQuantity(o.throughputPerSec),
  ];
}

function checkCells(c: CheckResult, style: Style): string[] {
  const bad = c.promised && c.violations > 0;
  const verdict = bad
    ? style.severity('error')(c.verdict)
    : c.verdict === 'unknown'
      ? style.severity('warning')(c.verdict)
      : c.verdict;
  const onFallback = c.fallbackViolations ? ` (+${formatCount(c.fallbackViolations)} on fallback)` : '';
  const count = `${formatCount(c.violations)}${onFallback}`;
  return [c.label, c.promised ? 'yes' : c.sla ? 'declared' : 'no', verdict, count, c.checked];
}

/** What each violated check shows as proof: its first witness, and notes on partial or unknown verdicts. */
function witnessLines(d: DataResult, style: Style): string[] {
  const out: string[] = [];
  for (const c of d.checks) {
    const w = c.witnesses[0];
    if (w && (c.promised || c.check !== 'stale-reads'))
      out.push(`  ${c.promised && c.violations > 0 ? style.severity('error')(c.label) : c.label}: ${w.explanation}`);
    if (c.note && (c.verdict === 'unknown' || c.violations > 0)) out.push(`  ${c.label}: ${c.note}`);
  }
  return out;
}

function dataLines(d: DataResult, sc: SimulationResult['scenario'], style: Style, width: number): string[] {
  const out = [
    style.bold(`${d.data}`) + ` — ${d.level}, ${d.replication}, conflict ${d.conflict}, prefers ${d.prefer}`,
  ];
  out.push(
    `  ${formatCount(sc.loadPerSec)} ops/s for ${ms(sc.durationMs / 1000)} s, ` +
      `${formatCount(sc.clients)} clients, ${formatCount(sc.keys)} keys, seed ${sc.seed}`,
    '',
  );
  const ops = [opCells('read', d.read), opCells('write', d.write)];
  out.push(...renderTable(opHeader, ops, { align: opAlign, width, style }));
  const unfinished = d.read.unfinished + d.write.unfinished;
  const fallback = d.read.degraded + d.write.degraded;
  if (unfinished)
    out.push(`  ${formatCount(unfinished)} operations were still waiting or in flight when the run stopped`);
  if (fallback) out.push(`  ${formatCount(fallback)} operations were answered by the prefer-availability fallback`);
  const checkAlign: Align[] = ['left', 'left', 'left', 'right', 'left'];
  const checks = d.checks.map((c) => checkCells(c, style));
  const checkHeader = ['check', 'promised', 'verdict', 'violations', 'judged over'];
  out.push('', ...renderTable(checkHeader, checks, { align: checkAlign, wrap: [0, 4, 3], width, style }), '');
  out.push(...witnessLines(d, style));
  out.push(
    `  stale reads: ${formatCount(d.staleness.staleReads)} of ${formatCount(d.staleness.reads)} reads; ` +
      `availability ${formatAvailability(d.availabilityPct)}`,
  );
  for (const e of d.elections) {
    const gap =
      e.lostAtMs >= 0
        ? `; ${ms((e.atMs - e.lostAtMs) / 1000)} s after it lost its majority at ${ms(e.lostAtMs / 1000)} s`
        : '';
    out.push(`  failover: ${e.to} leads from ${ms(e.atMs / 1000)} s (term ${e.term}, before: ${e.from}${gap})`);
  }
  for (const f of d.faults) {
    const regions = f.regions.map((r) => `${r.region} ${formatAvailability(r.availabilityPct)}`).join(', ');
    out.push(
      `  during ${f.fault}: availability ${formatAvailability(f.availabilityPct)}${regions ? ` (${regions})` : ''}`,
    );
  }
  const c = d.cost;
  out.push(
    `  cost actuals (${c.profile}): ${c.note}`,
    `    ${c.lines.map((l) => `${l.label} ${formatMoney(l.amount, c.currency)}`).join(' · ')}`,
  );
  if (d.violated.length > 0) out.push(style.severity('error')(`  promised yet seen: ${d.violated.join(', ')}`));
  return out.flatMap((l) => wrapped(tidyNumbers(l), width));
}

/** Every distinct assumption of the runs, in order of first appearance. */
export function simulationAssumptions(runs: SimulationResult[]): string[] {
  return [...new Set(runs.flatMap((r) => r.assumptions))];
}

export interface SimulateOptions {
  color?: boolean;
  /** Columns of the terminal (default 100). */
  width?: number;
  /** The file simulated, as shown. */
  file?: string;
}

export function formatSimulation(report: SimulateReport, options: SimulateOptions = {}): string {
  const style = makeStyle(options.color ?? false);
  const width = options.width ?? DEFAULT_WIDTH;
  const out: string[] = [];
  for (const run of report.runs) {
    if (isScenario(run)) out.push(...scenarioLines(run, style).flatMap((l) => wrapped(l, width)));
    for (const d of run.data) out.push(...dataLines(d, run.scenario, style, width), '');
    const why = run.stopped === 'cancelled' && report.stoppedBy ? report.stoppedBy : run.stopped;
    if (run.stopped)
      out.push(
        style.severity('warning')(
          `  stopped early (${why}) at ${ms(run.simulatedMs / 1000)} s of simulated time: the results cover what ran`,
        ),
        '',
      );
  }
  if (report.runs.length === 0 && report.failed.length === 0 && !report.skipped?.length)
    out.push('No data types or scenarios to simulate.', '');
  if (report.failed.length > 0) {
    out.push(style.severity('error')('Could not simulate:'));
    for (const f of report.failed)
      out.push(`  ${f.scenario !== undefined ? `scenario ${f.scenario}` : f.data}: ${f.error}`);
    out.push('');
  }
  if (report.skipped?.length) {
    const names = report.skipped.map((r) => (r.kind === 'scenario' ? `scenario ${r.name}` : r.name)).join(', ');
    out.push(style.severity('warning')(`Stopped by ${stopper(report)}; not run: ${names}`), '');
  }
  const file = options.file ?? 'this file';
  const runs = report.runs.map((r) => ({ file, name: r.scenario.name, assumptions: r.assumptions }));
  const lines = assumptionLines(runs, width, style, 'run');
  if (lines.length) out.push(...lines, '');
  out.push(...wrapText(simulateSummary(report), width));
  return out.join('\n') + '\n';
}

/** One frame of the progress bar: `\r[#####·····]  45% sess`, redrawn in place. */
export function progressFrame(fraction: number, label: string, width = 30): string {
  const f = Math.min(1, Math.max(0, fraction));
  const filled = Math.round(f * width);
  return (
    `\r[${'#'.repeat(filled)}${'·'.repeat(width - filled)}] ` +
    `${String(Math.floor(f * 100)).padStart(3)}% ${label}\x1b[K`
  );
}

/** Erases the progress bar's line. */
export const progressClear = '\r\x1b[K';
