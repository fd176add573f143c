// Compact records of completed operations, kept by the checkers for witnesses: typed arrays instead of the
// operations themselves, so thousands of them stay cheap and keep nothing else alive.
import type { Op } from '../ops';
import type { HistoryOp } from '../record';

export class Snaps {
  private process: Int32Array;
  private key: Int32Array;
  private region: Int32Array;
  private invoke: Float64Array;
  private complete: Float64Array;
  private value: Float64Array;
  /** 0: empty; bit 1: set; bit 2: a read; bit 4: answered by the fallback. */
  private flags: Uint8Array;

  constructor(
    n: number,
    /** The data type's name, and what its writes are called in the history. */
    private group: string,
    private write: 'write' | 'add',
  ) {
    this.process = new Int32Array(n);
    this.key = new Int32Array(n);
    this.region = new Int32Array(n);
    this.invoke = new Float64Array(n);
    this.complete = new Float64Array(n);
    this.value = new Float64Array(n);
    this.flags = new Uint8Array(n);
  }

  /** Records op at i (or empties i). */
  put(i: number, op: Op | undefined): void {
    if (!op) {
      this.flags[i] = 0;
      return;
    }
    this.process[i] = op.process;
    this.key[i] = op.key;
    this.region[i] = op.region;
    this.invoke[i] = op.invokeNs;
    this.complete[i] = op.completeNs;
    const v = op.read ? op.result : op.value;
    this.value[i] = v === null ? NaN : v;
    this.flags[i] = 1 | (op.read ? 2 : 0) | (op.fallback ? 4 : 0);
  }

  /** Copies entry j of `from` (the same data type's) to i. */
  copy(i: number, from: Snaps, j: number): void {
    this.process[i] = from.process[j];
    this.key[i] = from.key[j];
    this.region[i] = from.region[j];
    this.invoke[i] = from.invoke[j];
    this.complete[i] = from.complete[j];
    this.value[i] = from.value[j];
    this.flags[i] = from.flags[j];
  }

  has(i: number): boolean {
    return this.flags[i] !== 0;
  }

  /** Entry i as the history shows it (undefined when empty). */
  op(i: number): HistoryOp | undefined {
    const f = this.flags[i];
    if (!f) return undefined;
    const v = this.value[i];
    return {
      id: -1, process: this.process[i], key: `${this.group}/${this.key[i]}`, f: f & 2 ? 'read' : this.write,
      value: Number.isNaN(v) ? null : v, invoke: this.invoke[i] / 1e6, complete: this.complete[i] / 1e6, type: 'ok',
      region: this.region[i], fallback: (f & 4) !== 0,
    };
  }
}
