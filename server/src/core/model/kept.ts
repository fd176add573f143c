// The diagnostics of one declaration's model entry, kept between builds (core/model/model-cache.ts). They are
// copies: a diagnostic may hold a range object of the AST, which incremental parsing moves in place, while a
// range the model computed does not move. Kept copies are valid while the declaration starts where it did;
// a declaration that moved (whole: its text is unchanged) takes them along, moved by as much.
import { movedDiagnostic, type Diagnostic } from '../diagnostic';
import type { Range } from '../util/range';

export interface Kept {
  /** Where the declaration started when `list` was right. */
  start: number;
  list: Diagnostic[];
}

const none: Diagnostic[] = [];

/**
 * Copies of a declaration's diagnostics, or undefined when one of them points outside the declaration (at a
 * tier's property, say): such a diagnostic does not move with the declaration, so its entry is not kept.
 */
export function keepDiagnostics(list: Diagnostic[], uri: string, span: Range): Kept | undefined {
  if (list.length === 0) return { start: span.start, list: none };
  const inside = (x: { uri: string; range: Range }) =>
    x.uri === uri && x.range.start >= span.start && x.range.end <= span.end && x.range.end > 0;
  for (const d of list) {
    if (!inside(d) || d.related?.some((r) => !inside(r))) return undefined;
    if (d.fixes?.some((f) => f.edits.some((e) => !inside(e)))) return undefined;
  }
  return { start: span.start, list: list.map((d) => movedBy(d, 0)) };
}

/** The kept diagnostics for a declaration that now starts at `start` (moved copies, kept for next time). */
export function placed(kept: Kept, start: number): Diagnostic[] {
  const delta = start - kept.start;
  if (delta === 0 || kept.list.length === 0) return kept.list;
  kept.list = kept.list.map((d) => movedBy(d, delta));
  kept.start = start;
  return kept.list;
}

/** A copy of a diagnostic with every range (its own, related places', fixes' edits') new, moved by `delta`. */
function movedBy(d: Diagnostic, delta: number): Diagnostic {
  return movedDiagnostic(d, (_, r) => ({ start: r.start + delta, end: r.end + delta }))!;
}
