// What a checker shows when it finds an anomaly: the operations that prove it, with a one-line why.
import type { HistoryOp } from '../record';

export interface Witness {
  /** One line naming the operations, their times and processes, and what is wrong. */
  explanation: string;
  ops: HistoryOp[];
}

/** Keeps the first few witnesses of one anomaly (the run's earliest examples). */
export class Witnesses {
  readonly list: Witness[] = [];
  constructor(private max = 3) {}

  get full(): boolean {
    return this.list.length >= this.max;
  }

  add(make: () => Witness): void {
    if (this.list.length < this.max) this.list.push(make());
  }
}

const t = (ms: number) => `${Math.round(ms * 1000) / 1000} ms`;

/** `read by p7 at 120.4–121.0 ms returned 158` */
export function describeOp(op: HistoryOp): string {
  const what = op.f === 'read' ? `read of ${op.key}` : op.f === 'add' ? `add to ${op.key}` : `write of ${op.value} to ${op.key}`;
  const got = op.f === 'read' ? ` returned ${op.value}` : '';
  return `${what} by p${op.process} at ${t(op.invoke)}–${t(op.complete)}${got}${op.fallback ? ' (fallback)' : ''}`;
}

export { t as formatMs };
