// The human format of `consistency check`: `path:line:col: severity code: message`, the source line with
// the range underlined (^~~~, like tsc and rustc; long lines clipped around the range), fixes, a summary.
import type { Diagnostic } from '../../core/diagnostic';
import { countSeverities, Locator, plural, shownPath, type CheckReport } from './locate';
import { escapeControls } from './safe-text';
import { makeStyle, type Style } from './style';

export interface HumanOptions {
  color?: boolean;
  /** Longest source excerpt shown, in characters; longer lines are clipped around the range. */
  maxWidth?: number;
}

export function formatHuman(report: CheckReport, options: HumanOptions = {}): string {
  const style = makeStyle(options.color ?? false);
  const locator = new Locator(report.texts);
  const blocks = report.diagnostics.map((d) => formatDiagnostic(d, report, locator, style, options.maxWidth ?? 120));
  const empty = (report.empty ?? []).map((uri) => {
    const path = escapeControls(shownPath(report, uri), false);
    return `${style.bold(`${path}:`)} ${style.severity('warning')('warning')}: declares nothing (an empty file)\n`;
  });
  return [...blocks, ...empty, summaryLine(report, style)].join('\n') + '\n';
}

function formatDiagnostic(
  d: Diagnostic,
  report: CheckReport,
  locator: Locator,
  style: Style,
  maxWidth: number,
): string {
  const { start, end } = locator.span(d.uri, d.range);
  const where = `${escapeControls(shownPath(report, d.uri), false)}:${start.line}:${start.column}:`;
  const message = escapeControls(d.message);
  const lines = [`${style.bold(where)} ${style.severity(d.severity)(d.severity)} ${style.dim(d.code)}: ${message}`];
  const lineText = locator.index(d.uri).lineText(start.line - 1);
  // A range over several lines is underlined to the end of its first line.
  const endColumn = end.line === start.line ? end.column : lineText.length + 1;
  lines.push(
    ...excerpt(lineText, start.line, start.column - 1, endColumn - 1, maxWidth, style, style.severity(d.severity)),
  );
  for (const r of d.related ?? []) {
    const p = locator.position(r.uri, r.range.start);
    const where = `${escapeControls(shownPath(report, r.uri), false)}:${p.line}:${p.column}`;
    const note = `${where}: ${escapeControls(r.message)}`;
    lines.push(`  ${style.cyan('note')}: ${note}`);
  }
  for (const f of d.fixes ?? []) lines.push(`  ${style.green('fix')}: ${escapeControls(f.title)}`);
  return lines.join('\n') + '\n';
}

/**
 * Two lines: the numbered source line and the underline of columns [start, end) (0-based).
 * Tabs are shown as one space so the underline stays aligned.
 */
export function excerpt(
  text: string,
  lineNumber: number,
  start: number,
  end: number,
  maxWidth = 120,
  style: Style = makeStyle(false),
  paint = style.bold,
): string[] {
  // Control characters as one-column pictures: the line cannot drive the terminal, and the underline stays aligned.
  const line = escapeControls(text.replace(/\t/g, ' ').replace(/[\r\n]+$/, ''), false);
  const clipped = clipLine(line, start, end, maxWidth);
  const shown = clipped.text.trimEnd();
  const gutter = String(lineNumber);
  const underline = ' '.repeat(clipped.start) + paint('^' + '~'.repeat(Math.max(0, clipped.end - clipped.start - 1)));
  const bar = style.dim('|');
  return [
    `  ${style.dim(gutter)} ${bar}${shown ? ' ' + shown : ''}`,
    `  ${' '.repeat(gutter.length)} ${bar} ${underline}`,
  ];
}

/** The part of a long line around columns [start, end), with `…` where text was cut; columns re-based. */
export function clipLine(
  text: string,
  start: number,
  end: number,
  width: number,
): { text: string; start: number; end: number } {
  if (text.length <= width) return { text, start, end };
  const from = Math.max(0, Math.min(start - Math.floor(width / 3), text.length - width));
  const to = from + width;
  let shown = text.slice(from, to);
  let s = start - from;
  let e = Math.min(end, to) - from;
  if (from > 0) {
    shown = '…' + shown;
    s++;
    e++;
  }
  if (to < text.length) shown += '…';
  return { text: shown, start: s, end: Math.max(e, s) };
}

/** "3 errors, 1 warning in 2 of 5 files.", or "No problems in 5 files."; files that declare nothing counted. */
export function summaryLine(report: CheckReport, style: Style = makeStyle(false)): string {
  const declaring = report.empty?.length ? `; ${plural(report.empty.length, 'file')} declaring nothing` : '';
  // Files refused unread (a FIFO, over the size limit) are named on stderr; the summary counts them.
  const unread = report.refused?.length ? `; ${plural(report.refused.length, 'file')} not read` : '';
  const empty = declaring + unread;
  if (report.diagnostics.length === 0) return `No problems in ${plural(report.files.length, 'file')}${empty}.`;
  const counts = countSeverities(report.diagnostics);
  const parts = [
    counts.error ? style.severity('error')(plural(counts.error, 'error')) : '',
    counts.warning ? style.severity('warning')(plural(counts.warning, 'warning')) : '',
    counts.info ? plural(counts.info, 'info') : '',
    counts.hint ? plural(counts.hint, 'hint') : '',
  ].filter(Boolean);
  const files = new Set(report.diagnostics.map((d) => d.uri)).size;
  const of =
    files === report.files.length ? plural(files, 'file') : `${files} of ${plural(report.files.length, 'file')}`;
  return `${parts.join(', ')} in ${of}${empty}.`;
}
