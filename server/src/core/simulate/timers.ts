// Operation timers that all fire a fixed delay after they are armed (deadlines at arrival + timeout,
// fallback attempts at arrival + half of it): armed in time order, so a FIFO replaces the heap.
import type { Op } from './ops';

export class TimerQueue {
  private ops: (Op | null)[] = [];
  private at: number[] = [];
  private head = 0;

  constructor(readonly delayMs: number) {}

  arm(op: Op, now: number): void {
    this.ops.push(op);
    this.at.push(now + this.delayMs);
  }

  /** When the next timer that still matters fires (Infinity when none): timers of finished operations are dropped. */
  peek(): number {
    while (this.head < this.ops.length && this.ops[this.head]!.done) this.pop();
    return this.head < this.ops.length ? this.at[this.head] : Infinity;
  }

  /** Removes and returns the next timer's operation. */
  pop(): Op {
    const op = this.ops[this.head]!;
    this.ops[this.head++] = null;
    if (this.head >= 4096 && this.head * 2 >= this.ops.length) {
      this.ops = this.ops.slice(this.head);
      this.at = this.at.slice(this.head);
      this.head = 0;
    }
    return op;
  }
}
