// Folding ranges: every `{ … }` block over several lines (folded up to the line before its `}`), block
// comments over several lines, and runs of two or more whole-line `//` comments.
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { Snapshot } from './snapshot';

export function foldingRanges(s: Snapshot, uri: string): FoldingRange[] {
  const doc = s.document(uri);
  if (!doc) return [];
  const lines = s.lines.get(uri);
  const line = (offset: number) => lines.position(offset).line;
  const out: FoldingRange[] = [];
  const open: number[] = [];
  for (const t of doc.tokens) {
    if (t.tokenType.name === 'LBrace') open.push(line(t.startOffset));
    else if (t.tokenType.name === 'RBrace') {
      const start = open.pop();
      const end = line(t.startOffset) - 1;
      if (start !== undefined && end > start) out.push({ startLine: start, endLine: end });
    }
  }
  let run: { start: number; end: number } | undefined;
  const flush = () => {
    if (run && run.end > run.start)
      out.push({ startLine: run.start, endLine: run.end, kind: FoldingRangeKind.Comment });
    run = undefined;
  };
  for (const c of doc.comments) {
    const start = line(c.startOffset);
    const end = line(c.startOffset + c.image.length);
    if (c.image.startsWith('/*')) {
      flush();
      if (end > start) out.push({ startLine: start, endLine: end, kind: FoldingRangeKind.Comment });
      continue;
    }
    const whole = lines.lineText(start).trimStart().startsWith('//');
    if (whole && run && start === run.end + 1) run.end = start;
    else {
      flush();
      if (whole) run = { start, end: start };
    }
  }
  flush();
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
