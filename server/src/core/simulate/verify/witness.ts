// Minimal witnesses: delta debugging (Zeller's ddmin) over a failing problem's operations, where leaving an
// operation out frees it (a read is dropped; a write or increment may take effect at any time, or never) rather
// than deleting it — so a stale read keeps the writes that make it stale instead of shrinking to "a read of a
// value never written". The result is 1-minimal unless the effort cap (searches per witness) runs out.
import { FAIL, OK, Search } from './search';
import { check, type Problem } from './problem';
import { RADIX, SLOTS, WILD, countAdds, pendingOf } from './model';
import { explain, type ExplainContext } from './explain';
import {
  boundsOf,
  type Bounds,
  type ModelKind,
  type Verdict,
  type VerifyOptions,
  type Witness,
  type WitnessStart,
} from './types';

/**
 * ddmin over n operations: the kept set (one on which `fails` holds, given it holds on all) and whether it is
 * 1-minimal (false if more than `maxChecks` tests were needed).
 */
export function ddmin(
  n: number,
  fails: (keep: Uint8Array) => boolean,
  maxChecks: number,
): { keep: Uint8Array; minimal: boolean } {
  const keep = new Uint8Array(n);
  let checks = 0;
  let capped = false;
  const test = (set: readonly number[]): boolean => {
    if (checks >= maxChecks) {
      capped = true;
      return false;
    }
    checks++;
    keep.fill(0);
    for (const i of set) keep[i] = 1;
    return fails(keep);
  };
  let c = Array.from({ length: n }, (_, i) => i);
  let gran = 2;
  while (c.length >= 2) {
    const chunks = split(c, gran);
    let next: number[] | null = null;
    for (const d of chunks)
      if (test(d)) {
        next = d;
        gran = 2;
        break;
      }
    if (!next && gran > 2)
      for (const d of chunks) {
        const rest = c.filter((i) => !d.includes(i));
        if (test(rest)) {
          next = rest;
          gran = Math.max(gran - 1, 2);
          break;
        }
      }
    if (next) c = next;
    else if (gran >= c.length || capped) break;
    else gran = Math.min(c.length, gran * 2);
  }
  keep.fill(0);
  for (const i of c) keep[i] = 1;
  return { keep, minimal: !capped };
}

/** ddmin over a failing linearizability problem's operations. */
export function minimise(search: Search, p: Problem, b: Bounds): { keep: Uint8Array; minimal: boolean } {
  const npin = p.npin ?? 0;
  const full = new Uint8Array(p.ops.length).fill(1, 0, npin);
  const fails = (keep: Uint8Array) => {
    full.set(keep, npin);
    return check(search, p, full, b.budget, b.maxMemoWords) === FAIL;
  };
  const { keep, minimal } = ddmin(p.ops.length - npin, fails, b.witnessChecks);
  full.set(keep, npin);
  return { keep: full, minimal };
}

function split(c: number[], parts: number): number[][] {
  const out: number[][] = [];
  for (let k = 0, at = 0; k < parts; k++) {
    const end = Math.round(((k + 1) * c.length) / parts);
    if (end > at) out.push(c.slice(at, end));
    at = end;
  }
  return out;
}

/** The witness of the kept operations: start states, what is pending (freed or carried), and its explanation. */
export function witnessOf(
  p: Problem,
  keep: Uint8Array,
  minimal: boolean,
  ctx: ExplainContext,
  sequential = false,
): Witness {
  const npin = p.npin ?? 0;
  const ops = p.ops.filter((_, i) => keep[i] && i >= npin);
  const context = p.ops.slice(0, npin);
  const start = p.startV.map((v, k) => startOf(v, p.startAux[k], p, k));
  const pending: [number, number][] = [];
  if (p.model === 'register') {
    const all = [...context, ...ops];
    const read = new Set(all.filter((o) => o.f === 'read').map((o) => o.value as number));
    const written = new Set(all.filter((o) => o.f === 'write').map((o) => o.value as number));
    const freed = new Set(p.ops.filter((o, i) => !keep[i] && o.f === 'write').map((o) => o.value as number));
    for (const v of read) if (!written.has(v) && (freed.has(v) || p.ghosts || p.free?.has(v))) pending.push([v, 1]);
  } else {
    pending.push(
      ...countAdds(
        p.ops.filter((_, i) => !keep[i]),
        new Map(p.freeInc ?? []),
      ),
    );
  }
  pending.sort((a, b) => a[0] - b[0]);
  const { pattern, explanation } = explain(p.model, ops, start, pending, ctx, sequential);
  const w: Witness = { key: p.key, pattern, explanation, ops, start, pending, minimal };
  if (npin > 0) w.context = context;
  if (p.cut !== undefined && p.cut !== Infinity) w.until = p.cut;
  return w;
}

function startOf(v: number, aux: number, p: Problem, k: number): WitnessStart {
  const s: WitnessStart = { value: aux >= WILD ? 'any' : v };
  if (p.model === 'counter') {
    s.pending = p.inc.map((d, j): [number, number] => [d, pendingOf(aux, j)]).filter(([, n]) => n > 0);
  }
  const mask = p.startMask?.[k] ?? 0;
  if (p.npin)
    s.applied = p.ops
      .slice(0, p.npin)
      .filter((_, i) => mask & (1 << i))
      .map((o) => o.id);
  return s;
}

/** Finds, minimises and explains the witness of a failing problem. */
export function findWitness(search: Search, p: Problem, b: Bounds, ctx: ExplainContext): Witness {
  const { keep, minimal } = minimise(search, p, b);
  return witnessOf(p, keep, minimal, ctx);
}

const searches = { register: new Search('register'), counter: new Search('counter') };

/**
 * Checks a witness on its own: 'violated' if no order of its operations explains the values read (from its start
 * states, with its pending writes or increments free). With `free`, the operation at that index is freed first
 * (dropped if a read, pending if a write or increment): for a 1-minimal witness every such check is 'ok'.
 */
export function checkWitness(w: Witness, model: ModelKind, free?: number, options?: VerifyOptions): Verdict {
  const b = boundsOf(options);
  const inc: number[] = [];
  const startV: number[] = [];
  const startAux: number[] = [];
  for (const s of w.start) {
    let aux = s.value === 'any' ? WILD : 0;
    for (const [d, n] of s.pending ?? []) {
      let k = inc.indexOf(d);
      if (k < 0) k = inc.push(d) - 1;
      aux += n * RADIX ** k;
    }
    if (inc.length > SLOTS) return 'unknown';
    startV.push(s.value === 'any' ? 0 : s.value);
    startAux.push(aux);
  }
  const context = w.context ?? [];
  const startMask = w.start.map((s) => context.reduce((m, o, i) => (s.applied?.includes(o.id) ? m | (1 << i) : m), 0));
  const p: Problem = {
    key: w.key,
    model,
    ops: [...context, ...w.ops],
    startV,
    startAux,
    inc,
    ghosts: false,
    free: model === 'register' ? new Set(w.pending.map(([v]) => v)) : null,
    freeInc: model === 'counter' ? new Map(w.pending) : null,
    npin: context.length,
    startMask,
    cut: w.until ?? Infinity,
  };
  const keep = new Uint8Array(p.ops.length).fill(1);
  if (free !== undefined) keep[context.length + free] = 0;
  const r = check(searches[model], p, keep, b.budget, b.maxMemoWords);
  return r === OK ? 'ok' : r === FAIL ? 'violated' : 'unknown';
}
