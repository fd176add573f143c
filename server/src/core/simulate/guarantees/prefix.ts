// Consistent prefix, per key: every read sees a prefix of one write order, so the versions reads return
// must all be comparable (a chain under inclusion). Two reads that saw concurrent writes each without the
// other saw prefixes of two different orders. Kept per key: the last `KEEP` distinct versions of the chain,
// in order; a read is checked against its neighbours there (exact within them).
import type { Op } from '../ops';
import { historyOpOf } from '../record';
import type { VV } from '../state';
import { Snaps } from './snaps';
import { describeOp, Witnesses } from './witness';

const KEEP = 64;

/** One key's chain: the versions seen (KEEP at most, in order), their sizes, and a read that saw each. */
interface Chain {
  count: number;
  sums: Float64Array;
  vvs: Int32Array;
  seen: Snaps;
}

export class Prefix {
  /** Per key, made at its first read. */
  private chains: (Chain | undefined)[];
  violations = 0;
  fallbackViolations = 0;
  readonly witnesses = new Witnesses();

  constructor(
    keys: number,
    private slots: number,
    private names: { group: string; write: 'write' | 'add' },
  ) {
    this.chains = new Array(keys).fill(undefined);
  }

  read(key: number, vv: VV, op: Op, fallback: boolean): void {
    const S = this.slots;
    const c = (this.chains[key] ??= {
      count: 0,
      sums: new Float64Array(KEEP),
      vvs: new Int32Array(KEEP * S),
      seen: new Snaps(KEEP, this.names.group, this.names.write),
    });
    let sum = 0;
    for (const x of vv) sum += x;
    let i = 0;
    while (i < c.count && c.sums[i] < sum) i++;
    const same = i < c.count && c.sums[i] === sum;
    let clash = -1;
    if (i > 0 && !covers(vv, c.vvs, (i - 1) * S)) clash = i - 1;
    else if (i < c.count && !(same ? equal(vv, c.vvs, i * S) : coveredBy(vv, c.vvs, i * S))) clash = i;
    if (clash >= 0) {
      if (fallback) this.fallbackViolations++;
      else this.violations++;
      this.witnesses.add(() => {
        const a = c.seen.op(clash)!;
        const b = historyOpOf(op);
        return {
          explanation:
            `${describeOp(a)} and ${describeOp(b)} saw concurrent writes each without the other: ` +
            `no single write order has both as prefixes`,
          ops: [a, b],
        };
      });
      return;
    }
    // What a fallback read saw is judged, but does not become part of the order normal reads are held to.
    if (same || fallback) return;
    if (c.count === KEEP) {
      // Drop the smallest version seen.
      c.sums.copyWithin(0, 1);
      c.vvs.copyWithin(0, S);
      for (let k = 0; k < KEEP - 1; k++) c.seen.copy(k, c.seen, k + 1);
      c.count--;
      i--;
      if (i < 0) return;
    }
    for (let k = c.count; k > i; k--) {
      c.sums[k] = c.sums[k - 1];
      c.vvs.copyWithin(k * S, (k - 1) * S, k * S);
      c.seen.copy(k, c.seen, k - 1);
    }
    c.sums[i] = sum;
    for (let o = 0; o < S; o++) c.vvs[i * S + o] = vv[o];
    c.seen.put(i, op);
    c.count++;
  }
}

/** vv ⊇ the version at `at`. */
function covers(vv: VV, v: Int32Array, at: number): boolean {
  for (let o = 0; o < vv.length; o++) if (vv[o] < v[at + o]) return false;
  return true;
}

/** vv ⊆ the version at `at`. */
function coveredBy(vv: VV, v: Int32Array, at: number): boolean {
  for (let o = 0; o < vv.length; o++) if (vv[o] > v[at + o]) return false;
  return true;
}

function equal(vv: VV, v: Int32Array, at: number): boolean {
  for (let o = 0; o < vv.length; o++) if (vv[o] !== v[at + o]) return false;
  return true;
}
