// The whole-history linearizability check, as Porcupine and Knossos do it: per key (P-compositionality), one
// Wing & Gong search with Lowe's memo over all of the key's operations, from the initial state 0, within a step
// budget (past it the key is unknown). For a violating key the witness comes from the streaming monitor run over
// that key alone (its first violating window, minimised), or else from minimising the whole key.
import { FAIL, OK, Search } from './search';
import { check, relevant, type Problem } from './problem';
import { findWitness } from './witness';
import { Monitor } from './monitor';
import { feed } from './feed';
import { Tally } from './tally';
import {
  boundsOf,
  type Bounds,
  type CheckKind,
  type CheckResult,
  type HistOp,
  type ModelKind,
  type VerifyOptions,
  type Witness,
} from './types';

/** The operations of each key, in id order, keys in order of their first operation. */
export function byKey(ops: readonly HistOp[]): Map<string, HistOp[]> {
  const sorted = ops.slice().sort((a, b) => a.id - b.id);
  const m = new Map<string, HistOp[]>();
  for (const op of sorted) {
    const l = m.get(op.key);
    if (l) l.push(op);
    else m.set(op.key, [op]);
  }
  return m;
}

/** Whole-history linearizability of a register or counter history, per key. */
export function checkLinearizable(ops: readonly HistOp[], model: ModelKind, options?: VerifyOptions): CheckResult {
  const t = new Tally();
  t.ops = ops.length;
  const keys = byKey(ops);
  checkKeys(keys, model, boundsOf(options), t);
  return t.result('linearizable', model, keys.size);
}

/** Checks each key whole into the tally; witnesses get `region` when given. */
export function checkKeys(
  keys: Map<string, HistOp[]>,
  model: ModelKind,
  b: Bounds,
  t: Tally,
  region?: number,
  check_: CheckKind = 'linearizable',
): void {
  const search = new Search(model);
  for (const [key, kops] of keys) {
    t.windows++;
    const p: Problem = {
      key,
      model,
      ops: kops.filter(relevant),
      startV: [0],
      startAux: [0],
      inc: [],
      free: null,
      ghosts: false,
      freeInc: null,
    };
    const r = check(search, p, null, keyBudget(b, kops.length), b.maxMemoWords);
    if (r === OK) continue;
    if (r !== FAIL) {
      t.unknown(search.reason ?? 'budget', kops.length);
      continue;
    }
    t.violatingWindows++;
    t.violatingKeys++;
    if (t.witnesses.length >= b.maxWitnesses) continue;
    const recent = kops.filter((o) => o.f === 'write');
    const w = locate(kops, model, b, check_) ?? findWitness(search, p, b, { recent, initial: true });
    if (region !== undefined) w.region = region;
    t.witnesses.push(w);
  }
}

/** A whole key's budget: a window's per `maxWindowOps` operations, at least one window's. */
export function keyBudget(b: Bounds, ops: number): number {
  return b.budget * Math.max(1, ops / b.maxWindowOps);
}

/** The first witness the streaming monitor finds in one key's history (null if it finds none). */
function locate(kops: HistOp[], model: ModelKind, b: Bounds, check_: CheckKind): Witness | null {
  const m = new Monitor(model, { ...b, maxWitnesses: 1 }, check_);
  feed(m, kops);
  return m.finish().witnesses[0] ?? null;
}
