/// <reference lib="dom" />
// The results panel's charts (Chart.js, only the parts used): the latency histogram of reads and writes, the
// t-visibility curve, and the timeline of the run and its fault windows with their availability. Colours and
// fonts come from VS Code's theme variables, read when the charts are drawn.
import {
  BarController, BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineController, LineElement, LogarithmicScale, PointElement, Tooltip,
  type Plugin,
} from 'chart.js';
import type { Bin, DataResult, SimulationResult } from '../../../server/src/lsp/protocol';

Chart.register(BarController, BarElement, CategoryScale, Filler, Legend, LinearScale, LineController, LineElement, LogarithmicScale, PointElement, Tooltip);

export interface Theme {
  fg: string;
  muted: string;
  grid: string;
  read: string;
  write: string;
  curve: string;
  good: string;
  warn: string;
  bad: string;
  font: string;
}

export function theme(): Theme {
  const cs = getComputedStyle(document.body);
  const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
  return {
    fg: v('--vscode-editor-foreground', '#cccccc'),
    muted: v('--vscode-descriptionForeground', '#999999'),
    grid: v('--vscode-charts-lines', 'rgba(128, 128, 128, 0.35)'),
    read: v('--vscode-charts-blue', '#3794ff'),
    write: v('--vscode-charts-orange', '#d18616'),
    curve: v('--vscode-charts-purple', '#b180d7'),
    good: v('--vscode-charts-green', '#89d185'),
    warn: v('--vscode-charts-yellow', '#cca700'),
    bad: v('--vscode-charts-red', '#f14c4c'),
    font: v('--vscode-font-family', 'sans-serif'),
  };
}

/** The colour at about a quarter opacity, for fills (#rgb, #rrggbb and rgb() understood; others as they are). */
export function translucent(c: string): string {
  const h = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(c)?.[1];
  if (h) return `#${h.length === 3 ? [...h].map((x) => x + x).join('') : h}40`;
  const rgb = /^rgba?\(([^,]+),([^,]+),([^,)]+)/.exec(c);
  return rgb ? `rgba(${rgb[1]},${rgb[2]},${rgb[3]}, 0.25)` : c;
}

function base(t: Theme, xTitle: string, yTitle: string) {
  Chart.defaults.color = t.fg;
  Chart.defaults.borderColor = t.grid;
  Chart.defaults.font.family = t.font;
  const axis = (text: string) => ({ title: { display: true, text, color: t.muted }, grid: { color: t.grid }, ticks: { color: t.fg } });
  return { animation: false as const, responsive: true, maintainAspectRatio: false, x: axis(xTitle), y: axis(yTitle) };
}

/** Steps over log-scale bins: the share of operations in each bin, %, ending at the last bin's upper edge. */
function steps(bins: Bin[] | undefined): { x: number; y: number }[] {
  const total = (bins ?? []).reduce((s, b) => s + b.count, 0);
  if (!bins?.length || total === 0) return [];
  const pts = bins.map((b) => ({ x: b.fromMs, y: Math.round((10000 * b.count) / total) / 100 }));
  return [...pts, { x: bins[bins.length - 1].toMs, y: pts[pts.length - 1].y }];
}

export function latencyChart(canvas: HTMLCanvasElement, d: DataResult, t: Theme): Chart {
  const b = base(t, 'latency, ms (log scale)', 'operations, %');
  const set = (label: string, bins: Bin[] | undefined, colour: string) => ({
    label, data: steps(bins), borderColor: colour, backgroundColor: translucent(colour), fill: 'origin' as const, stepped: 'after' as const, pointRadius: 0, borderWidth: 1.5,
  });
  return new Chart(canvas, {
    type: 'line',
    data: { datasets: [set(`read (${d.read.ok} ok)`, d.read.histogram, t.read), set(`write (${d.write.ok} ok)`, d.write.histogram, t.write)] },
    options: {
      animation: b.animation, responsive: b.responsive, maintainAspectRatio: b.maintainAspectRatio,
      interaction: { mode: 'nearest', intersect: false },
      scales: { x: { ...b.x, type: 'logarithmic' }, y: { ...b.y, beginAtZero: true } },
      plugins: { tooltip: { callbacks: { label: (c) => `${c.dataset.label?.split(' ')[0]}: ${c.parsed.y}% from ${c.parsed.x} ms` } } },
    },
  });
}

