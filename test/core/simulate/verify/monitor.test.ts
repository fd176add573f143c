// The streaming monitor: windows at quiescent points, states and indeterminate operations carried across them,
// caps that give up honestly (unknown, counted) and restart from "any state", and memory bounded by the windows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  Monitor,
  monitorHistory,
  checkLinearizable,
  type HistOp,
} from '../../../../server/src/core/simulate/verify/index';
import { add, h, r, w } from './helpers';
import { synth } from './synth';

test('windows close at quiescent points; an operation touching the last completion keeps the window open', () => {
  const res = monitorHistory(h(w(1, 1, 0, 1), r(2, 1, 2, 3), w(1, 2, 3, 4), r(2, 2, 5, 6)), 'register');
  assert.equal(res.verdict, 'ok');
  assert.equal(res.windows, 3); // {w1}, {r, w2} (touching at 3), {r}
});

test('the incremental API fed in time order gives what monitorHistory gives', () => {
  const ops = h(w(1, 1, 0, 2), r(2, 1, 1, 3), w(3, 2, 2.5, 4), r(1, 1, 5, 6));
  const m = new Monitor('register');
  m.invoke(ops[0]);
  m.invoke(ops[1]);
  m.complete(ops[0]);
  m.invoke(ops[2]);
  m.complete(ops[1]);
  m.complete(ops[2]);
  m.invoke(ops[3]);
  m.complete(ops[3]);
  assert.deepEqual(m.finish(), monitorHistory(ops, 'register'));
  assert.equal(m.finish().verdict, 'violated');
});

test('an indeterminate write is carried across windows until a read shows it took effect', () => {
  const base = [w(1, 1, 0, 1, 'info'), r(2, 0, 2, 3), w(2, 2, 4, 5), r(2, 2, 6, 7)];
  assert.equal(monitorHistory(h(...base, r(2, 1, 8, 9), r(2, 1, 10, 11)), 'register').verdict, 'ok');
  // Once seen it has taken effect: overwritten, it cannot come back.
  const res = monitorHistory(h(...base, r(2, 1, 8, 9), w(1, 3, 10, 11), r(2, 1, 12, 13)), 'register');
  assert.equal(res.verdict, 'violated');
  assert.equal(res.witnesses[0].pattern, 'stale-read');
});

test('indeterminate increments are carried as pending counts, applied by any later read or never', () => {
  const base = [add(1, 1, 0, 1, 'info'), add(1, 1, 2, 3, 'info'), add(1, 1, 4, 5), r(2, 1, 6, 7)];
  assert.equal(monitorHistory(h(...base, r(2, 3, 8, 9), r(2, 3, 10, 11)), 'counter').verdict, 'ok');
  assert.equal(monitorHistory(h(...base, r(2, 3, 8, 9), r(2, 2, 10, 11)), 'counter').verdict, 'violated');
  assert.equal(monitorHistory(h(...base, r(2, 4, 8, 9)), 'counter').verdict, 'violated');
});

/** n writes all in flight together, then a stale read in a window of its own. */
function crowd(n: number): HistOp[] {
  const writes = Array.from({ length: n }, (_, i) => w(i, i + 1, 0, 10));
  return h(...writes, r(0, 3, 11, 12), w(0, 100, 13, 14), w(0, 101, 15, 16), r(1, 100, 17, 18));
}

test('a window past its cap is unknown, counted; checking restarts from any state and still finds violations', () => {
  const res = monitorHistory(crowd(8), 'register', { maxWindowOps: 4 });
  assert.equal(res.verdict, 'violated');
  assert.equal(res.windowsUnknown, 1);
  assert.equal(res.unknownReasons.cap, 1);
  assert.equal(res.opsUnknown, 8);
  assert.equal(res.weakReasons.restart, 1); // the read of 3 fixes "any state"
  assert.equal(res.witnesses[0].pattern, 'stale-read');
  // Without the stale read at the end: unknown, not ok.
  assert.equal(monitorHistory(crowd(8).slice(0, 9), 'register', { maxWindowOps: 4 }).verdict, 'unknown');
});

