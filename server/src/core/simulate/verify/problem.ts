// One key's check problem: its operations, the possible start states, and what may take effect at any time or
// never (indeterminate writes carried from earlier windows; operations freed by the witness minimisation).
// `load` puts a subset of it into a Search. Register values are unique per key, so a write matters only if its
// value is read: an indeterminate write whose value no read returns is left out (dropping it removes nothing a
// read could see; any order with it stays valid without it), and a read's value not written by a kept operation
// is explained only by a free write of that value (one, since values are unique).
import type { HistOp, ModelKind } from './types';
import { ADD, MAX_PENDING, READ, WRITE, addPending, pendingOf } from './model';
import { UNKNOWN, type Search } from './search';

/** What one check of one key (a window, a whole key, a witness) searches. */
export interface Problem {
  key: string;
  model: ModelKind;
  /** The operations that can matter (ok reads; ok and indeterminate writes or adds), in id order. */
  ops: HistOp[];
  /** Start states: value and aux (see model.ts); counter pending counts are per slot of `inc`. */
  startV: number[];
  startAux: number[];
  inc: number[];
  /** Register: values of writes that may take effect at any time, or never. */
  free: { has(v: number): boolean } | null;
  /** Register: any value no write explains may be an evicted indeterminate write (a weaker check). */
  ghosts: boolean;
  /** Counter: increments that may be applied at any time, or never, beyond the start's pending ones. */
  freeInc: Map<number, number> | null;
  /**
   * The first `npin` operations were in flight at the window's start (definite, always kept); `startMask[s]` says
   * which of them start state s had already lifted (bit i for operation i).
   */
  npin?: number;
  startMask?: number[] | null;
  /** The window's cut: a definite operation completing at or after it need not be lifted (it may come later). */
  cut?: number;
}

/** The operations of a window that can matter to the models (fail and indeterminate reads constrain nothing). */
export function relevant(op: HistOp): boolean {
  return op.type === 'ok' || (op.type === 'info' && op.f !== 'read');
}

const reads = new Set<number>();
const written = new Set<number>();
const freed = new Set<number>();
const freedInc = new Map<number, number>();
/** Start states of the last load, and the operation behind each search index (null: a free write). */
export const startV: number[] = [];
export const startAux: number[] = [];
export const loaded: (HistOp | null)[] = [];

/** Entries of `loaded` set by the load under way. */
let nLoaded = 0;

function put(search: Search, op: HistOp, kind: number): void {
  loaded[nLoaded++] = op;
  search.add(kind, op.value as number, op.invoke, op.complete, op.type === 'info');
}

function putFree(search: Search, v: number): void {
  loaded[nLoaded++] = null;
  search.add(WRITE, v, -Infinity, Infinity, true);
}

/**
 * Loads the kept operations (all when `keep` is null; pinned ones must be kept) into the search, pinned ones first
 * so they keep their indices; the others are freed: a freed read is dropped, a freed write or increment may take
 * effect at any time, or never. False if the counter's pending increments do not fit the slots (more than 3 sizes
 * or 65535 of one).
 */
export function load(search: Search, p: Problem, keep: Uint8Array | null): boolean {
  search.reset();
  const m = search.model;
  m.setSlots(p.inc);
  // The scratch arrays are overwritten and cut to size, never emptied: `length = 0` drops an array's storage,
  // and every load then grew it again (the largest part of the monitor's garbage).
  const n = p.startV.length;
  for (let s = 0; s < n; s++) {
    startV[s] = p.startV[s];
    startAux[s] = p.startAux[s];
  }
  startV.length = n;
  startAux.length = n;
  nLoaded = 0;
  const fits = p.model === 'register' ? loadRegister(search, p, keep) : loadCounter(search, p, keep);
  loaded.length = nLoaded;
  const cut = p.cut ?? Infinity;
  if (cut === Infinity) return fits;
  for (let i = 0; i < search.n; i++) if (!search.info[i] && search.ret[i] >= cut) search.must[i] = 0;
  return fits;
}

/** Is there an operation before `end` doing f with value v, kept (or, with kept false, freed)? */
function any(
  ops: HistOp[],
  keep: Uint8Array | null,
  f: 'read' | 'write',
  v: number,
  kept: boolean,
  end: number,
): boolean {
  for (let j = 0; j < end; j++) {
    if (ops[j].f === f && ops[j].value === v && (keep === null || keep[j] === 1) === kept) return true;
  }
  return false;
}

/** Small windows (the common case) without sets: quadratic scans over a few operations. */
function loadSmall(search: Search, p: Problem, keep: Uint8Array | null): void {
  const ops = p.ops;
  const n = ops.length;
  for (let i = 0; i < n; i++) {
    if (keep && !keep[i]) continue;
    const op = ops[i];
    const v = op.value as number;
    if (op.f === 'read') put(search, op, READ);
    else if (op.type === 'ok' || any(ops, keep, 'read', v, true, n)) put(search, op, WRITE);
  }
  for (let i = 0; i < n; i++) {
    const op = ops[i];
    const v = op.value as number;
    // The first kept read of v, which no kept write explains (a kept indeterminate write of v is loaded).
    if (op.f !== 'read' || (keep && !keep[i]) || any(ops, keep, 'read', v, true, i)) continue;
    if (any(ops, keep, 'write', v, true, n)) continue;
    if (any(ops, keep, 'write', v, false, n) || p.ghosts || (p.free !== null && p.free.has(v))) putFree(search, v);
  }
}

function loadRegister(search: Search, p: Problem, keep: Uint8Array | null): boolean {
  if (p.ops.length <= 16) {
    loadSmall(search, p, keep);
    return true;
  }
  reads.clear();
  written.clear();
  freed.clear();
  const ops = p.ops;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    if (keep && !keep[i]) {
      if (op.f === 'write') freed.add(op.value as number);
    } else if (op.f === 'read') reads.add(op.value as number);
  }
  for (let i = 0; i < ops.length; i++) {
    if (keep && !keep[i]) continue;
    const op = ops[i];
    const v = op.value as number;
    if (op.f === 'read') put(search, op, READ);
    else if (op.type === 'ok' || reads.has(v)) {
      put(search, op, WRITE);
      written.add(v);
    }
  }
  for (const v of reads) {
    if (written.has(v)) continue;
    if (freed.has(v) || p.ghosts || (p.free !== null && p.free.has(v))) putFree(search, v);
  }
  return true;
}

function loadCounter(search: Search, p: Problem, keep: Uint8Array | null): boolean {
  freedInc.clear();
  if (p.freeInc) for (const [d, n] of p.freeInc) freedInc.set(d, n);
  const ops = p.ops;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    const v = op.value as number;
    if (keep && !keep[i]) {
      if (op.f === 'add') freedInc.set(v, (freedInc.get(v) ?? 0) + 1);
    } else put(search, op, op.f === 'read' ? READ : ADD);
  }
  const m = search.model;
  for (const [d, n] of freedInc) {
    const s = m.slotOf(d);
    if (s < 0) return false;
    for (let k = 0; k < startAux.length; k++) {
      if (pendingOf(startAux[k], s) + n > MAX_PENDING) return false;
      startAux[k] = addPending(startAux[k], s, n);
    }
  }
  return true;
}

/** Loads and runs a search in first mode: OK, FAIL or UNKNOWN (see search.ts). */
export function check(search: Search, p: Problem, keep: Uint8Array | null, budget: number, maxMemo: number): number {
  if (!load(search, p, keep)) {
    search.reason = 'info';
    return UNKNOWN;
  }
  return search.run(startV, startAux, p.startMask ?? null, p.npin ?? 0, false, budget, maxMemo);
}
