// The sequential-consistency search (Lamport): one total order of a key's operations that keeps each process's
// order (not real time) and that the model accepts. Depth-first over "the next operation of some process", with
// the same memo as the linearizability search (the set of operations placed, which fixes every process's
// position, and the model state). Candidates are tried in id order, so a history whose real-time order works is
// found without backtracking. A process's next read that returns the current value (with nothing pending) is
// placed at once with no alternative tried: reads change nothing, so any order placing it later can place it now
// (a partial-order reduction). An indeterminate operation may take effect at any point after the operations its
// process invoked before it, or never: it does not hold back its process. A step budget turns into UNKNOWN.
import { Memo, zobristFor } from './memo';
import { ADD, Model, READ } from './model';
import { FAIL, OK, UNKNOWN } from './search';

/** The sequential-consistency search over one key's operations. */
export class ScSearch {
  readonly model: Model;
  n = 0;
  private kind: number[] = [];
  private arg: number[] = [];
  private info: number[] = [];
  /** Process slot, -1 for a free operation (no process: any time, or never). */
  private proc: number[] = [];
  /** Indeterminate: how many of its process's definite operations precede it. */
  private pos: number[] = [];
  private prevSame: number[] = [];
  private seq: number[] = [];
  private pStart: number[] = [];
  private pLen: number[] = [];
  private cursor = new Int32Array(1);
  private infoIdx: number[] = [];
  private bits = new Uint32Array(1);
  private words = 1;
  private zob = zobristFor(1);
  private memo = new Memo();
  private stOp = new Int32Array(1);
  private stK = new Int32Array(1);
  private stV = new Float64Array(1);
  private stAux = new Float64Array(1);
  private tried = new Int32Array(2);
  private v = 0;
  private aux = 0;
  private bh = 0;
  private defLeft = 0;
  steps = 0;
  reason: 'budget' | 'memory' | 'info' | null = null;

  constructor(kind: 'register' | 'counter') {
    this.model = new Model(kind);
  }

  /**
   * Loads operations given in id order: kind, argument, indeterminate or not, process (-1: free). Definite
   * operations of a process keep their order; an indeterminate one waits only for those before it.
   */
  load(kind: number[], arg: number[], info: boolean[], process: number[]): void {
    const n = (this.n = kind.length);
    this.kind = kind;
    this.arg = arg;
    this.info = info.map((x) => (x ? 1 : 0));
    const slotOf = new Map<number, number>();
    const lists: number[][] = [];
    const lastSame = new Map<string, number>();
    this.proc = [];
    this.pos = [];
    this.prevSame = [];
    this.infoIdx = [];
    for (let i = 0; i < n; i++) {
      let s = -1;
      if (process[i] >= 0) {
        s = slotOf.get(process[i]) ?? -1;
        if (s < 0) slotOf.set(process[i], (s = lists.push([]) - 1));
      }
      this.proc.push(s);
      this.pos.push(s >= 0 ? lists[s].length : 0);
      this.prevSame.push(-1);
      if (!info[i]) lists[s].push(i);
      else {
        this.infoIdx.push(i);
        if (kind[i] === ADD && s >= 0) {
          const tag = `${s}:${arg[i]}`;
          this.prevSame[i] = lastSame.get(tag) ?? -1;
          lastSame.set(tag, i);
        }
      }
    }
    this.seq = lists.flat();
    this.pStart = [];
    this.pLen = lists.map((l) => l.length);
    lists.reduce((at, l) => (this.pStart.push(at), at + l.length), 0);
    this.cursor = new Int32Array(lists.length);
    this.words = Math.max(1, (n + 31) >>> 5);
    this.bits = new Uint32Array(this.words);
    this.zob = zobristFor(n);
    for (const a of ['stOp', 'stK', 'tried'] as const) this[a] = new Int32Array(n + 1);
    this.stV = new Float64Array(n + 1);
    this.stAux = new Float64Array(n + 1);
  }

