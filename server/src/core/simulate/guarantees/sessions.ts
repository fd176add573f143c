// Terry et al.'s four session guarantees, judged exactly on the version vectors the replicas return, per
// key: read-your-writes (a read includes the session's own acknowledged writes), monotonic reads (it
// includes everything the session read before), monotonic writes (a read that includes a session's write
// includes that session's earlier writes) and writes-follow-reads (it includes what the writer had read
// before writing). The last two keep, per key and slot, prefix maxima of what each write needs (ring.ts).
import type { HistoryOp } from '../record';
import type { VV } from '../state';
import { SlotRing } from './ring';
import { describeOp, Witnesses } from './witness';

export type SessionAnomaly = 'readYourWrites' | 'monotonicReads' | 'monotonicWrites' | 'writesFollowReads';
export const sessionAnomalies: SessionAnomaly[] = ['readYourWrites', 'monotonicReads', 'monotonicWrites', 'writesFollowReads'];

/** Integers of per-session state at most (32 MB); sessions past it are not checked. */
const SESSION_BUDGET = 8_000_000;

export interface SessionCount {
  violations: number;
  fallbackViolations: number;
  witnesses: Witnesses;
}

export class Sessions {
  /** Per session, per key: [own slot + 1, own position, has read, read maximum × slots]. */
  private state: (Int32Array | undefined)[] = [];
  private lastWrite = new Map<number, HistoryOp>();
  private lastRead = new Map<number, HistoryOp>();
  private stride: number;
  readonly maxSessions: number;
  private rings: SlotRing[];
  /** Per ring: the prefix maxima of the entries it dropped (MW then WFR, `slots` each). */
  private base: Int32Array;
  private deps = new WeakMap<HistoryOp, { prev?: HistoryOp; read?: HistoryOp }>();
  readonly counts: Record<SessionAnomaly, SessionCount>;

  constructor(
    private keys: number,
    private slots: number,
    ring: number,
  ) {
    this.stride = 3 + slots;
    this.maxSessions = Math.max(1, Math.floor(SESSION_BUDGET / (keys * this.stride)));
    this.rings = Array.from({ length: keys * slots }, () => new SlotRing(ring, 4 * slots));
    this.base = new Int32Array(keys * slots * 2 * slots);
    const c = (): SessionCount => ({ violations: 0, fallbackViolations: 0, witnesses: new Witnesses() });
    this.counts = { readYourWrites: c(), monotonicReads: c(), monotonicWrites: c(), writesFollowReads: c() };
  }

  private session(id: number): Int32Array | undefined {
    if (id >= this.maxSessions) return undefined;
    return (this.state[id] ??= new Int32Array(this.keys * this.stride));
  }

  writeOk(session: number, key: number, slot: number, idx: number, op: HistoryOp): void {
    const s = this.session(session);
    if (!s) return;
    const S = this.slots;
    const at = key * this.stride;
    const r = this.rings[key * S + slot];
    if (r.full) this.foldDropped(key * S + slot);
    const e = r.insert(idx, op.complete, op);
    const v = r.vec;
    const w = r.width;
    v.fill(0, e * w, e * w + 2 * S);
    if (s[at] > 0) v[e * w + s[at] - 1] = s[at + 1];
    if (s[at + 2]) for (let o = 0; o < S; o++) v[e * w + S + o] = s[at + 3 + o];
    this.deps.set(op, { prev: this.lastWrite.get(session * this.keys + key), read: this.lastRead.get(session * this.keys + key) });
    this.prefix(key * S + slot, e);
    s[at] = slot + 1;
    s[at + 1] = idx;
    this.lastWrite.set(session * this.keys + key, op);
  }

  /** The ring is about to drop its oldest half: their prefix maxima become its base. */
  private foldDropped(ri: number): void {
    const r = this.rings[ri];
    const S = this.slots;
    const last = (r.size - 1) * r.width + 2 * S;
    for (let o = 0; o < 2 * S; o++) this.base[ri * 2 * S + o] = r.vec[last + o];
  }

