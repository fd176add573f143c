// Wing & Gong's linearizability search with Lowe's memoisation, over one key's operations (a whole history or one
// window). Calls and returns sit in a doubly linked list in time order; the search lifts an operation whose call
// comes before every remaining return (it may take effect now), steps the model, and backtracks at a return whose
// operation it has not lifted. Indeterminate operations return at +∞: they may take effect at any point after
// their call, and one never lifted never took effect. Counter increments of equal size that are indeterminate are
// interchangeable, so they are lifted in call order only (a symmetry cut). The search stops when every definite
// operation is lifted ("first" mode), or records every state reachable then and backtracks ("collect" mode, for
// carrying states across windows). A step budget and a memo-size cap turn into UNKNOWN, never a guess.
import { Memo, zobristFor } from './memo';
import { ADD, MAX_PENDING, addPending, pendingOf } from './model';
import { FAIL, OK, OpList, UNKNOWN } from './oplist';

export { FAIL, OK, UNKNOWN };

/** The linearizability search over one key's operations (reused: its buffers only grow). */
export class Search extends OpList {
  private bits = new Uint32Array(1);
  private zob: Int32Array = zobristFor(16);
  private memo = new Memo();
  private top = 0;
  private v = 0;
  private aux = 0;
  private bh = 0;
  private lastK = 0;
  private mustLeft = 0;
  /** Operations 0..npin-1 were in flight at the previous cut; a start state says which it had lifted. */
  private npin = 0;
  private collecting = false;
  private budget = 0;
  private maxMemo = 0;

  /**
   * Searches from each start state in turn (the memo is shared: a configuration explored from one start needs no
   * second visit). First mode: OK as soon as one order explains every definite operation. Collect mode: OK when
   * some order does, with every end state recorded.
   */
  run(
    startV: ArrayLike<number>,
    startAux: ArrayLike<number>,
    startMask: ArrayLike<number> | null,
    npin: number,
    collect: boolean,
    budget: number,
    maxMemo: number,
    maxEnds = 64,
  ): number {
    this.npin = npin;
    this.steps = 0;
    this.reason = null;
    this.ends = 0;
    this.endsOverflow = false;
    this.collecting = collect;
    this.budget = budget;
    this.maxMemo = maxMemo;
    this.maxEnds = maxEnds;
    this.unlifted.fill(0, 0, this.n);
    if (!this.prepare()) return UNKNOWN;
    for (let s = 0; s < startV.length; s++) {
      const mask = startMask ? startMask[s] : 0;
      this.preLift(mask);
      const r = this.dfs(startV[s], startAux[s]);
      if (r === UNKNOWN || (r === OK && (!collect || this.endsOverflow))) return r;
      this.unPreLift(mask);
    }
    return this.ends > 0 ? OK : FAIL;
  }

  /** Links the operations and sizes the bitset and memo; false (with the reason) if the window cannot be run. */
  private prepare(): boolean {
    this.reason = this.link();
    if (this.reason) return false;
    const words = Math.max(1, (this.n + 31) >>> 5);
    if (this.bits.length < words) this.bits = new Uint32Array(words);
    this.zob = zobristFor(this.n);
    this.memo.reset(words);
    this.bits.fill(0, 0, words);
    this.bh = 0;
    return true;
  }

  /** Lifts the pinned operations a start state had lifted (unlinked in index order), before its search. */
  private preLift(mask: number): void {
    for (let i = 0; i < this.npin; i++) {
      if (!(mask & (1 << i))) continue;
      this.unlinkOp(i);
      this.bits[i >>> 5] |= 1 << (i & 31);
      this.bh ^= this.zob[i];
    }
  }

  /** Undoes preLift, relinking in reverse order. */
  private unPreLift(mask: number): void {
    for (let i = this.npin - 1; i >= 0; i--) {
      if (!(mask & (1 << i))) continue;
      this.relinkOp(i);
      this.bits[i >>> 5] &= ~(1 << (i & 31));
      this.bh ^= this.zob[i];
    }
  }