test('more possible states than the bound become any state: a weaker check, never a false violation', () => {
  const ops = crowd(8).slice(0, 9);
  const res = monitorHistory(ops, 'register', { maxStates: 4 });
  assert.equal(res.verdict, 'ok');
  assert.deepEqual([res.windowsWeak, res.weakReasons.states], [1, 1]);
  assert.equal(monitorHistory(ops, 'register').windowsWeak, 0);
  // The exact carry catches a read of a value that lost the race to the end; the weak one misses it.
  const late = h(...Array.from({ length: 8 }, (_, i) => w(i, i + 1, 0, 10)), r(9, 4, 1, 2), r(9, 3, 11, 12));
  assert.equal(monitorHistory(late, 'register').verdict, 'ok');
  const lost = h(...Array.from({ length: 8 }, (_, i) => w(i, i + 1, 0, 10)), r(9, 4, 11, 12), r(9, 3, 13, 14));
  assert.equal(monitorHistory(lost, 'register').verdict, 'violated');
  assert.equal(monitorHistory(lost, 'register', { maxStates: 4 }).verdict, 'violated');
});

test('carried indeterminate writes past the bound are evicted: a read of one may be any of them (weaker)', () => {
  const ops = h(w(1, 1, 0, 1, 'info'), w(1, 2, 2, 3, 'info'), w(1, 3, 4, 5, 'info'), r(2, 1, 6, 7));
  assert.equal(monitorHistory(ops, 'register', { maxCarriedWrites: 2 }).verdict, 'ok');
  assert.ok(monitorHistory(ops, 'register', { maxCarriedWrites: 2 }).weakReasons.evicted > 0);
  assert.equal(monitorHistory(ops, 'register').weakReasons.evicted, 0);
});

test('memory holds the windows in flight and a bounded tail per key, not the run', () => {
  const ops = synth({ ops: 50_000, keys: 5, processes: 8, model: 'register', seed: 4 });
  const m = new Monitor('register');
  let most = 0;
  // White-box: what each key holds between windows.
  type Held = { window: unknown[]; tailOps: number; recent: unknown[] | null };
  const keys = (m as unknown as { keys: Map<string, Held> }).keys;
  const events = ops
    .flatMap((o) => [[o.invoke, 0, o] as const, [o.complete, 1, o] as const])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const [i, [, kind, op]] of events.entries()) {
    if (kind === 0) m.invoke(op);
    else m.complete(op);
    if (i % 1000 !== 0) continue;
    for (const k of keys.values()) most = Math.max(most, k.window.length + k.tailOps + (k.recent?.length ?? 0));
  }
  const res = m.finish();
  assert.equal(res.verdict, checkLinearizable(ops, 'register').verdict);
  assert.equal(res.ops, 50_000);
  assert.ok(most < 100, `largest per-key holding ${most}`);
});

test('the budget of a window turns into unknown, and checking goes on after it', () => {
  const writes = Array.from({ length: 24 }, (_, i) => w(i, i + 1, 0, 10));
  const ops = h(...writes, r(30, 99, 0, 10), w(0, 200, 11, 12), w(0, 201, 13, 14), r(1, 200, 15, 16));
  const res = monitorHistory(ops, 'register', { budget: 5000 });
  assert.equal(res.verdict, 'violated');
  assert.deepEqual([res.windowsUnknown, res.unknownReasons.budget], [1, 1]);
});

test('a stale read past the tail names the write that overwrote the value it returned', () => {
  // Writes 1–8, then 16 reads of 8 (the tail: the last 16 operations, so it starts at 8), then a read of 7.
  const ops = h(
    ...Array.from({ length: 8 }, (_, i) => w(i + 1, i + 1, 2 * i, 2 * i + 1)),
    ...Array.from({ length: 16 }, (_, i) => r(10, 8, 20 + 2 * i, 21 + 2 * i)),
    r(11, 7, 60, 61),
  );
  const res = monitorHistory(ops, 'register');
  assert.equal(res.verdict, 'violated');
  assert.equal(
    res.witnesses[0].explanation,
    "read by p11 at 60.0–61.0 ms returned 7, written by p7 (ended 13.0 ms) and overwritten by p8's write of 8 " +
      '(ended 15.0 ms) before the read began: stale read',
  );
});
