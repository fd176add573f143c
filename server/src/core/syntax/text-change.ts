// Where one text differs from another: the span [from, oldEnd) of the old text that [from, newEnd) of the new
// one replaced. Incremental parsing re-reads the declarations such a span touches. The editor's own edits
// give it directly (composed when several come before a parse); otherwise the texts are compared.

export interface TextChange {
  from: number;
  oldEnd: number;
  newEnd: number;
}

/** The smallest change: the first offset where the texts differ, and where the same text after it starts in each.
 *  Blocks of text are compared first (a flat string comparison), then characters. */
export function textChange(a: string, b: string): TextChange {
  const n = Math.min(a.length, b.length);
  let from = 0;
  for (let step = 4096; step >= 1; step >>= 4) {
    while (from + step <= n && a.slice(from, from + step) === b.slice(from, from + step)) from += step;
  }
  let same = 0;
  const tail = (t: string, step: number) => t.slice(t.length - same - step, t.length - same);
  for (let step = 4096; step >= 1; step >>= 4) {
    while (same + step <= n - from && tail(a, step) === tail(b, step)) same += step;
  }
  return { from, oldEnd: a.length - same, newEnd: b.length - same };
}

/** One change for `first` (text 0 → 1) then `second` (text 1 → 2): the span of text 0 that text 2 replaced. */
export function composeChanges(first: TextChange, second: TextChange): TextChange {
  const from = Math.min(first.from, second.from);
  const end = Math.max(first.newEnd, second.oldEnd);
  return { from, oldEnd: end - (first.newEnd - first.oldEnd), newEnd: end + (second.newEnd - second.oldEnd) };
}

/** Whether `c` can be a change from a text of `oldLength` characters to one of `newLength`. */
export function fits(c: TextChange, oldLength: number, newLength: number): boolean {
  return (
    c.from >= 0 &&
    c.from <= c.oldEnd &&
    c.from <= c.newEnd &&
    c.oldEnd <= oldLength &&
    c.newEnd <= newLength &&
    oldLength - c.oldEnd === newLength - c.newEnd
  );
}
