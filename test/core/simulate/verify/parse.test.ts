// The history file reader: runs opened by headers, invocations paired with completions per process, operations
// per data type in ms; malformed lines rejected with their line number.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HistoryError, checkLinearizable, parseHistory } from '../../../../server/src/core/simulate/verify/index';

const header = (seed: number) =>
  JSON.stringify({
    type: 'header',
    format: 'consistency-history/1',
    scenario: 'holi',
    seed,
    data: [
      { name: 'cart', model: 'register', level: 'linearizable', replication: 'sync', conflict: 'last_writer_wins' },
      { name: 'likes', model: 'counter', level: 'eventual' },
    ],
  });
const line = (
  index: number,
  time: number,
  type: string,
  process: number,
  f: string,
  key: string,
  x: number | null,
  extra = {},
) => JSON.stringify({ index, time, type, process, f, value: [key, x], ...extra });
/** A header, then the given lines. */
const body = (...lines: string[]) => [header(1), ...lines].join('\n');
const readOf = (index: number, type: string, key = 'cart/1', x: number | null = null) =>
  line(index, index + 1, type, 1, 'read', key, x);

const file = [
  header(1),
  line(0, 1_500_000, 'invoke', 3, 'write', 'cart/17', 123),
  line(1, 1_600_000, 'invoke', 4, 'read', 'cart/17', null, { region: 2 }),
  line(2, 2_300_000, 'ok', 3, 'write', 'cart/17', 123, { version: [1, 0] }),
  line(3, 2_400_000, 'ok', 4, 'read', 'cart/17', 123),
  line(4, 2_500_000, 'invoke', 3, 'add', 'likes/7', 1),
  line(5, 2_600_000, 'info', 3, 'add', 'likes/7', 1, { error: 'timeout' }),
  line(6, 2_700_000, 'invoke', 5, 'read', 'likes/7', null),
  '',
  header(2),
  line(0, 1_000_000, 'invoke', 1, 'read', 'cart/1', null),
  line(1, 2_000_000, 'fail', 1, 'read', 'cart/1', null),
].join('\n');

test('runs, operations per data type, times in ms, ids in invoke order; open invocations become indeterminate', () => {
  const runs = parseHistory(file);
  assert.equal(runs.length, 2);
  const [one, two] = runs;
  assert.equal(one.header.scenario, 'holi');
  assert.equal(one.header.seed, 1);
  assert.deepEqual([...one.ops.keys()], ['cart', 'likes']);
  assert.deepEqual(one.ops.get('cart'), [
    { id: 0, process: 3, key: 'cart/17', f: 'write', value: 123, invoke: 1.5, complete: 2.3, type: 'ok' },
    { id: 1, process: 4, key: 'cart/17', f: 'read', value: 123, invoke: 1.6, complete: 2.4, type: 'ok', region: 2 },
  ]);
  assert.deepEqual(one.ops.get('likes'), [
    { id: 2, process: 3, key: 'likes/7', f: 'add', value: 1, invoke: 2.5, complete: 2.6, type: 'info' },
    { id: 3, process: 5, key: 'likes/7', f: 'read', value: null, invoke: 2.7, complete: 2.7, type: 'info' },
  ]);
  assert.deepEqual(
    two.ops.get('cart')!.map((o) => [o.id, o.type, o.value]),
    [[0, 'fail', null]],
  );
  assert.deepEqual(two.ops.get('likes'), []);
  assert.equal(checkLinearizable(one.ops.get('cart')!, 'register').verdict, 'ok');
});

test('malformed lines are rejected with their line number', () => {
  const bad: [string, RegExp][] = [
    [line(0, 1, 'invoke', 1, 'read', 'cart/1', null), /^line 1: the history does not start with a header$/],
    [body('{nope'), /^line 2: not JSON/],
    [body('[1]'), /^line 2: expected a JSON object$/],
    [body('', readOf(0, 'begin')), /^line 3: unknown type "begin"$/],
    [body(line(0, 1, 'invoke', 1, 'cas', 'cart/1', null)), /^line 2: f must be read, write or add/],
    [body(readOf(0, 'invoke', 'cart')), /^line 2: key "cart" is not of a data type/],
    [body(readOf(0, 'invoke', 'orders/1')), /^line 2: key "orders\/1" is not of a data type/],
    [body(line(0, 1, 'invoke', 1, 'add', 'cart/1', 1)), /^line 2: add on cart, a register$/],
    [body(line(0, 1, 'invoke', 1, 'write', 'likes/1', 1)), /^line 2: write on likes, a counter$/],
    [body(readOf(0, 'ok', 'cart/1', 1)), /^line 2: process 1 completes an operation it did not invoke$/],
    [body(readOf(0, 'invoke'), readOf(1, 'invoke')), /^line 3: process 1 invoked again/],
    [body(readOf(0, 'invoke'), readOf(1, 'ok', 'cart/2', 5)), /^line 3: completion read cart\/2 does not match/],
    [
      body(line(0, 1, 'invoke', 1, 'write', 'cart/1', 5), line(1, 2, 'ok', 1, 'write', 'cart/1', 6)),
      /^line 3: completion value 6/,
    ],
    [body(readOf(0, 'invoke'), readOf(1, 'ok')), /^line 3: an ok read without a value$/],
    [
      body(JSON.stringify({ time: 1, type: 'invoke', process: 1, f: 'read', value: 'cart/1' })),
      /^line 2: value must be \[key, number or null\]$/,
    ],
    [
      body(JSON.stringify({ time: 'soon', type: 'invoke', process: 1, f: 'read', value: ['cart/1', null] })),
      /^line 2: time must be a number/,
    ],
    [JSON.stringify({ type: 'header', format: 'jepsen', data: [] }), /^line 1: unknown format "jepsen"/],
    [
      JSON.stringify({ type: 'header', format: 'consistency-history/1', data: [{ name: 'x', model: 'set' }] }),
      /^line 1: data type x: model must be register or counter$/,
    ],
  ];
  for (const [text, message] of bad) {
    assert.throws(
      () => parseHistory(text),
      (e: unknown) => e instanceof HistoryError && message.test(e.message),
      text,
    );
  }
});