  private dfs(v0: number, a0: number): number {
    const next = this.next;
    const head = 2 * this.n;
    this.top = 0;
    this.v = v0;
    this.aux = a0;
    this.mustLeft = 0;
    for (let i = 0; i < this.n; i++) if (this.must[i] && !(this.bits[i >>> 5] & (1 << (i & 31)))) this.mustLeft++;
    if (!this.memo.insert(this.bits, this.bh, v0, a0)) return FAIL;
    let back = false;
    if (this.mustLeft === 0) {
      if (!this.collecting) return OK;
      if (!this.record()) return UNKNOWN;
      return OK;
    }
    let e = next[head];
    for (;;) {
      if (this.steps > this.budget || this.memo.size > this.maxMemo) {
        this.reason = this.steps > this.budget ? 'budget' : 'memory';
        return UNKNOWN;
      }
      if (!back && e !== head && (e & 1) === 0) {
        const i = e >> 1;
        if (this.allowed(i, this.bits) && this.lift(i, 0)) {
          if (this.mustLeft > 0) e = next[head];
          else if (!this.collecting) return OK;
          else if (!this.record()) return this.endsOverflow ? OK : UNKNOWN;
          else back = true;
        } else e = next[e];
        continue;
      }
      // A return entry of an operation not lifted yet (or an end state just recorded): undo the last lift.
      back = false;
      if (this.top === 0) return this.ends > 0 ? OK : FAIL;
      const i = this.unlift();
      if (this.lift(i, this.lastK + 1)) {
        if (this.mustLeft > 0) e = next[head];
        else if (!this.collecting) return OK;
        else if (!this.record()) return this.endsOverflow ? OK : UNKNOWN;
        else back = true;
      } else e = next[2 * i];
    }
  }

  /** Tries successors k0, k0+1, … of operation i; on one not explored yet, lifts i and pushes a frame. */
  private lift(i: number, k0: number): boolean {
    const m = this.model;
    const w = i >>> 5;
    const b = 1 << (i & 31);
    for (let k = k0; this.steps <= this.budget; k++) {
      const ok = m.step(this.kind[i], this.arg[i], this.v, this.aux, k);
      this.steps += m.cost;
      if (!ok) return false;
      this.bits[w] |= b;
      const bh = this.bh ^ this.zob[i];
      if (this.memo.insert(this.bits, bh, m.outV, m.outAux)) {
        const t = this.top++;
        this.stOp[t] = i;
        this.stK[t] = k;
        this.stV[t] = this.v;
        this.stAux[t] = this.aux;
        this.v = m.outV;
        this.aux = m.outAux;
        this.bh = bh;
        this.unlinkOp(i);
        if (this.must[i]) this.mustLeft--;
        return true;
      }
      this.bits[w] &= ~b;
    }
    return false;
  }

  /** Pops the last frame: relinks its operation (dancing links, in reverse order) and restores the state. */
  private unlift(): number {
    const t = --this.top;
    const i = this.stOp[t];
    this.relinkOp(i);
    this.bits[i >>> 5] &= ~(1 << (i & 31));
    this.bh ^= this.zob[i];
    this.v = this.stV[t];
    this.aux = this.stAux[t];
    this.lastK = this.stK[t];
    if (this.must[i]) this.mustLeft++;
    return i;
  }

  /** Records the current state as an end state; false on overflow (too many ends, or pending counts). */
  private record(): boolean {
    let a = this.aux;
    for (let k = 0; k < this.nInfo; k++) {
      const i = this.infoList[k];
      if (this.bits[i >>> 5] & (1 << (i & 31))) continue;
      this.unlifted[i] = 1;
      if (this.kind[i] !== ADD) continue;
      if (pendingOf(a, this.slot[i]) === MAX_PENDING) {
        this.reason = 'info';
        return false;
      }
      a = addPending(a, this.slot[i], 1);
    }
    let mask = 0;
    for (let k = 0; k < this.nOut; k++) {
      const i = this.out[k];
      if (this.bits[i >>> 5] & (1 << (i & 31))) mask |= 1 << k;
    }
    return this.keepEnd(this.v, a, mask);
  }
}
