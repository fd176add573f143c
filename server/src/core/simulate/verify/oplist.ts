// The operations of one linearizability search in typed arrays (grown, never shrunk, so a search per window
// allocates nothing), and their calls and returns linked in time order: a call before a return at the same
// instant (operations that touch are concurrent), an indeterminate operation's return at +∞. Indeterminate
// increments of one size get a pending slot and a link to the previous one (they are interchangeable).
import { ADD, Model } from './model';
import { EndStates, FAIL, OK } from './ends';

export { FAIL, OK };
export { UNKNOWN } from './ends';

/** One search's operations and their linked calls and returns (base of Search). */
export class OpList extends EndStates {
  readonly model: Model;
  n = 0;
  kind = new Uint8Array(16);
  arg = new Float64Array(16);
  inv = new Float64Array(16);
  ret = new Float64Array(16);
  info = new Uint8Array(16);
  /** 1: must be lifted before an end state is recorded (definite and completed before the window's cut). */
  must = new Uint8Array(16);
  /** After a collecting search: 1 where an indeterminate operation was not lifted in some end state. */
  unlifted = new Uint8Array(16);
  /** Indeterminate increments: pending slot of the size, and the previous one of that size (-1: none). */
  protected slot = new Int8Array(16);
  protected prevSame = new Int32Array(16);
  /** Linked calls (2i) and returns (2i + 1); the head is 2n. */
  protected next = new Int32Array(33);
  protected prev = new Int32Array(33);
  protected order = new Int32Array(32);
  protected infoList = new Int32Array(16);
  /** Definite operations that need not be lifted (in flight at this window's cut), in index order (≤ 30). */
  out = new Int32Array(32);
  nOut = 0;
  protected nInfo = 0;
  protected stOp = new Int32Array(16);
  protected stK = new Int32Array(16);
  protected stV = new Float64Array(16);
  protected stAux = new Float64Array(16);
  private readonly byTime = (a: number, b: number): number => {
    const ta = a & 1 ? this.ret[a >> 1] : this.inv[a >> 1];
    const tb = b & 1 ? this.ret[b >> 1] : this.inv[b >> 1];
    return ta < tb ? -1 : ta > tb ? 1 : (a & 1) - (b & 1) || a - b;
  };

  constructor(kind: 'register' | 'counter') {
    super();
    this.model = new Model(kind);
  }

  /** Empties the operation list (the counter slots stay as set by the caller). */
  reset(): void {
    this.n = 0;
  }

  /**
   * Adds an operation; returns its index. `info`: it may take effect at any time after `inv`, or never. `must`
   * false for a definite one: it may still be in flight at the window's cut (carried if not lifted).
   */
  add(kind: number, arg: number, inv: number, ret: number, info: boolean, must = !info): number {
    const i = this.n++;
    if (i >= this.kind.length) this.grow(i * 2);
    this.kind[i] = kind;
    this.arg[i] = arg;
    this.inv[i] = inv;
    this.ret[i] = info ? Infinity : ret;
    this.info[i] = info ? 1 : 0;
    this.must[i] = must ? 1 : 0;
    return i;
  }

  /**
   * Links calls and returns in time order, slots the indeterminate increments and lists the operations that need
   * not be lifted; the reason if the window cannot be searched (an increment size without a slot, > 30 in flight).
   */
  protected link(): 'info' | 'cap' | null {
    const n = this.n;
    const order = this.order;
    for (let e = 0; e < 2 * n; e++) order[e] = e;
    // byTime is a total order, so any sort gives the same order; most windows are a few operations, sorted in
    // place (a view and the comparator's sort per window were a good part of the monitor's garbage).
    if (n <= SMALL) insertionSort(order, 2 * n, this.byTime);
    else order.subarray(0, 2 * n).sort(this.byTime);
    const head = 2 * n;
    let p = head;
    for (let k = 0; k < 2 * n; k++) {
      this.next[p] = order[k];
      this.prev[order[k]] = p;
      p = order[k];
    }
    this.next[p] = head;
    this.prev[head] = p;
    this.nInfo = 0;
    const lastOfSlot = [-1, -1, -1];
    let fits = true;
    for (let k = 0; k < 2 * n; k++) {
      const e = order[k];
      const i = e >> 1;
      if (e & 1 || !this.info[i]) continue;
      this.infoList[this.nInfo++] = i;
      this.prevSame[i] = -1;
      if (this.kind[i] !== ADD) continue;
      const s = this.model.slotOf(this.arg[i]);
      this.slot[i] = s;
      if (s < 0) fits = false;
      else {
        this.prevSame[i] = lastOfSlot[s];
        lastOfSlot[s] = i;
      }
    }
    if (!fits) return 'info';
    this.nOut = 0;
    for (let i = 0; i < n; i++) {
      if (this.info[i] || this.must[i]) continue;
      if (this.nOut === 30) return 'cap';
      this.out[this.nOut++] = i;
    }
    return null;
  }

