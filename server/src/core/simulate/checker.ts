// Anomaly checkers over one data type's history, streaming and bounded (ring of 16 acknowledged writes per key,
// flat per-session arrays): stale reads (missing a write acknowledged before the read began), RYW, monotonic
// reads/writes, writes-follow-reads, versions and ms behind, lost updates (Jepsen counter check, final reads).
import { Histogram } from './histogram';
import type { VV } from './state';

/** Recent acknowledged writes kept per key. */
const RING = 16;
/** Integers of per-session state at most (32 MB); sessions past it are not checked for session guarantees. */
const SESSION_BUDGET = 8_000_000;

export interface AnomalyCounts {
  reads: number;
  staleReads: number;
  readYourWrites: number;
  monotonicReads: number;
  monotonicWrites: number;
  writesFollowReads: number;
  lostUpdates: number;
}

export class Checker {
  // Ring of acknowledged writes per key: origin, number, ack time, the writer session's previous write
  // (origin + 1, 0 = none; number) and what it had read (deps, when hasDeps).
  private rOrigin: Int32Array;
  private rIdx: Int32Array;
  private rT: Float64Array;
  private rPrevO: Int32Array;
  private rPrevIdx: Int32Array;
  private rDeps: Int32Array;
  private rHasDeps: Uint8Array;
  private head: Int32Array;
  private fill: Int32Array;
  /** Per session: per key [own origin + 1, own number, has read, readMax × origins]. */
  private sessions: (Int32Array | undefined)[] = [];
  private stride: number;
  readonly maxSessions: number;
  private okAdds: Float64Array;
  private infoAdds: Float64Array;
  readonly counts: AnomalyCounts = { reads: 0, staleReads: 0, readYourWrites: 0, monotonicReads: 0, monotonicWrites: 0, writesFollowReads: 0, lostUpdates: 0 };
  /** Reads by versions behind: index i = i versions, the last bucket = RING or more. */
  readonly versionsBehind = new Float64Array(RING + 1);
  readonly msBehind = new Histogram();
  /** Final reads above every acknowledged and indeterminate add: a write applied twice (a retry). */
  duplicates = 0;

  constructor(
    private keys: number,
    private origins: number,
  ) {
    const n = keys * RING;
    this.rOrigin = new Int32Array(n);
    this.rIdx = new Int32Array(n);
    this.rT = new Float64Array(n);
    this.rPrevO = new Int32Array(n);
    this.rPrevIdx = new Int32Array(n);
    this.rDeps = new Int32Array(n * origins);
    this.rHasDeps = new Uint8Array(n);
    this.head = new Int32Array(keys);
    this.fill = new Int32Array(keys);
    this.okAdds = new Float64Array(keys);
    this.infoAdds = new Float64Array(keys);
    this.stride = 3 + origins;
    this.maxSessions = Math.max(1, Math.floor(SESSION_BUDGET / (keys * this.stride)));
  }

  /** The session's state array and the offset of the key in it; undefined past the session budget. */
  private session(id: number): Int32Array | undefined {
    if (id >= this.maxSessions) return undefined;
    return (this.sessions[id] ??= new Int32Array(this.keys * this.stride));
  }

  writeOk(session: number, key: number, origin: number, idx: number, t: number): void {
    const s = this.session(session);
    const at = key * this.stride;
    const i = key * RING + this.head[key];
    this.head[key] = (this.head[key] + 1) % RING;
    if (this.fill[key] < RING) this.fill[key]++;
    this.rOrigin[i] = origin;
    this.rIdx[i] = idx;
    this.rT[i] = t;
    this.rPrevO[i] = s ? s[at] : 0;
    this.rPrevIdx[i] = s ? s[at + 1] : 0;
    this.rHasDeps[i] = s && s[at + 2] ? 1 : 0;
    if (s && s[at + 2]) for (let o = 0; o < this.origins; o++) this.rDeps[i * this.origins + o] = s[at + 3 + o];
    if (s) {
      s[at] = origin + 1;
      s[at + 1] = idx;
    }
    this.okAdds[key]++;
  }

  writeInfo(key: number): void {
    this.infoAdds[key]++;
  }

  readOk(session: number, key: number, invokeT: number, vv: VV): void {
    const c = this.counts;
    const O = this.origins;
    c.reads++;
    let behind = 0;
    let oldest = Infinity;
    let mw = false;
    let wfr = false;
    for (let j = 0, i = key * RING; j < this.fill[key]; j++, i++) {
      if (vv[this.rOrigin[i]] < this.rIdx[i]) {
        if (this.rT[i] < invokeT) {
          behind++;
          if (this.rT[i] < oldest) oldest = this.rT[i];
        }
        continue;
      }
      const po = this.rPrevO[i];
      if (po > 0 && vv[po - 1] < this.rPrevIdx[i]) mw = true;
      if (this.rHasDeps[i]) for (let o = 0; o < O; o++) if (vv[o] < this.rDeps[i * O + o]) wfr = true;
    }
    this.versionsBehind[Math.min(behind, RING)]++;
    this.msBehind.record(behind > 0 ? invokeT - oldest : 0);
    if (behind > 0) c.staleReads++;
    if (mw) c.monotonicWrites++;
    if (wfr) c.writesFollowReads++;
    const s = this.session(session);
    if (!s) return;
    const at = key * this.stride;
    if (s[at] > 0 && vv[s[at] - 1] < s[at + 1]) c.readYourWrites++;
    let mr = false;
    for (let o = 0; o < O; o++) {
      if (vv[o] < s[at + 3 + o]) mr = true;
      else s[at + 3 + o] = vv[o];
    }
    if (mr && s[at + 2]) c.monotonicReads++;
    s[at + 2] = 1;
  }

  /** The converged value of a key after the run: adds acknowledged but missing from it were lost. */
  final(key: number, value: number): void {
    if (value < this.okAdds[key]) this.counts.lostUpdates += this.okAdds[key] - value;
    if (value > this.okAdds[key] + this.infoAdds[key]) this.duplicates += value - this.okAdds[key] - this.infoAdds[key];
  }

  /** P(a read is at least k versions behind), k = 1..RING. */
  kStaleness(): number[] {
    const total = this.versionsBehind.reduce((s, x) => s + x, 0);
    const out: number[] = [];
    let atLeast = total;
    for (let k = 1; k <= RING; k++) {
      atLeast -= this.versionsBehind[k - 1];
      out.push(total ? atLeast / total : 0);
    }
    return out;
  }
}
