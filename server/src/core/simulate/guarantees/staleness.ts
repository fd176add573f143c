// How far behind each read is, judged when it began: the writes acknowledged before its invocation that
// its version does not include (versions behind, and time since the oldest of them was acknowledged).
// From it: stale reads (real time), P(≥ k versions behind), and violations of a bounded level's bound
// and of a declared `staleness <= T`, each with a witness. Exact while the missed writes are within each
// slot's ring (ring.ts); beyond it the figures are lower bounds, and the reads so judged are counted.
import { Histogram } from '../histogram';
import type { Op } from '../ops';
import { historyOpOf } from '../record';
import type { VV } from '../state';
import type { Rings, SlotRing } from './ring';
import { describeOp, formatMs, Witnesses } from './witness';
import { plural } from '../../util/plural';

/** Versions-behind buckets kept: 0…15 exactly, then 16 or more. */
const K = 16;

export interface Bound {
  /** e.g. `bounded(2s)`, `staleness <= 200ms`. */
  label: string;
  kind: 'ms' | 'versions';
  limit: number;
  /** Violations on the normal path, and on the `prefer availability` fallback. */
  violations: number;
  fallbackViolations: number;
  witnesses: Witnesses;
}

export class Staleness {
  /** Per key and slot, the acknowledged writes (the session checks keep them). */
  private rings: Rings;
  reads = 0;
  /** Stale reads on the normal path, and on the `prefer availability` fallback. */
  stale = 0;
  staleFallback = 0;
  /** Reads whose missed writes reached past a ring (their figures are lower bounds). */
  lowerBounds = 0;
  readonly versionsBehind = new Float64Array(K + 1);
  readonly msBehind = new Histogram();
  readonly staleWitnesses = new Witnesses();

  constructor(
    private slots: number,
    readonly bounds: Bound[],
    rings: Rings,
  ) {
    this.rings = rings;
  }

  read(key: number, vv: VV, op: Op, fallback: boolean): void {
    this.reads++;
    const start = op.invokeNs / 1e6;
    let behind = 0;
    let oldest = Infinity;
    let oldestRing: SlotRing | undefined;
    let oldestAt = 0;
    let lower = false;
    for (let s = 0; s < this.slots; s++) {
      const r = this.rings.get(key, s);
      if (!r) continue;
      for (let i = r.above(vv[s]); i < r.count; i++) {
        if (r.at[i] >= start) continue;
        behind++;
        if (r.at[i] < oldest) [oldest, oldestRing, oldestAt] = [r.at[i], r, i];
      }
      if (r.floor > vv[s]) lower = true;
    }
    if (lower) this.lowerBounds++;
    this.versionsBehind[Math.min(behind, K)]++;
    const ms = behind > 0 ? start - oldest : 0;
    this.msBehind.record(ms);
    if (behind === 0) return;
    if (fallback) this.staleFallback++;
    else this.stale++;
    const why = (what: string) => () => {
      const read = historyOpOf(op);
      const missed = oldestRing!.ops.op(oldestAt)!;
      return {
        explanation:
          `${describeOp(read)} missed ${plural(behind, 'acknowledged write')}, ` +
          `the oldest the ${describeOp(missed)}, acknowledged ${formatMs(ms)} before the read began${what}`,
        ops: [missed, read],
      };
    };
    this.staleWitnesses.add(why(''));
    for (const b of this.bounds) {
      const over = b.kind === 'ms' ? ms > b.limit : behind > b.limit;
      if (!over) continue;
      if (fallback) b.fallbackViolations++;
      else b.violations++;
      b.witnesses.add(why(`: beyond ${b.label}`));
    }
  }

  /** P(a read is at least k versions behind), k = 1…16. */
  kStaleness(): number[] {
    const total = this.versionsBehind.reduce((s, x) => s + x, 0);
    const out: number[] = [];
    let atLeast = total;
    for (let k = 1; k <= K; k++) {
      atLeast -= this.versionsBehind[k - 1];
      out.push(total ? atLeast / total : 0);
    }
    return out;
  }
}
