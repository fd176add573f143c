// Tables for a terminal: columns padded to their widest cell, two spaces apart, a rule under the header. A
// table wider than the terminal wraps its wrappable columns (at spaces); when it still does not fit, each row
// is stacked as `header: value` lines under its first cell. The width is COLUMNS, else the terminal's, else 100.
import { makeStyle, type Style } from './style';

export type Align = 'left' | 'right';

export interface TableOptions {
  align?: Align[];
  /** Columns whose cells may wrap onto several lines (at spaces), by index; the widest narrows first. */
  wrap?: number[];
  /** A line under each row (its index), indented: what does not fit a column. */
  details?: (string | undefined)[];
  width?: number;
  style?: Style;
}

/** Default width of the human output: $COLUMNS, else the terminal's width, else 100. */
export const DEFAULT_WIDTH = 100;

export function outputWidth(env: NodeJS.ProcessEnv, terminalColumns?: number): number {
  const n = Number(env.COLUMNS);
  if (Number.isInteger(n) && n >= 20) return n;
  return terminalColumns && terminalColumns >= 20 ? terminalColumns : DEFAULT_WIDTH;
}

// eslint-disable-next-line no-control-regex
const ansi = /\x1b\[[0-9;]*m/g;
/** Length as shown: without colour codes, each code point one column. */
export const visible = (s: string): number => [...s.replace(ansi, '')].length;
const pad = (s: string, w: number, align: Align | undefined) =>
  align === 'right' ? ' '.repeat(Math.max(0, w - visible(s))) + s : s + ' '.repeat(Math.max(0, w - visible(s)));

/** Words of `text` filled into lines of at most `width` columns (a longer word gets a line of its own). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter((w) => w !== '')) {
    if (line && visible(line) + 1 + visible(word) > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

export function renderTable(header: string[], rows: string[][], o: TableOptions = {}): string[] {
  const style = o.style ?? makeStyle(false);
  const width = o.width ?? DEFAULT_WIDTH;
  const order = o.wrap ?? [];
  const wrap = new Set(order);
  const widths = header.map((h, i) => Math.max(visible(h), ...rows.map((r) => visible(r[i] ?? ''))));
  const total = () => widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  const words = (i: number) => rows.flatMap((r) => (r[i] ?? '').split(' ').map(visible));
  const least = (i: number) => Math.max(visible(header[i]), ...words(i));
  while (total() > width) {
    const i = order.filter((c) => widths[c] > least(c)).sort((a, b) => widths[b] - widths[a])[0];
    if (i === undefined) return stacked(header, rows, o.details, width, style);
    widths[i]--;
  }
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i], o.align?.[i])).join('  ').trimEnd();
  const out = [style.bold(line(header)), style.dim(widths.map((w) => '-'.repeat(w)).join('  '))];
  rows.forEach((r, k) => {
    const parts = r.map((c, i) => (wrap.has(i) ? wrapText(c, widths[i]) : [c]));
    const height = Math.max(...parts.map((p) => p.length));
    for (let j = 0; j < height; j++) out.push(line(parts.map((p) => p[j] ?? '')));
    const detail = o.details?.[k];
    if (detail) out.push(...wrapText(detail, width - 2).map((l) => `  ${style.dim(l)}`));
  });
  return out;
}

/** Each row as its first cell, then `header: value` lines (values wrapped to the width). */
function stacked(
  header: string[],
  rows: string[][],
  details: TableOptions['details'],
  width: number,
  style: Style,
): string[] {
  const label = Math.max(...header.slice(1).map(visible)) + 2;
  const out: string[] = [];
  rows.forEach((r, k) => {
    out.push(style.bold(r[0]));
    if (details?.[k]) out.push(...wrapText(details[k]!, width - 2).map((l) => `  ${style.dim(l)}`));
    r.slice(1).forEach((c, i) => {
      const [first, ...rest] = wrapText(c, Math.max(10, width - label - 2));
      out.push(`  ${`${header[i + 1]}:`.padEnd(label)}${first}`, ...rest.map((l) => ' '.repeat(label + 2) + l));
    });
  });
  return out;
}
