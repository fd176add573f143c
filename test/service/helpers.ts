// Test helpers for editor features: `<|>` cursor markers and `<|…|>` range markers in one text, an
// analysed snapshot of it (plus other files), and LSP positions/ranges of the markers.
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { analyze } from '../../server/src/core/pipeline';
import { LineIndex } from '../../server/src/core/util/range';
import { createSnapshot, type Snapshot } from '../../server/src/service/snapshot';
import { parseMarkers, type Marked } from '../helpers/markers';

export const URI = 'file:///test.consistency';

export { parseMarkers, type Marked } from '../helpers/markers';

export interface Fixture extends Marked {
  s: Snapshot;
  uri: string;
  /** LSP position of the first (or n-th) cursor. */
  at(n?: number): Position;
  range(n?: number): Range;
}

export function fixture(marked: string, extra: { uri: string; text: string }[] = [], uri = URI): Fixture {
  const m = parseMarkers(marked);
  const s = createSnapshot(analyze([{ uri, text: m.text }, ...extra]));
  const lines = new LineIndex(m.text);
  return {
    ...m,
    s,
    uri,
    at: (n = 0) => lines.position(m.cursors[n]),
    range: (n = 0) => ({ start: lines.position(m.ranges[n].start), end: lines.position(m.ranges[n].end) }),
  };
}

/** Applies LSP text edits to a text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  const sorted = edits
    .map((e) => ({
      start: lines.offset(e.range.start.line, e.range.start.character),
      end: lines.offset(e.range.end.line, e.range.end.character),
      newText: e.newText,
    }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

export function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  return edit.changes?.[uri] ?? [];
}
