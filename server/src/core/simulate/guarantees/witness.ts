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

/** `read of cart/3 by p7 at 120.4–121.0 ms returned 158` */
export function describeOp(h: HistoryOp): string {
  const what =
    h.f === 'read' ? `read of ${h.key}` : h.f === 'add' ? `add to ${h.key}` : `write of ${h.value} to ${h.key}`;
  const got = h.f === 'read' ? ` returned ${h.value}` : '';
  return `${what} by p${h.process} at ${t(h.invoke)}–${t(h.complete)}${got}${h.fallback ? ' (fallback)' : ''}`;
}

export { t as formatMs };
