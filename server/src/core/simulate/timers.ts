// Operation timers that all fire a fixed delay after they are armed (deadlines at arrival + timeout,
// fallback attempts at arrival + half of it): armed in time order, so a FIFO replaces the heap. The FIFO is a
// ring that doubles when full (bounded by the operations in flight): no array is copied or grown per timer.
import type { Op } from './ops';

export class TimerQueue {
  private ops: (Op | null)[] = slots(64);
  private at = new Float64Array(64);
  /** Ring positions: the next timer, and how many are armed. */
  private head = 0;
  private n = 0;

  constructor(readonly delayMs: number) {}

  arm(op: Op, now: number): void {
    if (this.n === this.at.length) this.grow();
    const i = (this.head + this.n++) & (this.at.length - 1);
    this.ops[i] = op;
    this.at[i] = now + this.delayMs;
  }

  /** When the next timer that still matters fires (Infinity when none): timers of finished operations are dropped. */
  peek(): number {
    while (this.n > 0 && this.ops[this.head]!.done) this.pop();
    return this.n > 0 ? this.at[this.head] : Infinity;
  }

  /** Removes and returns the next timer's operation. */
  pop(): Op {
    const op = this.ops[this.head]!;
    this.ops[this.head] = null;
    this.head = (this.head + 1) & (this.at.length - 1);
    this.n--;
    return op;
  }

  /** Doubles the ring, its timers moved to the front in order. */
  private grow(): void {
    const size = this.at.length;
    const ops = slots(size * 2);
    const at = new Float64Array(size * 2);
    for (let k = 0; k < this.n; k++) {
      const i = (this.head + k) & (size - 1);
      ops[k] = this.ops[i];
      at[k] = this.at[i];
    }
    this.ops = ops;
    this.at = at;
    this.head = 0;
  }
}

/** n empty slots as a packed array (`new Array(n)` would be holey: a hole check on every read). */
function slots(n: number): (Op | null)[] {
  const out: (Op | null)[] = [];
  for (let i = 0; i < n; i++) out.push(null); // (`Array.from({ length })` iterates generically: slow per run)
  return out;
}
