// Terry et al.'s four session guarantees, judged exactly on the version vectors the replicas return, per
// key: read-your-writes (a read includes the session's own acknowledged writes), monotonic reads (it
// includes everything the session read before), monotonic writes (a read that includes a session's write
// includes that session's earlier writes) and writes-follow-reads (it includes what the writer had read
// before writing). The last two keep, per key and slot, prefix maxima of what each write needs (ring.ts).
import type { Op } from '../ops';
import { historyOpOf } from '../record';
import type { VV } from '../state';
import { Rings, type SlotRing } from './ring';
import { Snaps } from './snaps';
import { describeOp, Witnesses, type Witness } from './witness';

export type SessionAnomaly = 'readYourWrites' | 'monotonicReads' | 'monotonicWrites' | 'writesFollowReads';
export const sessionAnomalies: SessionAnomaly[] = [
  'readYourWrites',
  'monotonicReads',
  'monotonicWrites',
  'writesFollowReads',
];

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
  /** Per session, per key: its last acknowledged write and the read that last raised what it had seen (witnesses). */
  private lastWrite: Snaps[] = [];
  private lastRead: Snaps[] = [];
  private stride: number;
  readonly maxSessions: number;
  /** Per key and slot, the acknowledged writes (the staleness check reads them too). */
  readonly rings: Rings;
  /** Per ring: the prefix maxima of the entries it dropped (MW then WFR, `slots` each). */
  private base: Int32Array;
  readonly counts: Record<SessionAnomaly, SessionCount>;

  constructor(
    private keys: number,
    private slots: number,
    ring: number,
    private names: { group: string; write: 'write' | 'add' },
    /** The room each ring of acknowledged writes is made with (ring.ts, ringRoom). */
    room: number,
  ) {
    this.stride = 3 + slots;
    this.maxSessions = Math.max(1, Math.floor(SESSION_BUDGET / (keys * (this.stride + 28))));
    this.rings = new Rings(keys, slots, ring, 4 * slots, names, room);
    this.base = new Int32Array(keys * slots * 2 * slots);
    const c = (): SessionCount => ({ violations: 0, fallbackViolations: 0, witnesses: new Witnesses() });
    this.counts = { readYourWrites: c(), monotonicReads: c(), monotonicWrites: c(), writesFollowReads: c() };
  }

  private session(id: number): Int32Array | undefined {
    if (id >= this.maxSessions) return undefined;
    let s = this.state[id];
    if (!s) {
      s = this.state[id] = new Int32Array(this.keys * this.stride);
      this.lastWrite[id] = new Snaps(this.keys, this.names.group, this.names.write);
      this.lastRead[id] = new Snaps(this.keys, this.names.group, this.names.write);
    }
    return s;
  }

  /** An acknowledged write: into its ring (every write), with what its session needed (sessions in the budget). */
  writeOk(session: number, key: number, slot: number, idx: number, op: Op): void {
    const s = this.session(session);
    const S = this.slots;
    const at = key * this.stride;
    const r = this.rings.make(key, slot);
    if (r.full) this.foldDropped(r, key * S + slot);
    const e = s
      ? r.insert(idx, op.completeNs / 1e6, op, this.lastWrite[session], key, this.lastRead[session], key)
      : r.insert(idx, op.completeNs / 1e6, op);
    const v = r.vec;
    const w = r.width;
    v.fill(0, e * w, e * w + 2 * S);
    if (s && s[at] > 0) v[e * w + s[at] - 1] = s[at + 1];
    if (s && s[at + 2]) for (let o = 0; o < S; o++) v[e * w + S + o] = s[at + 3 + o];
    this.prefix(r, key * S + slot, e);
    if (!s) return;
    s[at] = slot + 1;
    s[at + 1] = idx;
    this.lastWrite[session].put(key, op);
  }

  /** The ring is about to drop its oldest half: their prefix maxima become its base. */
  private foldDropped(r: SlotRing, ri: number): void {
    const S = this.slots;
    const last = (r.size - 1) * r.width + 2 * S;
    for (let o = 0; o < 2 * S; o++) this.base[ri * 2 * S + o] = r.vec[last + o];
  }

  /** Recomputes the prefix maxima (MW, WFR) from entry e to the end. */
  private prefix(r: SlotRing, ri: number, from: number): void {
    const S = this.slots;
    const w = r.width;
    for (let i = from; i < r.count; i++) {
      for (let o = 0; o < 2 * S; o++) {
        const before = i > 0 ? r.vec[(i - 1) * w + 2 * S + o] : this.base[ri * 2 * S + o];
        r.vec[i * w + 2 * S + o] = Math.max(before, r.vec[i * w + o]);
      }
    }
  }

  readOk(session: number, key: number, vv: VV, op: Op, fallback: boolean): void {
    const S = this.slots;
    for (let b = 0; b < S; b++) {
      if (vv[b] === 0) continue;
      const r = this.rings.get(key, b);
      if (!r) continue;
      const e = r.above(vv[b]) - 1;
      if (e < 0) continue;
      const pre = e * r.width + 2 * S;
      if (missing(vv, r.vec, pre)) this.report('monotonicWrites', fallback, () => this.writesWitness(r, e, vv, 0, op));
      if (missing(vv, r.vec, pre + S))
        this.report('writesFollowReads', fallback, () => this.writesWitness(r, e, vv, S, op));
    }
    const s = this.session(session);
    if (!s) return;
    const at = key * this.stride;
    if (s[at] > 0 && vv[s[at] - 1] < s[at + 1]) {
      this.report('readYourWrites', fallback, () => {
        const [own, read] = [this.lastWrite[session].op(key)!, historyOpOf(op)];
        return {
          explanation: `${describeOp(read)}, which does not include the session's own ${describeOp(own)}`,
          ops: [own, read],
        };
      });
    }
    let raised = false;
    let mr = false;
    for (let o = 0; o < S; o++) {
      if (vv[o] < s[at + 3 + o]) mr = true;
      else if (vv[o] > s[at + 3 + o]) [s[at + 3 + o], raised] = [vv[o], true];
    }
    if (mr && s[at + 2]) {
      this.report('monotonicReads', fallback, () => {
        const [before, read] = [this.lastRead[session].op(key)!, historyOpOf(op)];
        return {
          explanation: `${describeOp(read)}, older than what the session's ${describeOp(before)} had seen`,
          ops: [before, read],
        };
      });
    }
    s[at + 2] = 1;
    if (raised || !this.lastRead[session].has(key)) this.lastRead[session].put(key, op);
  }

  private report(a: SessionAnomaly, fallback: boolean, witness: () => Witness): void {
    const c = this.counts[a];
    if (fallback) c.fallbackViolations++;
    else c.violations++;
    c.witnesses.add(witness);
  }

  /** The earliest write up to entry e whose own requirement (offset 0: MW, S: WFR) the read lacks. */
  private writesWitness(r: SlotRing, e: number, vv: VV, off: number, read: Op) {
    let i = 0;
    while (i < e && !missing(vv, r.vec, i * r.width + off)) i++;
    const w = r.ops.op(i)!;
    const other = (off === 0 ? r.refA : r.refB)?.op(i);
    const why =
      off === 0
        ? `but not the same session's earlier ${other ? describeOp(other) : 'write'}`
        : `but not what that session had read before writing${other ? ` (its ${describeOp(other)})` : ''}`;
    const h = historyOpOf(read);
    return {
      explanation: `${describeOp(h)}, which includes the ${describeOp(w)} ${why}`,
      ops: [...(other ? [other] : []), w, h],
    };
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
