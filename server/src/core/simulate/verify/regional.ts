// Regional linearizability (the language's `regional` level: linearizable among clients of the same region,
// asynchronous across regions). Definition checked here: for each region R, the history made of R's operations
// plus every other region's write or increment that did not fail — each of those taking effect once at any time
// after its invocation, or not yet (exactly like an indeterminate operation) — is linearizable per key. So R's
// clients must agree with real time among themselves; what they see of other regions only has to have been
// invoked already, in any order (asynchronous replication promises no order across regions). Operations without a
// region are region 0. Whole-history (checkRegional) and streaming (RegionalMonitor, one monitor per region fed
// every write, so a window of R cannot close while another region's write on the key is in flight).
import { Monitor } from './monitor';
import { byKey, checkKeys } from './linearizable';
import { Tally, merge } from './tally';
import { boundsOf, type CheckResult, type HistOp, type Invocation, type ModelKind, type VerifyOptions } from './types';

const regionOf = (op: { region?: number }): number => op.region ?? 0;

/** Region R's view: its own operations, and other regions' effective writes as indeterminate. */
export function regionView(ops: readonly HistOp[], region: number): HistOp[] {
  const out: HistOp[] = [];
  for (const op of ops) {
    if (regionOf(op) === region) out.push(op);
    else if (op.f !== 'read' && op.type !== 'fail') out.push(op.type === 'info' ? op : { ...op, type: 'info' });
  }
  return out;
}

/** Whole-history regional linearizability, per region and key (keys a region never touches are skipped). */
export function checkRegional(ops: readonly HistOp[], model: ModelKind, options?: VerifyOptions): CheckResult {
  const b = boundsOf(options);
  const t = new Tally();
  t.ops = ops.length;
  const regions = [...new Set(ops.map(regionOf))].sort((x, y) => x - y);
  for (const region of regions) {
    const keys = byKey(regionView(ops, region));
    for (const [key, kops] of keys) if (!kops.some((o) => regionOf(o) === region)) keys.delete(key);
    checkKeys(keys, model, b, t, region, 'regional');
  }
  return t.result('regional', model, new Set(ops.map((o) => o.key)).size);
}

/** Streaming regional check: one monitor per region (the regions are given up front). */
export class RegionalMonitor {
  /** The regions, in order, and each one's monitor (parallel arrays: the loops below run per operation). */
  private readonly regions: number[];
  private readonly monitors: Monitor[];
  private readonly keys = new Set<string>();
  private ops = 0;
  private readonly maxWitnesses: number;

  constructor(
    readonly model: ModelKind,
    regions: readonly number[],
    options?: VerifyOptions,
  ) {
    this.regions = [...regions].sort((x, y) => x - y);
    this.monitors = this.regions.map((r) => new Monitor(model, options, 'regional', r));
    this.maxWitnesses = boundsOf(options).maxWitnesses;
  }

  /** An operation is invoked: its region's monitor sees it; every monitor sees a write or increment. */
  invoke(inv: Invocation): void {
    const own = regionOf(inv);
    for (let i = 0; i < this.monitors.length; i++) {
      if (this.regions[i] === own || inv.f !== 'read') this.monitors[i].invoke(inv);
    }
  }

  /** An operation completes; other regions see a write or increment that did not fail as indeterminate. */
  complete(op: HistOp): void {
    this.ops++;
    this.keys.add(op.key);
    let foreign: HistOp | null = null;
    const own = regionOf(op);
    for (let i = 0; i < this.monitors.length; i++) {
      const m = this.monitors[i];
      if (this.regions[i] === own) m.complete(op);
      else if (op.f !== 'read') m.complete(op.type === 'ok' ? (foreign ??= { ...op, type: 'info' }) : op);
    }
  }

  /** Closes every window; the regions' results merged (windows and violating keys count per region). */
  finish(): CheckResult {
    const parts = this.monitors.map((m) => m.finish());
    return merge(parts, 'regional', this.model, this.keys.size, this.ops, this.maxWitnesses);
  }
}
