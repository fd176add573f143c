// Markers in test texts: `<|>` is a cursor, `<|…|>` a range (ranges may nest). One parser for the core
// tests (check-text.ts) and the editor-feature tests (test/service/helpers.ts).
import assert from 'node:assert/strict';

export interface Marked {
  text: string;
  /** Offsets of `<|>` markers. */
  cursors: number[];
  /** `<|…|>` ranges, in order of their closing marker. */
  ranges: { start: number; end: number }[];
}

/** `cursors: false` reads `<|>` as a range opening before `>` (core tests mark comparators such as `<|>=|>`). */
export function parseMarkers(marked: string, o: { cursors?: boolean } = {}): Marked {
  const withCursors = o.cursors ?? true;
  const cursors: number[] = [];
  const ranges: { start: number; end: number }[] = [];
  const open: number[] = [];
  let text = '';
  for (let i = 0; i < marked.length; i++) {
    if (withCursors && marked.startsWith('<|>', i)) {
      cursors.push(text.length);
      i += 2;
    } else if (marked.startsWith('<|', i)) {
      open.push(text.length);
      i++;
    } else if (marked.startsWith('|>', i)) {
      const start = open.pop();
      assert.ok(start !== undefined, 'unbalanced |>');
      ranges.push({ start, end: text.length });
      i++;
    } else text += marked[i];
  }
  assert.equal(open.length, 0, 'unbalanced <|');
  return { text, cursors, ranges };
}
