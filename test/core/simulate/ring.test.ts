// The session checkers' rings of recent writes per key and slot: entries in slot order, the oldest half dropped at
// 2 × size, against a plain sorted list; a ring made small grows to its bound without losing an entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SlotRing, ringRoom } from '../../../server/src/core/simulate/guarantees/ring';
import type { Op } from '../../../server/src/core/simulate/ops';
import { createRng } from '../../../server/src/core/simulate/prng';

const names = { group: 'g', write: 'write' as const };
const opOf = (v: number) => ({ process: v % 7, key: 3, region: 1, invokeNs: v, completeNs: v + 1, value: v }) as Op;

for (const [first, rooms] of [
  [16, [16, 32, 64, 128]],
  [64, [64, 128]],
  [1024, [128]],
] as const) {
  test(`a ring made with room for ${first} holds what a sorted list dropping its oldest half at 2 × size holds`, () => {
    const rng = createRng(3);
    const size = 64;
    const ring = new SlotRing(size, 2, names, true, first);
    const seen = new Set<number>([ring.idx.length]);
    let list: { idx: number; at: number; vec: number }[] = [];
    let floor = 0;
    for (let n = 1; n <= 1_000; n++) {
      const idx = n + Math.floor(rng.float() * 4) * 1_000_000; // mostly in order, some far ahead
      if (list.length === 2 * size) {
        floor = list[size - 1].idx;
        list = list.slice(size);
      }
      const e = ring.insert(idx, n / 10, opOf(n));
      ring.vec[e * 2] = n;
      list.push({ idx, at: n / 10, vec: n });
      list.sort((a, b) => a.idx - b.idx);
      seen.add(ring.idx.length);
      assert.equal(ring.count, list.length, `insert ${n}`);
      assert.equal(ring.floor, floor);
      list.forEach((x, i) => {
        assert.equal(ring.idx[i], x.idx);
        assert.equal(ring.at[i], x.at);
        assert.equal(ring.vec[i * 2], x.vec);
        assert.equal(ring.ops.op(i)!.value, x.vec);
      });
    }
    assert.deepEqual([...seen], rooms);
  });
}

test('a ring is made with room for twice the writes it can expect, a power of two from 16 to its bound', () => {
  assert.equal(ringRoom(0, 100, 4, 512), 16); // a write-only or idle run
  assert.equal(ringRoom(10_000, 100, 4, 512), 64); // 25 writes per ring expected
  assert.equal(ringRoom(20_000, 1, 1, 512), 1024); // one ring that will fill: its bound at once
  assert.equal(ringRoom(20_000, 1, 1, 64), 128);
});
