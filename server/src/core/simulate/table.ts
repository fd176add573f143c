// Replicas' versions of every key as one table of numbers: row i holds one version, its version vector
// (`slots` numbers), then its value, timestamp, sequence and origin, side by side in one Float64Array. A
// write touches one key at several replicas; with rows key-major (key * owners + owner) those are a few
// adjacent numbers, where version objects cost four dependent loads each (object, vector, its store, the
// boxed timestamp). The operations are state.ts's, on rows, with the same results.
import { Applied, assign, beatsBy, emptyVersion, type Order, type Version, type VV } from './state';

/** Recycled versions a table keeps at most (a quorum read holds a few in flight). */
const POOL = 1024;

export class VersionTable {
  private d: Float64Array;
  /** Numbers per row: the vector, then value, timestamp, sequence, origin. */
  private w: number;
  /** `applyRow`'s source, reused. */
  private scratch: Version;
  /** Versions handed back by `recycle`, for `take`. */
  private free: Version[] = [];

  constructor(
    readonly rows: number,
    readonly slots: number,
  ) {
    this.w = slots + 4;
    this.scratch = emptyVersion(slots);
    this.d = new Float64Array(rows * this.w);
    for (let i = 0; i < rows; i++) {
      this.d[i * this.w + slots + 1] = -Infinity; // no write yet (state.ts's emptyVersion)
      this.d[i * this.w + slots + 3] = -1;
    }
  }

  /** Row i's count of writes of slot s. */
  vvAt(i: number, s: number): number {
    return this.d[i * this.w + s];
  }

  value(i: number): number {
    return this.d[i * this.w + this.slots];
  }

  /** Row i includes every write `need` includes (state.ts's `includes`). */
  includes(i: number, need: VV): boolean {
    const d = this.d;
    const at = i * this.w;
    for (let s = 0; s < this.slots; s++) if (d[at + s] < need[s]) return false;
    return true;
  }

  seq(i: number): number {
    return this.d[i * this.w + this.slots + 2];
  }

  /** Row i's version vector, as a new array: counts, so small integers, a packed Smi array at its length
   *  (state.ts's `zeros`); up to four slots as a literal, one allocation where pushing and trimming make two. */
  vector(i: number): VV {
    const d = this.d;
    const at = i * this.w;
    switch (this.slots) {
      case 1:
        return [d[at] | 0];
      case 2:
        return [d[at] | 0, d[at + 1] | 0];
      case 3:
        return [d[at] | 0, d[at + 1] | 0, d[at + 2] | 0];
      case 4:
        return [d[at] | 0, d[at + 1] | 0, d[at + 2] | 0, d[at + 3] | 0];
    }
    const vv: VV = [];
    for (let s = 0; s < this.slots; s++) vv.push(d[at + s] | 0);
    return vv.slice();
  }

  /** Row i as a version of its own (state.ts's `copyVersion`). */
  read(i: number): Version {
    const d = this.d;
    const at = i * this.w;
    const S = this.slots;
    return { vv: this.vector(i), value: d[at + S], ts: d[at + S + 1], seq: d[at + S + 2], origin: d[at + S + 3] };
  }

  /** Row i as a version from this table's pool: for a message whose version is dropped once folded into
   *  another (a quorum read's replies); the receiver hands it back with `recycle`. */
  take(i: number): Version {
    const v = this.free.pop() ?? emptyVersion(this.slots);
    const d = this.d;
    const at = i * this.w;
    const S = this.slots;
    for (let s = 0; s < S; s++) v.vv[s] = d[at + s] | 0;
    v.value = d[at + S];
    v.ts = d[at + S + 1];
    v.seq = d[at + S + 2];
    v.origin = d[at + S + 3];
    return v;
  }

  /** A copy of version `w` (of this table's slots) from the pool (state.ts's `copyVersion`). */
  takeCopy(w: Version): Version {
    const v = this.free.pop() ?? emptyVersion(this.slots);
    assign(v, w);
    return v;
  }

  /** Hands back a version from `take` or `takeCopy` that nothing refers to any more (the pool is bounded). */
  recycle(v: Version): void {
    if (this.free.length < POOL) this.free.push(v);
  }

  /** Overwrites row i with version v (state.ts's `assign`). */
  assign(i: number, v: Version): void {
    const d = this.d;
    const at = i * this.w;
    const S = this.slots;
    for (let s = 0; s < v.vv.length; s++) d[at + s] = v.vv[s];
    d[at + S] = v.value;
    d[at + S + 1] = v.ts;
    d[at + S + 2] = v.seq;
    d[at + S + 3] = v.origin;
  }

  /** Overwrites row i with row j of `from` (a table of the same slots). */
  assignRow(i: number, from: VersionTable, j: number): void {
    const at = i * this.w;
    const src = j * from.w;
    for (let k = 0; k < this.w; k++) this.d[at + k] = from.d[src + k];
  }

  /** Folds row j of `from` (a table of the same slots) into row i, as `apply` folds a version. */
  applyRow(i: number, from: VersionTable, j: number, order: Order): Applied {
    const v = this.scratch;
    const at = j * from.w;
    const S = this.slots;
    for (let s = 0; s < S; s++) v.vv[s] = from.d[at + s];
    v.value = from.d[at + S];
    v.ts = from.d[at + S + 1];
    v.seq = from.d[at + S + 2];
    v.origin = from.d[at + S + 3];
    return this.apply(i, v, order);
  }

  /** Folds version w into row i (state.ts's `apply`, the same outcome and the same fields). */
  apply(i: number, w: Version, order: Order): Applied {
    const d = this.d;
    const at = i * this.w;
    const S = this.slots;
    const a = w.vv;
    if (order === 'log') {
      if (!newerThanRow(a, d, at, S)) return Applied.Old;
      this.assign(i, w);
      return Applied.Newer;
    }
    let ge = true; // w ≥ row
    let le = true; // w ≤ row
    for (let s = 0; s < S; s++) {
      if (a[s] < d[at + s]) ge = false;
      else if (a[s] > d[at + s]) le = false;
    }
    if (le) return Applied.Old;
    if (ge) {
      this.assign(i, w);
      return Applied.Newer;
    }
    for (let s = 0; s < S; s++) if (a[s] > d[at + s]) d[at + s] = a[s];
    if (order === 'merge') return Applied.Won;
    const win = beatsBy(order, w.value, w.ts, w.seq, w.origin, d[at + S], d[at + S + 1], d[at + S + 2], d[at + S + 3]);
    const seq = Math.max(d[at + S + 2], w.seq);
    if (win) {
      d[at + S] = w.value;
      d[at + S + 1] = w.ts;
      d[at + S + 3] = w.origin;
    }
    d[at + S + 2] = seq;
    return win ? Applied.Won : Applied.Lost;
  }
}

/** Is log vector a more up to date than the row's at `at` (state.ts's `newerLog`)? */
function newerThanRow(a: VV, d: Float64Array, at: number, slots: number): boolean {
  for (let s = slots - 1; s >= 0; s--) if (a[s] !== d[at + s]) return a[s] > d[at + s];
  return false;
}
