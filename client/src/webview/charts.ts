/// <reference lib="dom" />
// The results panel's charts (Chart.js, only the parts used): the latency histogram of reads and writes, the
// t-visibility curve, and the timeline of the run and its fault windows with their availability. Colours and
// fonts come from VS Code's theme variables, read when the charts are drawn.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  Tooltip,
  type Plugin,
} from 'chart.js';
import { formatAvailability, formatCount, formatNumber } from '../../../server/src/core/estimate/format';
import type { Bin, DataResult, SimulationResult } from '../../../server/src/lsp/protocol';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  Tooltip,
);

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
  // Legible at any panel width: 11 px labels, never rotated, skipped rather than overlapped; room on the right
  // for the last label.
  const font = { size: 11 };
  const axis = (text: string) => ({
    title: { display: true, text, color: t.muted, font },
    grid: { color: t.grid },
    ticks: { color: t.fg, font, maxRotation: 0, autoSkip: true, autoSkipPadding: 10 },
  });
  const layout = { padding: { top: 4, right: 14, bottom: 0, left: 0 } };
  return {
    animation: false as const,
    responsive: true,
    maintainAspectRatio: false,
    layout,
    x: axis(xTitle),
    y: axis(yTitle),
  };
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
    label,
    data: steps(bins),
    borderColor: colour,
    backgroundColor: translucent(colour),
    fill: 'origin' as const,
    stepped: 'after' as const,
    pointRadius: 0,
    borderWidth: 1.5,
  });
  return new Chart(canvas, {
    type: 'line',
    data: {
      datasets: [
        set(`read (${formatCount(d.read.ok)} ok)`, d.read.histogram, t.read),
        set(`write (${formatCount(d.write.ok)} ok)`, d.write.histogram, t.write),
      ],
    },
    options: {
      animation: b.animation,
      responsive: b.responsive,
      maintainAspectRatio: b.maintainAspectRatio,
      layout: b.layout,
      interaction: { mode: 'nearest', intersect: false },
      scales: {
        x: { ...b.x, type: 'logarithmic', ticks: { ...b.x.ticks, callback: logTick } },
        y: { ...b.y, beginAtZero: true },
      },
      plugins: {
        tooltip: {
          callbacks: {
            label: (c) =>
              `${c.dataset.label?.split(' ')[0]}: ${formatNumber(c.parsed.y ?? 0, 2)}% from ${formatNumber(c.parsed.x ?? 0, 1)} ms`,
          },
        },
      },
    },
  });
}

/** Log-scale ticks only at 1, 2 and 5 × 10ⁿ, grouped: 1, 2, 5, 10, 20, 50, 100, 200, 500, 1,000. */
function logTick(value: string | number): string {
  const v = Number(value);
  const lead = v / 10 ** Math.floor(Math.log10(v));
  return [1, 2, 5].some((x) => Math.abs(lead - x) < 1e-6) ? formatNumber(v, 2) : '';
}

export function visibilityChart(canvas: HTMLCanvasElement, d: DataResult, t: Theme): Chart {
  const b = base(t, 't: ms after the write committed', 'reads that see it, %');
  return new Chart(canvas, {
    type: 'line',
    data: {
      labels: d.visibility.map((v) => formatNumber(v.tMs, 1)),
      datasets: [
        {
          label: 't-visibility',
          data: d.visibility.map((v) => Math.round(v.probability * 10000) / 100),
          borderColor: t.curve,
          backgroundColor: t.curve,
          pointRadius: 3,
          borderWidth: 2,
        },
      ],
    },
    options: {
      animation: b.animation,
      responsive: b.responsive,
      maintainAspectRatio: b.maintainAspectRatio,
      layout: b.layout,
      scales: { x: { ...b.x, type: 'category' }, y: { ...b.y, min: 0, max: 100 } },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (c) =>
              `${formatNumber(c.parsed.y ?? 0, 2)}% of ${formatCount(d.visibility[c.dataIndex].probes)} probes`,
          },
        },
      },
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
      // Its name when it fits the window, else its kind (partition, crash…), else nothing: never squeezed.
      ctx.fillStyle = text;
      ctx.textBaseline = 'top';
      ctx.font = `11px ${Chart.defaults.font.family}`;
      const room = Math.min(a.right, x1) - Math.max(a.left, x0) - 8;
      const name = [f.fault.replace(/ at .*$/, ''), f.fault.split(' ')[0]].find(
        (n) => ctx.measureText(n).width <= room,
      );
      if (name) ctx.fillText(name, Math.max(a.left, x0) + 4, a.top + 4);
    }
    ctx.restore();
  },
});

const timelineLabel = (p: { x: number; y: number; offered: number }, step: number) =>
  `${formatNumber(p.x - step / 2, 2)}–${formatNumber(p.x + step / 2, 2)} s: ${formatAvailability(p.y)} of ${formatCount(p.offered)} operations answered ok`;

/** Availability over the run, per time bin (by arrival), with the fault windows shaded behind it. */
export function timelineChart(canvas: HTMLCanvasElement, r: SimulationResult, d: DataResult, t: Theme): Chart {
  const b = base(t, 'time since the load started, s', 'answered ok, %');
  const step = d.timeline.binMs / 1000;
  const points = d.timeline.availabilityPct.map((pct, i) => ({
    x: i * step + step / 2,
    y: pct,
    offered: d.timeline.offered[i],
  }));
  const end = Math.max(r.scenario.durationMs / 1000, points.length * step);
  return new Chart(canvas, {
    type: 'bar',
    data: {
      datasets: [
        {
          label: 'availability',
          data: points,
          barPercentage: 1,
          categoryPercentage: 1,
          barThickness: 'flex',
          backgroundColor: points.map((p) => translucent(availabilityColour(p.y, t))),
          borderColor: points.map((p) => availabilityColour(p.y, t)),
          borderWidth: 1,
        },
      ],
    },
    options: {
      animation: b.animation,
      responsive: b.responsive,
      maintainAspectRatio: b.maintainAspectRatio,
      layout: b.layout,
      scales: {
        x: {
          ...b.x,
          type: 'linear',
          min: 0,
          max: end,
          ticks: { ...b.x.ticks, callback: (v) => formatNumber(Number(v), 1) },
        },
        y: { ...b.y, min: 0, max: 100 },
      },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (c) => timelineLabel(points[c.dataIndex], step) } },
      },
    },
    plugins: [faultWindows(d, translucent(t.warn), t.muted)],
  });
}
