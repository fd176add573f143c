// Compact records of completed operations, kept by the checkers for witnesses: one typed array of numbers
// instead of the operations themselves, so thousands of them stay cheap and keep nothing else alive.
import type { Op } from '../ops';
import type { HistoryOp } from '../record';

/** Fields per record: process, key, region, invocation (ns), completion (ns), value (NaN: none), flags. */
const F = 7;

export class Snaps {
  private d: Float64Array;

  constructor(
    n: number,
    /** The data type's name, and what its writes are called in the history. */
    private group: string,
    private write: 'write' | 'add',
  ) {
    this.d = new Float64Array(n * F);
  }

  /** Room for n records, those held kept. */
  grow(n: number): void {
    const d = new Float64Array(n * F);
    d.set(this.d);
    this.d = d;
  }

  /** Records op at i (or empties i). Flags: 0 empty; 1 set; 2 a read; 4 answered by the fallback. */
  put(i: number, op: Op | undefined): void {
    const d = this.d;
    const at = i * F;
    if (!op) {
      d[at + 6] = 0;
      return;
    }
    d[at] = op.process;
    d[at + 1] = op.key;
    d[at + 2] = op.region;
    d[at + 3] = op.invokeNs;
    d[at + 4] = op.completeNs;
    const v = op.read ? op.result : op.value;
    d[at + 5] = v === null ? NaN : v;
    d[at + 6] = 1 | (op.read ? 2 : 0) | (op.fallback ? 4 : 0);
  }

  /** Copies entry j of `from` (the same data type's) to i. */
  copy(i: number, from: Snaps, j: number): void {
    // Field by field: a subarray view per copy would allocate on the hot path.
    const d = this.d;
    const s = from.d;
    for (let k = 0; k < F; k++) d[i * F + k] = s[j * F + k];
  }

  has(i: number): boolean {
    return this.d[i * F + 6] !== 0;
  }

  /** Entry i as the history shows it (undefined when empty). */
  op(i: number): HistoryOp | undefined {
    const d = this.d;
    const at = i * F;
    const f = d[at + 6];
    if (!f) return undefined;
    const v = d[at + 5];
    return {
      id: -1,
      process: d[at],
      key: `${this.group}/${d[at + 1]}`,
      f: f & 2 ? 'read' : this.write,
      value: Number.isNaN(v) ? null : v,
      invoke: d[at + 3] / 1e6,
      complete: d[at + 4] / 1e6,
      type: 'ok',
      region: d[at + 2],
      fallback: (f & 4) !== 0,
    };
  }
}
