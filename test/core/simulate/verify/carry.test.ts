// What the monitor keeps per key for witnesses, against the plain lists it replaced: the tail (the last windows,
// at most TAIL operations, the newest always; evicted from the front in batches) and the last writes (a ring).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  KeyState,
  TAIL,
  clearTail,
  keepTail,
  noteWrites,
  recentWrites,
  tailWindows,
  type KeptWindow,
} from '../../../../server/src/core/simulate/verify/carry';
import type { HistOp } from '../../../../server/src/core/simulate/verify/types';
import { createRng } from '../../../../server/src/core/simulate/prng';

const op = (id: number, f: HistOp['f']): HistOp => ({
  id,
  process: 0,
  key: 'k',
  f,
  value: id,
  invoke: id,
  complete: id + 1,
  type: 'ok',
});

/** A kept window: one start state (copied into v0, src0) or two (the key's arrays). */
const windowOf = (ops: HistOp[], two: boolean): KeptWindow => ({
  ops,
  pin: [],
  startV: two ? [1, 2] : null,
  startAux: [0],
  startMask: [0],
  inc: [],
  src: two ? [null, ops[0] ?? null] : null,
  v0: two ? 1 : ops.length,
  src0: two ? null : (ops[0] ?? null),
  removed: null,
  initial: false,
});

/** What a witness reads of a kept window: its start states as arrays either way. */
const read = (t: KeptWindow) => ({ ...t, startV: t.startV ?? [t.v0], src: t.src ?? [t.src0] });

test('the tail and the last writes hold what a list pushed and shifted one by one held, in order', () => {
  const rng = createRng(7);
  const rand = () => rng.float();
  const ks = new KeyState('k');
  let tail: KeptWindow[] = [];
  let ops = 0;
  const writes: HistOp[] = [];
  let id = 0;
  let compactions = 0;
  for (let step = 0; step < 5_000; step++) {
    if (rand() < 0.01) {
      clearTail(ks);
      tail = [];
      ops = 0;
      continue;
    }
    const window = Array.from({ length: Math.floor(rand() * 4) }, () => op(id++, rand() < 0.5 ? 'write' : 'read'));
    const before = ks.tailHead;
    const t = windowOf(window, rand() < 0.3);
    keepTail(ks, t);
    if (ks.tailHead < before) compactions++;
    tail.push(t);
    ops += window.length;
    while (tail.length > 1 && ops > TAIL) ops -= tail.shift()!.ops.length;
    assert.deepEqual(tailWindows(ks), tail.map(read), `step ${step}`);
    assert.equal(ks.tailOps, ops);
    noteWrites(ks, window);
    writes.push(...window.filter((o) => o.f === 'write'));
    assert.deepEqual(recentWrites(ks), writes.slice(-8), `step ${step}`);
  }
  assert.ok(compactions > 50, `${compactions} compactions`);
});
