// Per key and write slot, the recent acknowledged writes in slot order (a write's position in its slot),
// with what each needed from others (a vector per entry), in bounded memory: 2 × `size` entries at most,
// the oldest half dropped when full. Acknowledgements arrive nearly in slot order, so insertion is cheap. A ring
// is made with room for the writes it can expect (ringRoom) and doubles up to its bound: most see a few dozen
// writes in a run, and hundreds of rings made at their bound (up to 1,024 entries each) were tens of MB
// zero-filled per run.
import type { Op } from '../ops';
import { Snaps } from './snaps';

/** The least room a ring is made with. */
const FIRST = 16;

export class SlotRing {
  idx: Int32Array;
  at: Float64Array;
  /** Per entry, the write (for witnesses), and two more operations the caller keeps (when `refs`). */
  readonly ops: Snaps;
  readonly refA: Snaps | undefined;
  readonly refB: Snaps | undefined;
  /** Per entry, `width` numbers the caller keeps (e.g. prefix maxima of requirements). Replaced when the ring
   *  grows (an insertion may grow it: read it after inserting). */
  vec: Int32Array;
  count = 0;
  /** Entries dropped so far (the ring no longer sees writes at or below `floor`). */
  floor = 0;

  constructor(
    readonly size: number,
    readonly width: number,
    names: { group: string; write: 'write' | 'add' },
    refs: boolean,
    /** Entries it has room for at first (ringRoom). */
    first: number,
  ) {
    const room = Math.min(first, 2 * size);
    this.idx = new Int32Array(room);
    this.at = new Float64Array(room);
    this.ops = new Snaps(room, names.group, names.write);
    this.refA = refs ? new Snaps(room, names.group, names.write) : undefined;
    this.refB = refs ? new Snaps(room, names.group, names.write) : undefined;
    this.vec = new Int32Array(room * Math.max(1, width));
  }

  /** The next insertion drops the oldest half. */
  get full(): boolean {
    return this.count === 2 * this.size;
  }

  /** Twice the room, up to the bound (the entries kept where they are). */
  private grow(): void {
    const room = Math.min(2 * this.size, 2 * this.idx.length);
    const idx = new Int32Array(room);
    idx.set(this.idx);
    this.idx = idx;
    const at = new Float64Array(room);
    at.set(this.at);
    this.at = at;
    this.ops.grow(room);
    this.refA?.grow(room);
    this.refB?.grow(room);
    const vec = new Int32Array(room * Math.max(1, this.width));
    vec.set(this.vec);
    this.vec = vec;
  }

  private move(i: number, j: number): void {
    this.idx[i] = this.idx[j];
    this.at[i] = this.at[j];
    this.ops.copy(i, this.ops, j);
    this.refA?.copy(i, this.refA, j);
    this.refB?.copy(i, this.refB, j);
    if (this.width) this.vec.copyWithin(i * this.width, j * this.width, (j + 1) * this.width);
  }

  /** Inserts a write in slot order, with entries `ai` of `a` and `bi` of `b` as its refs; returns its entry. */
  insert(idx: number, at: number, op: Op, a?: Snaps, ai = 0, b?: Snaps, bi = 0): number {
    if (this.count === this.idx.length) {
      if (this.full) this.dropHalf();
      else this.grow();
    }
    let i = this.count++;
    for (; i > 0 && this.idx[i - 1] > idx; i--) this.move(i, i - 1);
    this.idx[i] = idx;
    this.at[i] = at;
    this.ops.put(i, op);
    if (this.refA && a) this.refA.copy(i, a, ai);
    else this.refA?.put(i, undefined);
    if (this.refB && b) this.refB.copy(i, b, bi);
    else this.refB?.put(i, undefined);
    return i;
  }

  private dropHalf(): void {
    const k = this.size;
    this.floor = this.idx[k - 1];
    for (let i = 0; i < k; i++) this.move(i, i + k);
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

/** A data type's rings, one per key and slot, each made at its first write. */
export class Rings {
  private rings: (SlotRing | undefined)[];

  constructor(
    keys: number,
    private slots: number,
    private size: number,
    private width: number,
    private names: { group: string; write: 'write' | 'add' },
    /** Room each ring is made with (ringRoom). */
    private first: number,
  ) {
    this.rings = new Array(keys * slots).fill(undefined);
  }

  get(key: number, slot: number): SlotRing | undefined {
    return this.rings[key * this.slots + slot];
  }

  make(key: number, slot: number): SlotRing {
    return (this.rings[key * this.slots + slot] ??= new SlotRing(this.size, this.width, this.names, true, this.first));
  }
}

/** Entries per ring: as many as a memory budget (about 50 MB) allows over all keys and slots (16…512). */
export function ringSize(keys: number, slots: number): number {
  const fit = Math.floor(250_000 / Math.max(1, keys * slots));
  let size = 16;
  while (size * 2 <= Math.min(512, fit)) size *= 2;
  return size;
}

/**
 * The room a ring is made with: twice the writes it can expect (a run's writes spread over its keys and slots),
 * a power of two from 16 to its bound. A ring that will fill is made at its size at once, not grown six times;
 * one that sees a few writes stays small. Growing keeps every entry, so this changes no result.
 */
export function ringRoom(writes: number, keys: number, slots: number, size: number): number {
  const want = (2 * writes) / Math.max(1, keys * slots);
  let room = FIRST;
  while (room < want && room < 2 * size) room *= 2;
  return Math.min(room, 2 * size);
}
