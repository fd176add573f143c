/// <reference lib="dom" />
// The simulation results webview (bundled to out/webview/simulation.js, a browser IIFE): renders what the
// extension posts (messages.ts) — scenario and seed, Re-run and Change seed, per data type the latency table and
// histogram, the t-visibility curve, checks promised vs seen with witnesses, failovers, the fault timeline, cost; then the assumptions.
import './simulation.css';
import type { Chart } from 'chart.js';
import {
  formatAvailability,
  formatCount,
  formatMoney,
  formatNumber,
  formatRate,
  ms,
  tidyNumbers,
} from '../../../server/src/core/estimate/format';
import { followable } from '../../../server/src/core/util/sources';
import type { CheckResult, DataResult, OpResult, SimulationResult } from '../../../server/src/lsp/protocol';
import { latencyChart, theme, timelineChart, visibilityChart } from './charts';
import { el, nodes, table as bareTable } from './dom';
import type { FromWebview, ToWebview } from './messages';

declare function acquireVsCodeApi(): {
  postMessage(m: FromWebview): void;
  getState(): unknown;
  setState(s: unknown): void;
};

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
let charts: Chart[] = [];
let last = vscode.getState() as ToWebview | undefined;

/** Tables scroll sideways only as a last resort: narrow panels stack their rows (simulation.css). */
const table = (...a: Parameters<typeof bareTable>) => el('div', { class: 'table-wrap' }, bareTable(...a));
const seconds = (msValue: number) => `${formatNumber(msValue / 1000, 2)} s`;
const text = (t: string) => followable(tidyNumbers(t));

function button(id: string, text: string, type: FromWebview['type']): HTMLButtonElement {
  const b = el('button', { id, type: 'button' }, text);
  b.addEventListener('click', () => vscode.postMessage({ type } as FromWebview));
  return b;
}

function toolbar(seed: number | undefined, running: boolean, run?: number): HTMLElement {
  const rerun = button('rerun', 'Re-run', 'rerun');
  const change = button('change-seed', 'Change seed…', 'changeSeed');
  rerun.disabled = change.disabled = running;
  const seedText = seed === undefined ? 'seed: from the settings' : `seed ${seed}`;
  return el(
    'div',
    { class: 'toolbar' },
    rerun,
    change,
    el('span', { id: 'seed', class: 'seed' }, seedText),
    run ? el('span', { id: 'run', class: 'muted' }, `run ${run} in this panel`) : null,
  );
}

/** Reads and writes side by side, one row per figure: three columns fit any panel width. */
function opTable(read: OpResult, write: OpResult): HTMLElement {
  const lat = (o: OpResult, k: 'p50' | 'p95' | 'p99' | 'p999' | 'max') =>
    o.latencyMs.count > 0 ? `${ms(o.latencyMs[k])} ms` : '—';
  const rows: [string, (o: OpResult) => string][] = [
    ['offered', (o) => formatCount(o.offered)],
    ['ok', (o) => formatCount(o.ok)],
    ['fail', (o) => formatCount(o.fail)],
    ['info', (o) => formatCount(o.info)],
    ['shed', (o) => formatCount(o.shed)],
    ['latency p50', (o) => lat(o, 'p50')],
    ['p95', (o) => lat(o, 'p95')],
    ['p99', (o) => lat(o, 'p99')],
    ['p99.9', (o) => lat(o, 'p999')],
    ['max', (o) => lat(o, 'max')],
    ['ok/s', (o) => formatRate(o.throughputPerSec)],
  ];
  return table(
    'latency',
    ['', 'read', 'write'],
    rows.map(([label, f]) => ({ cells: [label, num(f(read)), num(f(write))] })),
  );
}

/** A cell right-aligned like a number. */
const num = (t: string) => ({ num: t });

/** A check's row: what the level promises, the verdict, the violations, and the first witness (why). */
function checkRow(c: CheckResult) {
  const count = `${formatCount(c.violations)}${c.fallbackViolations ? ` (+${formatCount(c.fallbackViolations)} on fallback)` : ''}`;
  const why = text(c.witnesses[0]?.explanation ?? c.note ?? '');
  const bad = c.promised && c.violations > 0;
  return {
    cells: [c.label, c.promised ? 'promised' : 'not promised', c.verdict, count, why || undefined],
    class: bad ? 'violated' : undefined,
  };
}

function canvas(id: string, caption: string, tall = false): HTMLElement {
  return el(
    'figure',
    { class: tall ? 'chart tall' : 'chart' },
    el('div', { class: 'canvas-box' }, el('canvas', { id, role: 'img', 'aria-label': caption })),
    el('figcaption', {}, caption),
  );
}

