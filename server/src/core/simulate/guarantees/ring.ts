// Per key and write slot, the recent acknowledged writes in slot order (a write's position in its slot),
// with what each needed from others (a vector per entry), in bounded memory: 2 × `size` entries at most,
// the oldest half dropped when full. Acknowledgements arrive nearly in slot order, so insertion is cheap.
import type { HistoryOp } from '../record';

export class SlotRing {
  readonly idx: Int32Array;
  readonly at: Float64Array;
  readonly ops: (HistoryOp | null)[];
  /** Per entry, `width` numbers the caller keeps (e.g. prefix maxima of requirements). */
  readonly vec: Int32Array;
  count = 0;
  /** Entries dropped so far (the ring no longer sees writes at or below `floor`). */
  floor = 0;

  constructor(
    readonly size: number,
    readonly width: number,
  ) {
    this.idx = new Int32Array(2 * size);
    this.at = new Float64Array(2 * size);
    this.ops = new Array(2 * size).fill(null);
    this.vec = new Int32Array(2 * size * Math.max(1, width));
  }

  /** The next insertion drops the oldest half. */
  get full(): boolean {
    return this.count === this.idx.length;
  }

  /** Inserts a write in slot order; returns its entry. */
  insert(idx: number, at: number, op: HistoryOp | null): number {
    if (this.count === this.idx.length) this.dropHalf();
    let i = this.count++;
    const w = this.width;
    while (i > 0 && this.idx[i - 1] > idx) {
      this.idx[i] = this.idx[i - 1];
      this.at[i] = this.at[i - 1];
      this.ops[i] = this.ops[i - 1];
      if (w) this.vec.copyWithin(i * w, (i - 1) * w, i * w);
      i--;
    }
    this.idx[i] = idx;
    this.at[i] = at;
    this.ops[i] = op;
    return i;
  }

  private dropHalf(): void {
    const k = this.size;
    this.floor = this.idx[k - 1];
    this.idx.copyWithin(0, k);
    this.at.copyWithin(0, k);
    for (let i = 0; i < k; i++) this.ops[i] = this.ops[i + k];
    this.ops.fill(null, k);
    if (this.width) this.vec.copyWithin(0, k * this.width);
    this.count = k;
  }

  /** The first entry whose position is above `v` (count when none). */
  above(v: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.idx[mid] > v) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** Entries per ring: as many as a memory budget allows over all keys and slots (16…512). */
export function ringSize(keys: number, slots: number): number {
  const fit = Math.floor(2_000_000 / Math.max(1, keys * slots));
  let size = 16;
  while (size * 2 <= Math.min(512, fit)) size *= 2;
  return size;
}
