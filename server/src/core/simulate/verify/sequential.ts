// Sequential consistency per key: is there one total order of the key's operations that keeps each process's own
// order and that the model accepts? Unlike linearizability it ignores real time, so a history cannot be cut at
// quiescent points: each key is checked whole, up to `maxOpsPerKey` operations. A longer key is checked on its
// first `maxOpsPerKey` operations (each process's first ones, so a prefix of every process's order), its later
// writes and increments free to take effect at any time or never (reads there may have seen them): a violation
// there is one of the whole key, anything else leaves the key unknown (counted under `cap`).
import { FAIL, OK, Search, UNKNOWN } from './search';
import { ScSearch } from './sc-search';
import { check, relevant, type Problem } from './problem';
import { ddmin, witnessOf } from './witness';
import { byKey, keyBudget } from './linearizable';
import { Tally } from './tally';
import { ADD, MAX_PENDING, READ, WRITE, addPending, countAdds, pendingOf } from './model';
import { boundsOf, type Bounds, type CheckResult, type HistOp, type ModelKind, type VerifyOptions } from './types';

/** Sequential consistency of a register or counter history, per key. */
export function checkSequential(ops: readonly HistOp[], model: ModelKind, options?: VerifyOptions): CheckResult {
  const b = boundsOf(options);
  const t = new Tally();
  t.ops = ops.length;
  const keys = byKey(ops);
  const search = new ScSearch(model);
  const lin = new Search(model);
  for (const [key, kops] of keys) {
    t.windows++;
    const rel = kops.filter(relevant);
    const capped = rel.length > b.maxOpsPerKey;
    const core = capped ? rel.slice(0, b.maxOpsPerKey) : rel;
    const rest = capped ? rel.slice(b.maxOpsPerKey) : [];
    const p: Problem = {
      key,
      model,
      ops: core,
      startV: [0],
      startAux: [0],
      inc: [],
      ghosts: false,
      free: new Set(rest.filter((o) => o.f === 'write').map((o) => o.value as number)),
      freeInc: countAdds(rest),
    };
    const budget = keyBudget(b, core.length);
    const r = linearizable(lin, p, budget, b) ? OK : scCheck(search, p, null, budget, b);
    if (r === FAIL) {
      t.violatingWindows++;
      t.violatingKeys++;
      if (t.witnesses.length < b.maxWitnesses) {
        const fails = (k: Uint8Array) => scCheck(search, p, k, b.budget, b) === FAIL;
        const { keep, minimal } = ddmin(core.length, fails, b.witnessChecks);
        const recent = kops.filter((o) => o.f === 'write');
        t.witnesses.push(witnessOf(p, keep, minimal, { recent, initial: true }, true));
      }
    } else if (capped) t.unknown('cap', kops.length);
    else if (r !== OK) t.unknown(search.reason ?? 'budget', kops.length);
  }
  return t.result('sequential', model, keys.size);
}

/**
 * A linearizable key is sequentially consistent when each process's operations on it are strictly ordered in real
 * time (a linearization then keeps process order): a quick first try for histories that are.
 */
function linearizable(search: Search, p: Problem, budget: number, b: Bounds): boolean {
  const last = new Map<number, HistOp>();
  for (const o of p.ops) {
    const prev = last.get(o.process);
    if (prev && prev.type !== 'info' && !(prev.complete < o.invoke)) return false;
    last.set(o.process, o);
  }
  return check(search, p, null, budget, b.maxMemoWords) === OK;
}

/** Loads the kept operations (the others freed) and searches; OK, FAIL or UNKNOWN. */
function scCheck(search: ScSearch, p: Problem, keep: Uint8Array | null, budget: number, b: Bounds): number {
  const kind: number[] = [];
  const arg: number[] = [];
  const info: boolean[] = [];
  const proc: number[] = [];
  const startAux = p.startAux.slice();
  const m = search.model;
  m.setSlots(p.inc);
  const kept = p.ops.filter((_, i) => !keep || keep[i]);
  const freed = p.ops.filter((_, i) => keep && !keep[i]);
  const put = (k: number, v: number, inf: boolean, process: number) => {
    kind.push(k);
    arg.push(v);
    info.push(inf);
    proc.push(process);
  };
  if (p.model === 'register') {
    const reads = new Set(kept.filter((o) => o.f === 'read').map((o) => o.value as number));
    const written = new Set<number>();
    for (const o of kept) {
      const v = o.value as number;
      if (o.f === 'read') put(READ, v, false, o.process);
      else if (o.type === 'ok' || reads.has(v)) {
        put(WRITE, v, o.type === 'info', o.process);
        written.add(v);
      }
    }
    const free = new Set(freed.filter((o) => o.f === 'write').map((o) => o.value as number));
    for (const v of reads) if (!written.has(v) && (free.has(v) || p.free?.has(v))) put(WRITE, v, true, -1);
  } else {
    const counts = countAdds(freed, new Map(p.freeInc ?? []));
    for (const o of kept) put(o.f === 'read' ? READ : ADD, o.value as number, o.type === 'info', o.process);
    for (const [d, n] of counts) {
      const s = m.slotOf(d);
      if (s < 0 || startAux.some((a) => pendingOf(a, s) + n > MAX_PENDING)) {
        search.reason = 'info';
        return UNKNOWN;
      }
      for (let k = 0; k < startAux.length; k++) startAux[k] = addPending(startAux[k], s, n);
    }
  }
  search.load(kind, arg, info, proc);
  return search.run(p.startV, startAux, budget, b.maxMemoWords);
}