function dataSection(r: SimulationResult, d: DataResult, i: number): HTMLElement {
  const elections = d.elections.map((e) => ({
    cells: [e.lostAtMs >= 0 ? seconds(e.lostAtMs) : '—', seconds(e.atMs), e.from, e.to, e.term],
  }));
  const faults = d.faults.map((f) => ({
    cells: [
      f.fault,
      `${formatNumber(f.atMs / 1000, 2)}–${seconds(f.atMs + f.forMs)}`,
      num(formatCount(f.regions.reduce((s, x) => s + x.ops, 0))),
      num(formatAvailability(f.availabilityPct)),
      f.regions.map((x) => `${x.region} ${formatAvailability(x.availabilityPct)}`).join(', '),
    ],
  }));
  return el(
    'section',
    { class: 'data', id: `data-${i}` },
    el(
      'h2',
      {},
      `data ${d.data}`,
      el('span', { class: 'muted' }, ` · ${d.level} · ${d.replication} · conflict ${d.conflict} · prefer ${d.prefer}`),
    ),
    el('p', { class: 'muted' }, text(`${d.protocol.writes}; ${d.protocol.reads}.`)),
    el(
      'div',
      { class: 'charts' },
      opTable(d.read, d.write),
      canvas(`histogram-${i}`, 'Latency of successful operations (share per bin)'),
    ),
    canvas(
      `visibility-${i}`,
      'Probability that a read started t ms after a write committed returns it or newer (t-visibility)',
    ),
    el('h3', {}, 'Checks: promised vs seen'),
    el(
      'p',
      { class: 'muted' },
      `${formatCount(d.staleness.reads)} reads checked; ${formatCount(d.sessionsChecked)} client sessions checked for the session guarantees.`,
    ),
    table('checks', ['check', 'the level', 'verdict', 'violations', 'witness'], d.checks.map(checkRow)),
    elections.length
      ? table('elections', ['leader lost', 'new leader from', 'before', 'after', 'term'], elections)
      : null,
    el('h3', {}, 'Availability over time'),
    canvas(
      `timeline-${i}`,
      `The share of operations answered ok, per ${seconds(d.timeline.binMs)} of arrivals${d.faults.length ? ', with the fault windows shaded' : ' (no faults injected)'}`,
      true,
    ),
    d.faults.length
      ? table('faults', ['fault', 'window', 'operations', 'availability', 'by client region'], faults)
      : null,
    el(
      'p',
      { class: 'cost' },
      `Cost actuals (${d.cost.profile}): ${formatMoney(d.cost.monthly, d.cost.currency)}/month at the simulated rate · the estimate says ${formatMoney(d.cost.estimatedMonthly, d.cost.currency)}/month. ${text(d.cost.note)}.`,
    ),
  );
}

function render(m: ToWebview): void {
  for (const c of charts) c.destroy();
  charts = [];
  if (m.type === 'running') {
    const shown = last?.type === 'result' ? last : undefined;
    if (shown) {
      renderResult(shown, true);
      return;
    }
    app.replaceChildren(
      el('h1', {}, `Simulation: ${m.title}`),
      toolbar(m.seed, true),
      el('p', { class: 'status' }, 'Running…'),
    );
    return;
  }
  renderResult(m, false);
}

function renderResult(m: Extract<ToWebview, { type: 'result' }>, running: boolean): void {
  const { response: res } = m;
  const r = res.result;
  const s = r?.scenario;
  const status = running
    ? 'Running again…'
    : res.stopped === 'cancelled'
      ? 'Cancelled: the results cover what ran.'
      : res.stopped === 'time-limit'
        ? 'Stopped at the time limit: the results cover what ran.'
        : undefined;
  app.replaceChildren(
    ...nodes(
      el('h1', {}, `Simulation: ${m.title}`),
      el('p', { class: 'muted' }, `${m.file}${s ? ` · scenario ${s.name}` : ''}`),
      toolbar(s?.seed, running, m.run),
      status ? el('p', { class: res.stopped ? 'status warn' : 'status' }, status) : null,
      el(
        'p',
        { class: res.error && !res.stopped ? 'summary error' : 'summary', id: 'summary' },
        res.error ?? res.summary,
      ),
      s
        ? el(
            'p',
            { class: 'scenario' },
            `${seconds(s.durationMs)} of load at ${formatRate(s.loadPerSec)} from ${formatCount(s.clients)} clients over ${formatCount(s.keys)} keys; timeout ${ms(s.timeoutMs)} ms; ${s.faults.length ? `faults: ${s.faults.join('; ')}` : 'no faults'}.`,
          )
        : null,
      ...(r ? r.data.map((d, i) => dataSection(r, d, i)) : []),
      r
        ? el(
            'section',
            { class: 'assumptions' },
            el('h2', {}, 'Assumptions'),
            el('ol', {}, ...r.assumptions.map((x) => el('li', {}, text(x)))),
          )
        : null,
      r
        ? el(
            'p',
            { class: 'muted footer' },
            `Seed ${r.scenario.seed} · ${formatCount(r.events)} events · ${seconds(r.simulatedMs)} simulated${r.stopped ? ` · stopped (${r.stopped})` : ''}.`,
          )
        : null,
    ),
  );
  if (running) app.classList.add('stale');
  else app.classList.remove('stale');
  if (!r) return;
  const t = theme();
  r.data.forEach((d, i) => {
    const get = (id: string) => document.getElementById(`${id}-${i}`) as HTMLCanvasElement;
    charts.push(
      latencyChart(get('histogram'), d, t),
      visibilityChart(get('visibility'), d, t),
      timelineChart(get('timeline'), r, d, t),
    );
  });
}

window.addEventListener('message', (e: MessageEvent<ToWebview>) => {
  const m = e.data;
  if (m?.type !== 'running' && m?.type !== 'result') return;
  render(m);
  if (m.type === 'result') {
    last = m;
    vscode.setState(m);
  }
});

// A theme change re-reads the colours.
new MutationObserver(() => last && render(last)).observe(document.body, {
  attributes: true,
  attributeFilter: ['class'],
});

if (last) render(last);
vscode.postMessage({ type: 'ready' });
