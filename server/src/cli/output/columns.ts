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

/** A number and its unit stay on one line: `45 ms`, `₹2.15 lakh`, `1,200 ops/s`. */
const UNIT_AFTER_NUMBER = /(\d) (?=(?:ms|s|KB|MB|GB|lakh|crore|ops\/s|days)\b)/g;

/** Words of `text` filled into lines of at most `width` columns (a longer word gets a line of its own). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  const words = text
    .replace(UNIT_AFTER_NUMBER, '$1\u00a0')
    .split(' ')
    .filter((w) => w !== '');
  const plain = (l: string) => l.replace(/\u00a0/g, ' ');
  for (const word of words) {
    if (line && visible(line) + 1 + visible(word) > width) {
      lines.push(plain(line));
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, plain(line)];
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
    if (i === undefined) return split(header, rows, o, width) ?? stacked(header, rows, o.details, width, style);
    widths[i]--;
  }
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i], o.align?.[i]))
      .join('  ')
      .trimEnd();
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

/**
 * The columns in two tables, each with the first column again, when both fit the width as they are (a
 * table of counts and one of latencies); undefined otherwise. Then rows stack.
 */
function split(header: string[], rows: string[][], o: TableOptions, width: number): string[] | undefined {
  if (o.wrap?.length || header.length < 4) return undefined;
  const w = header.map((h, i) => Math.max(visible(h), ...rows.map((r) => visible(r[i] ?? ''))));
  const fits = (cols: number[]) => cols.reduce((n, c) => n + w[c], 0) + 2 * (cols.length - 1) <= width;
  for (let cut = Math.ceil(header.length / 2); cut < header.length - 1; cut++) {
    const first = [...Array(cut).keys()];
    const second = [0, ...Array.from({ length: header.length - cut }, (_, k) => cut + k)];
    if (!fits(first) || !fits(second)) continue;
    const pick = (cols: number[]) => (r: string[]) => cols.map((c) => r[c] ?? '');
    // The details (a line under each row) go with the first part only.
    const part = (cols: number[], details: boolean) => {
      const align = cols.map((c) => o.align?.[c] ?? 'left');
      return renderTable(pick(cols)(header), rows.map(pick(cols)), {
        ...o,
        align,
        details: details ? o.details : undefined,
      });
    };
    return [...part(first, true), '', ...part(second, false)];
  }
  return undefined;
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