  /**
   * Increments of one size are interchangeable: indeterminate ones go in call order; of the definite ones that
   * may take effect now, the one due first goes first (swapping two in any order keeps it valid).
   */
  protected allowed(i: number, bits: Uint32Array): boolean {
    if (this.kind[i] !== ADD) return true;
    if (this.info[i]) {
      const p = this.prevSame[i];
      return p < 0 || (bits[p >>> 5] & (1 << (p & 31))) !== 0;
    }
    const head = 2 * this.n;
    const d = this.arg[i];
    const due = this.ret[i];
    for (let e = this.next[head]; e !== head && (e & 1) === 0; e = this.next[e]) {
      const j = e >> 1;
      if (j === i || this.kind[j] !== ADD || this.info[j] || this.arg[j] !== d) continue;
      if (this.ret[j] < due || (this.ret[j] === due && j < i)) return false;
    }
    return true;
  }

  /** Takes operation i's call and return out of the list (dancing links: they keep their own pointers). */
  protected unlinkOp(i: number): void {
    const next = this.next;
    const prev = this.prev;
    const c = 2 * i;
    const r = c + 1;
    next[prev[c]] = next[c];
    prev[next[c]] = prev[c];
    next[prev[r]] = next[r];
    prev[next[r]] = prev[r];
  }

  /** Puts them back; undoes must go in the reverse order of the unlinks. */
  protected relinkOp(i: number): void {
    const next = this.next;
    const prev = this.prev;
    const c = 2 * i;
    const r = c + 1;
    next[prev[r]] = r;
    prev[next[r]] = r;
    next[prev[c]] = c;
    prev[next[c]] = c;
  }

  /**
   * A window of one definite operation, without linking or memo: every successor of every start state is an
   * end state. Same outcome as `run` in collect mode on that one operation.
   */
  stepAll(kind: number, arg: number, startV: ArrayLike<number>, startAux: ArrayLike<number>, maxEnds: number): number {
    this.n = 0;
    this.nOut = 0;
    this.ends = 0;
    this.endsOverflow = false;
    this.maxEnds = maxEnds;
    this.steps = 0;
    this.reason = null;
    const m = this.model;
    for (let s = 0; s < startV.length; s++) {
      for (let k = 0; m.step(kind, arg, startV[s], startAux[s], k); k++) {
        this.steps += m.cost;
        if (!this.keepEnd(m.outV, m.outAux, 0)) return OK;
      }
    }
    return this.ends > 0 ? OK : FAIL;
  }

  private grow(n: number): void {
    const g = <T extends Uint8Array | Int8Array | Int32Array | Float64Array>(a: T, len: number): T => {
      const b = new (a.constructor as new (n: number) => T)(len);
      b.set(a);
      return b;
    };
    this.kind = g(this.kind, n);
    this.arg = g(this.arg, n);
    this.inv = g(this.inv, n);
    this.ret = g(this.ret, n);
    this.info = g(this.info, n);
    this.must = g(this.must, n);
    this.unlifted = g(this.unlifted, n);
    this.slot = g(this.slot, n);
    this.prevSame = g(this.prevSame, n);
    this.stOp = g(this.stOp, n);
    this.stK = g(this.stK, n);
    this.stV = g(this.stV, n);
    this.stAux = g(this.stAux, n);
    this.infoList = g(this.infoList, n);
    this.next = g(this.next, 2 * n + 1);
    this.prev = g(this.prev, 2 * n + 1);
    this.order = g(this.order, 2 * n);
  }
}

/** Windows of up to this many operations are sorted by insertion. */
const SMALL = 16;

/** Sorts a[0..n) by `cmp`, in place. */
function insertionSort(a: Int32Array, n: number, cmp: (x: number, y: number) => number): void {
  for (let i = 1; i < n; i++) {
    const x = a[i];
    let j = i - 1;
    for (; j >= 0 && cmp(a[j], x) > 0; j--) a[j + 1] = a[j];
    a[j + 1] = x;
  }
}
