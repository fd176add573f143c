// Moving what an edit left untouched: tokens, AST nodes and diagnostics after the edit, by the characters it
// added or removed (everything keeps offsets only: lines and columns are computed from the text when asked).
// Used by incremental parsing.
import { movedDiagnostic, type Diagnostic } from '../diagnostic';
import type { Range } from '../util/range';
import type { Token } from './token';

export interface Shift {
  /** The old offset from which things move (for the record; callers shift only what lies after it). */
  from: number;
  delta: number;
}

export function shiftToken(t: Token, s: Shift): void {
  t.startOffset += s.delta;
}

const isRange = (x: object): x is Range =>
  typeof (x as Range).start === 'number' && typeof (x as Range).end === 'number';

/** Every range object inside a node, found once per node (a node's ranges never change but by moving). */
const rangesOf = new WeakMap<object, Range[]>();

/**
 * Moves every range inside an AST node, in place. The AST builder never shares a range object between two
 * places (test/property/incremental.property.test.ts checks it), so each is moved once. A node error recovery
 * left without a place has the range 0–0: it stays there, as a fresh parse would put it.
 */
export function shiftNode(node: object, s: Shift): void {
  if (s.delta === 0) return;
  let ranges = rangesOf.get(node);
  if (!ranges) rangesOf.set(node, (ranges = collect(node, [])));
  for (let i = 0; i < ranges.length; i++) {
    const r = ranges[i];
    if (r.end !== 0) {
      r.start += s.delta;
      r.end += s.delta;
    }
  }
}

function collect(node: object, out: Range[]): Range[] {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const v: unknown = node[i];
      if (typeof v === 'object' && v !== null) collect(v, out);
    }
    return out;
  }
  if (isRange(node)) {
    out.push(node);
    return out;
  }
  for (const key in node) {
    const v = (node as Record<string, unknown>)[key];
    if (typeof v === 'object' && v !== null) collect(v, out);
  }
  return out;
}

const moved = (r: Range, s: Shift): Range => ({ start: r.start + s.delta, end: r.end + s.delta });

/** A copy of a diagnostic of the document, moved (its fixes' edits and related places in the same file too). */
export function shiftDiagnostic(d: Diagnostic, s: Shift): Diagnostic {
  if (s.delta === 0) return d;
  return movedDiagnostic(d, (uri, r) => (uri === d.uri ? moved(r, s) : r))!;
}