  /** OK if some order keeping process order explains every read, from one of the start states. */
  run(startV: number[], startAux: number[], budget: number, maxMemo: number): number {
    this.memo.reset(this.words);
    this.steps = 0;
    this.reason = null;
    for (let s = 0; s < startV.length; s++) {
      const r = this.dfs(startV[s], startAux[s], budget, maxMemo);
      if (r !== FAIL) return r;
    }
    return FAIL;
  }

  private lifted(i: number): boolean {
    return (this.bits[i >>> 5] & (1 << (i & 31))) !== 0;
  }

  /** The smallest candidate index above t, or -1; a read that must go now is the only candidate. */
  private nextCandidate(t: number): number {
    if (this.aux === 0) {
      for (let p = 0; p < this.pLen.length; p++) {
        if (this.cursor[p] >= this.pLen[p]) continue;
        const c = this.seq[this.pStart[p] + this.cursor[p]];
        if (this.kind[c] === READ && this.arg[c] === this.v) return t < 0 ? c : -1;
      }
    }
    let best = -1;
    for (let p = 0; p < this.pLen.length; p++) {
      if (this.cursor[p] >= this.pLen[p]) continue;
      const c = this.seq[this.pStart[p] + this.cursor[p]];
      if (c > t && (best < 0 || c < best)) best = c;
    }
    for (const i of this.infoIdx) {
      if (i <= t || (best >= 0 && i >= best) || this.lifted(i)) continue;
      if (this.proc[i] >= 0 && this.cursor[this.proc[i]] < this.pos[i]) continue;
      if (this.prevSame[i] >= 0 && !this.lifted(this.prevSame[i])) continue;
      best = i;
    }
    return best;
  }

  private dfs(v0: number, a0: number, budget: number, maxMemo: number): number {
    this.bits.fill(0);
    this.cursor.fill(0);
    this.bh = 0;
    this.v = v0;
    this.aux = a0;
    this.defLeft = this.info.reduce((a, x) => a + (x ? 0 : 1), 0);
    if (!this.memo.insert(this.bits, 0, v0, a0)) return FAIL;
    let d = 0;
    this.tried[0] = -1;
    while (this.defLeft > 0) {
      if (++this.steps > budget || this.memo.size > maxMemo) {
        this.reason = this.steps > budget ? 'budget' : 'memory';
        return UNKNOWN;
      }
      const j = this.nextCandidate(this.tried[d]);
      if (j >= 0) {
        this.tried[d] = j;
        if (this.push(d, j, 0)) this.tried[++d] = -1;
        continue;
      }
      if (d === 0) return FAIL;
      const i = this.pop(--d);
      if (this.push(d, i, this.stK[d] + 1)) this.tried[++d] = -1;
    }
    return OK;
  }

  /** Places operation i at depth d with its k0-th successor or a later one not explored yet. */
  private push(d: number, i: number, k0: number): boolean {
    const m = this.model;
    for (let k = k0; ; k++) {
      const ok = m.step(this.kind[i], this.arg[i], this.v, this.aux, k);
      this.steps += m.cost;
      if (!ok) return false;
      this.bits[i >>> 5] |= 1 << (i & 31);
      const bh = this.bh ^ this.zob[i];
      if (this.memo.insert(this.bits, bh, m.outV, m.outAux)) {
        this.stOp[d] = i;
        this.stK[d] = k;
        this.stV[d] = this.v;
        this.stAux[d] = this.aux;
        this.v = m.outV;
        this.aux = m.outAux;
        this.bh = bh;
        if (!this.info[i]) {
          this.cursor[this.proc[i]]++;
          this.defLeft--;
        }
        return true;
      }
      this.bits[i >>> 5] &= ~(1 << (i & 31));
    }
  }

  /** Undoes the operation at depth d; returns it. */
  private pop(d: number): number {
    const i = this.stOp[d];
    this.bits[i >>> 5] &= ~(1 << (i & 31));
    this.bh ^= this.zob[i];
    this.v = this.stV[d];
    this.aux = this.stAux[d];
    if (!this.info[i]) {
      this.cursor[this.proc[i]]--;
      this.defLeft++;
    }
    return i;
  }
}
