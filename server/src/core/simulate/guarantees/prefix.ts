// Consistent prefix, per key: every read sees a prefix of one write order, so the versions reads return
// must all be comparable (a chain under inclusion). Two reads that saw concurrent writes each without the
// other saw prefixes of two different orders. Kept per key: the last `KEEP` distinct versions of the chain,
// in order; a read is checked against its neighbours there (exact within them).
import type { HistoryOp } from '../record';
import { includes, type VV } from '../state';
import { describeOp, Witnesses } from './witness';

const KEEP = 64;

interface Seen {
  vv: VV;
  sum: number;
  op: HistoryOp;
}

export class Prefix {
  private chains: Seen[][];
  violations = 0;
  fallbackViolations = 0;
  readonly witnesses = new Witnesses();

  constructor(keys: number) {
    this.chains = Array.from({ length: keys }, () => []);
  }

  read(key: number, vv: VV, op: HistoryOp, fallback: boolean): void {
    const chain = this.chains[key];
    let sum = 0;
    for (const x of vv) sum += x;
    let i = 0;
    while (i < chain.length && chain[i].sum < sum) i++;
    const below = i > 0 ? chain[i - 1] : undefined;
    const above = chain[i];
    const same = above && above.sum === sum;
    let clash: Seen | undefined;
    if (below && !includes(vv, below.vv)) clash = below;
    else if (above && !(same ? equal(vv, above.vv) : includes(above.vv, vv))) clash = above;
    if (clash) {
      if (fallback) this.fallbackViolations++;
      else this.violations++;
      const c = clash;
      this.witnesses.add(() => ({ explanation: `${describeOp(c.op)} and ${describeOp(op)} saw concurrent writes each without the other: no single write order has both as prefixes`, ops: [c.op, op] }));
      return;
    }
    // What a fallback read saw is judged, but does not become part of the order normal reads are held to.
    if (same || fallback) return;
    chain.splice(i, 0, { vv: vv.slice(), sum, op });
    if (chain.length > KEEP) chain.shift();
  }
}

function equal(a: VV, b: VV): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
