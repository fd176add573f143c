// Whole operations to the streaming monitor: each becomes an invocation and a completion event, fed in time order
// (invocations first at equal times, so operations that touch stay concurrent).
import { Monitor } from './monitor';
import type { CheckResult, HistOp, ModelKind, VerifyOptions } from './types';

/** Feeds whole operations to a monitor as time-ordered events (invocations first at equal times) and finishes. */
export function monitorHistory(ops: readonly HistOp[], model: ModelKind, options?: VerifyOptions): CheckResult {
  const m = new Monitor(model, options);
  feed(m, ops);
  return m.finish();
}

/** Feeds whole operations to anything with invoke/complete, as time-ordered events. */
export function feed(m: { invoke(op: HistOp): void; complete(op: HistOp): void }, ops: readonly HistOp[]): void {
  const ev = new Int32Array(2 * ops.length);
  for (let e = 0; e < ev.length; e++) ev[e] = e;
  const t = (e: number) => (e & 1 ? ops[e >> 1].complete : ops[e >> 1].invoke);
  ev.sort((a, b) => (t(a) < t(b) ? -1 : t(a) > t(b) ? 1 : (a & 1) - (b & 1) || ops[a >> 1].id - ops[b >> 1].id));
  for (const e of ev) {
    if (e & 1) m.complete(ops[e >> 1]);
    else m.invoke(ops[e >> 1]);
  }
}
