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
  type TailWindow,
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

const windowOf = (ops: HistOp[]): TailWindow => ({
  ops,
  pin: [],
  startV: [0],
  startAux: [0],
  startMask: [0],
  inc: [],
  src: [null],
  removed: null,
  initial: false,
});

test('the tail and the last writes hold what a list pushed and shifted one by one held, in order', () => {
  const rng = createRng(7);
  const rand = () => rng.float();
  const ks = new KeyState('k');
  let tail: TailWindow[] = [];
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
    const t = windowOf(window);
    keepTail(ks, t);
    if (ks.tailHead < before) compactions++;
    tail.push(t);
    ops += window.length;
    while (tail.length > 1 && ops > TAIL) ops -= tail.shift()!.ops.length;
    assert.deepEqual(tailWindows(ks), tail, `step ${step}`);
    assert.equal(ks.tailOps, ops);
    noteWrites(ks, window);
    writes.push(...window.filter((o) => o.f === 'write'));
    assert.deepEqual(recentWrites(ks), writes.slice(-8), `step ${step}`);
  }
  assert.ok(compactions > 50, `${compactions} compactions`);
});
