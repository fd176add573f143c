// Core offsets ↔ LSP line/character positions, through the core's LineIndex (the only place the service
// converts). LSP characters are UTF-16 code units, as are JavaScript string offsets.
import type { Location, Position, Range } from 'vscode-languageserver-types';
import { LineIndex, type Range as CoreRange } from '../core/util/range';

export function toPosition(lines: LineIndex, offset: number): Position {
  return lines.position(offset);
}

/**
 * A character past the end of its line means the end of the line (LSP), not the start of the next. Positions
 * are whole numbers: a fractional one (from a misbehaving client) is rounded down, one that is not a number
 * at all is 0, so no request answers with a NaN (`character: null`).
 */
export function toOffset(lines: LineIndex, p: Position): number {
  const line = whole(p.line);
  const character = whole(p.character);
  if (line >= lines.lineCount) return lines.offset(line, character);
  return lines.offset(line, Math.min(character, lines.lineText(line).length));
}

function whole(n: number): number {
  return typeof n === 'number' && !Number.isNaN(n) ? Math.max(0, Math.floor(n)) : 0;
}

export function toRange(lines: LineIndex, r: CoreRange): Range {
  return { start: lines.position(r.start), end: lines.position(r.end) };
}

export function toCoreRange(lines: LineIndex, r: Range): CoreRange {
  return { start: toOffset(lines, r.start), end: toOffset(lines, r.end) };
}

/** Line indexes of the texts of one analysis, built on first use. */
export class LineCache {
  private readonly indexes = new Map<string, LineIndex>();

  constructor(private readonly textOf: (uri: string) => string | undefined) {}

  get(uri: string): LineIndex {
    let index = this.indexes.get(uri);
    if (!index) this.indexes.set(uri, (index = new LineIndex(this.textOf(uri) ?? '')));
    return index;
  }

  location(uri: string, r: CoreRange): Location {
    return { uri, range: toRange(this.get(uri), r) };
  }
}
