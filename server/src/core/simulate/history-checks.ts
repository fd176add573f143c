// The checks judged on the history's values alone, as an outside checker would (verify/): linearizability per
// key for levels with real-time order, regional linearizability for `regional`, sequential consistency for
// `sequential` (a key whose operations the replicas' own write order already certifies is proven in one pass,
// verify/certificate.ts; the search decides the others). Fed as operations are invoked and complete; reads the
// prefer-availability fallback answered are left out (they are judged by the stale-reads row), which never hides a
// violation of the normal path.
import { formatCount } from '../estimate/format';
import type { Group } from './group';
import type { HistoryOp, HistorySink } from './record';
import { newerLog } from './state';
import type { CheckResult } from './results';
import {
  certifies,
  checkSequential,
  Monitor,
  orderByHint,
  RegionalMonitor,
  type CheckResult as Verified,
  type HistOp,
  type ModelKind,
} from './verify/index';

/**
 * Operations per key the sequential check keeps (its own cap, `maxOpsPerKey`, is 1,000); past it the key is
 * unknown.
 */
const SEQUENTIAL_KEEP = 4000;

interface Checking {
  invoke(inv: { key: string; f: HistOp['f']; invoke: number; region?: number }): void;
  complete(op: HistOp): void;
  finish(): Verified;
}

interface Verifier extends HistorySink {
  finish(): Verified;
}

/** Collects each key's operations (up to SEQUENTIAL_KEEP) and checks sequential consistency at the end. */
class SequentialCollector implements Checking {
  private byKey = new Map<string, HistOp[]>();
  private over = new Set<string>();
  private ops = 0;

  constructor(private model: ModelKind) {}

  invoke(): void {}

  complete(op: HistOp): void {
    this.ops++;
    if (this.over.has(op.key)) return;
    const list = this.byKey.get(op.key) ?? [];
    if (list.length >= SEQUENTIAL_KEEP) {
      this.over.add(op.key);
      this.byKey.delete(op.key);
      return;
    }
    list.push(op);
    this.byKey.set(op.key, list);
  }

  /** Keys the replicas' own order certifies first (one pass); the search takes the rest. */
  finish(): Verified {
    const rest: HistOp[] = [];
    let certified = 0;
    for (const ops of this.byKey.values()) {
      const order = orderByHint(ops, (o) => (o as HistoryOp).version, logOrder);
      if (order && certifies(ops, order, this.model)) certified++;
      else rest.push(...ops);
    }
    const r = checkSequential(rest, this.model);
    const verdict = r.verdict === 'violated' ? 'violated' : this.over.size ? 'unknown' : r.verdict;
    const u = { ...r.unknownReasons, cap: r.unknownReasons.cap + this.over.size };
    return {
      ...r,
      verdict,
      ops: this.ops,
      keys: r.keys + certified + this.over.size,
      windows: r.windows + certified,
      unknownReasons: u,
    };
  }
}

/** Two log versions in Raft's order (the later last term, then the longer). */
function logOrder(a: number[], b: number[]): number {
  return newerLog(a, b) ? 1 : newerLog(b, a) ? -1 : 0;
}

/** The verifier a data type's level calls for, or undefined when its level promises none of these. */
export function historyVerifier(g: Group): Verifier | undefined {
  const lv = g.level.guarantees;
  const model: ModelKind = g.counter ? 'counter' : 'register';
  let v: Checking | undefined;
  if (lv.has('real_time')) v = new Monitor(model);
  else if (lv.has('regional_real_time'))
    v = new RegionalMonitor(
      model,
      g.regions.map((_, i) => i),
    );
  else if (lv.has('total_order')) v = new SequentialCollector(model);
  if (!v) return undefined;
  const inner = v;
  // A fallback read completes as failed: the checker drops it.
  return {
    invoke: (op) => inner.invoke(op),
    add: (op: HistoryOp) => inner.complete(op.fallback && op.f === 'read' ? { ...op, type: 'fail' } : op),
    finish: () => inner.finish(),
  };
}

const labels: Record<Verified['check'], [string, string]> = {
  linearizable: ['linearizable', 'linearizable (values, per key)'],
  regional: ['regional-linearizable', 'linearizable within each region'],
  sequential: ['sequential', 'sequentially consistent (per key)'],
};

export function historyChecks(_g: Group, v: HistorySink | undefined): CheckResult[] {
  if (!v) return [];
  const r = (v as Verifier).finish();
  const [check, label] = labels[r.check];
  const u = r.unknownReasons;
  const why = Object.entries(u)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${formatCount(n)} by ${k}`);
  const weak = Object.entries(r.weakReasons)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${formatCount(n)} (${k})`);
  const notes = [
    r.windowsUnknown
      ? `${formatCount(r.windowsUnknown)} windows (${formatCount(r.opsUnknown)} operations) ` +
        `could not be judged: ${why.join(', ')}`
      : '',
    r.windowsWeak ? `${formatCount(r.windowsWeak)} windows judged from a weaker start: ${weak.join(', ')}` : '',
  ].filter(Boolean);
  return [
    {
      check,
      label,
      promised: true,
      verdict: r.verdict,
      violations: r.violatingKeys,
      fallbackViolations: 0,
      checked: `${formatCount(r.ops)} operations, ${formatCount(r.keys)} keys, ${formatCount(r.windows)} windows`,
      ...(notes.length ? { note: notes.join('; ') } : {}),
      witnesses: r.witnesses.map((w) => ({
        explanation: w.explanation,
        ops: w.ops.map((o) => ({ ...o, region: o.region ?? -1, fallback: false })),
      })),
    },
  ];
}