  /** Recomputes the prefix maxima (MW, WFR) from entry e to the end. */
  private prefix(ri: number, from: number): void {
    const r = this.rings[ri];
    const S = this.slots;
    const w = r.width;
    for (let i = from; i < r.count; i++) {
      for (let o = 0; o < 2 * S; o++) {
        const before = i > 0 ? r.vec[(i - 1) * w + 2 * S + o] : this.base[ri * 2 * S + o];
        r.vec[i * w + 2 * S + o] = Math.max(before, r.vec[i * w + o]);
      }
    }
  }

  readOk(session: number, key: number, vv: VV, op: HistoryOp, fallback: boolean): void {
    const S = this.slots;
    for (let b = 0; b < S; b++) {
      if (vv[b] === 0) continue;
      const r = this.rings[key * S + b];
      const e = r.above(vv[b]) - 1;
      if (e < 0) continue;
      const pre = e * r.width + 2 * S;
      if (missing(vv, r.vec, pre)) this.report('monotonicWrites', fallback, () => this.writesWitness(r, e, vv, 0, op));
      if (missing(vv, r.vec, pre + S)) this.report('writesFollowReads', fallback, () => this.writesWitness(r, e, vv, S, op));
    }
    const s = this.session(session);
    if (!s) return;
    const at = key * this.stride;
    const sk = session * this.keys + key;
    if (s[at] > 0 && vv[s[at] - 1] < s[at + 1]) {
      const own = this.lastWrite.get(sk)!;
      this.report('readYourWrites', fallback, () => ({ explanation: `${describeOp(op)}, which does not include the session's own ${describeOp(own)}`, ops: [own, op] }));
    }
    let raised = false;
    let mr = false;
    for (let o = 0; o < S; o++) {
      if (vv[o] < s[at + 3 + o]) mr = true;
      else if (vv[o] > s[at + 3 + o]) [s[at + 3 + o], raised] = [vv[o], true];
    }
    if (mr && s[at + 2]) {
      const before = this.lastRead.get(sk)!;
      this.report('monotonicReads', fallback, () => ({ explanation: `${describeOp(op)}, older than what the session's ${describeOp(before)} had seen`, ops: [before, op] }));
    }
    s[at + 2] = 1;
    if (raised || !this.lastRead.has(sk)) this.lastRead.set(sk, op);
  }

  private report(a: SessionAnomaly, fallback: boolean, witness: () => { explanation: string; ops: HistoryOp[] }): void {
    const c = this.counts[a];
    if (fallback) c.fallbackViolations++;
    else c.violations++;
    c.witnesses.add(witness);
  }

  /** The earliest write up to entry e whose own requirement (offset 0: MW, S: WFR) the read lacks. */
  private writesWitness(r: SlotRing, e: number, vv: VV, off: number, read: HistoryOp) {
    let i = 0;
    while (i < e && !missing(vv, r.vec, i * r.width + off)) i++;
    const w = r.ops[i]!;
    const d = this.deps.get(w) ?? {};
    const other = off === 0 ? d.prev : d.read;
    const why = off === 0 ? `but not the same session's earlier ${other ? describeOp(other) : 'write'}` : `but not what that session had read before writing${other ? ` (its ${describeOp(other)})` : ''}`;
    return { explanation: `${describeOp(read)}, which includes the ${describeOp(w)} ${why}`, ops: [...(other ? [other] : []), w, read] };
  }

  sessionsChecked(sessions: number): number {
    return Math.min(sessions, this.maxSessions);
  }
}

/** Does vv lack something the requirement vector at `at` asks for? */
function missing(vv: VV, v: Int32Array, at: number): boolean {
  for (let o = 0; o < vv.length; o++) if (vv[o] < v[at + o]) return true;
  return false;
}