export function visibilityChart(canvas: HTMLCanvasElement, d: DataResult, t: Theme): Chart {
  const b = base(t, 'ms after the write committed', 'reads that see it, %');
  return new Chart(canvas, {
    type: 'line',
    data: {
      labels: d.visibility.map((v) => String(v.tMs)),
      datasets: [{ label: 't-visibility', data: d.visibility.map((v) => Math.round(v.probability * 10000) / 100), borderColor: t.curve, backgroundColor: t.curve, pointRadius: 3, borderWidth: 2 }],
    },
    options: {
      animation: b.animation, responsive: b.responsive, maintainAspectRatio: b.maintainAspectRatio,
      scales: { x: { ...b.x, type: 'category' }, y: { ...b.y, min: 0, max: 100 } },
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (c) => `${c.parsed.y}% of ${d.visibility[c.dataIndex].probes} probes` } } },
    },
  });
}

const availabilityColour = (pct: number, t: Theme) => (pct >= 99.9 ? t.good : pct >= 99 ? t.warn : t.bad);

/** Shades each fault window behind the bars, with its name at the top. */
const faultWindows = (d: DataResult, fill: string, text: string): Plugin<'bar'> => ({
  id: 'faultWindows',
  beforeDatasetsDraw(chart) {
    const { ctx, chartArea: a, scales } = chart;
    ctx.save();
    for (const f of d.faults) {
      const x0 = scales.x.getPixelForValue(f.atMs / 1000);
      const x1 = scales.x.getPixelForValue((f.atMs + f.forMs) / 1000);
      ctx.fillStyle = fill;
      ctx.fillRect(Math.max(a.left, x0), a.top, Math.min(a.right, x1) - Math.max(a.left, x0), a.bottom - a.top);
      ctx.fillStyle = text;
      ctx.textBaseline = 'top';
      ctx.fillText(f.fault.replace(/ at .*$/, ''), Math.max(a.left, x0) + 4, a.top + 4, Math.max(0, x1 - x0 - 8));
    }
    ctx.restore();
  },
});

/** Availability over the run, per time bin (by arrival), with the fault windows shaded behind it. */
export function timelineChart(canvas: HTMLCanvasElement, r: SimulationResult, d: DataResult, t: Theme): Chart {
  const b = base(t, 'time since the load started, s', 'answered ok, %');
  const step = d.timeline.binMs / 1000;
  const points = d.timeline.availabilityPct.map((pct, i) => ({ x: i * step + step / 2, y: pct, offered: d.timeline.offered[i] }));
  const end = Math.max(r.scenario.durationMs / 1000, points.length * step);
  return new Chart(canvas, {
    type: 'bar',
    data: {
      datasets: [{
        label: 'availability', data: points, barPercentage: 1, categoryPercentage: 1, barThickness: 'flex',
        backgroundColor: points.map((p) => translucent(availabilityColour(p.y, t))), borderColor: points.map((p) => availabilityColour(p.y, t)), borderWidth: 1,
      }],
    },
    options: {
      animation: b.animation, responsive: b.responsive, maintainAspectRatio: b.maintainAspectRatio,
      scales: { x: { ...b.x, type: 'linear', min: 0, max: end }, y: { ...b.y, min: 0, max: 100 } },
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (c) => `${points[c.dataIndex].x - step / 2}–${points[c.dataIndex].x + step / 2} s: ${c.parsed.y}% of ${points[c.dataIndex].offered} operations answered ok` } } },
    },
    plugins: [faultWindows(d, translucent(t.warn), t.muted)],
  });
}
