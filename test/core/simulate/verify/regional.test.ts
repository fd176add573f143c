// Regional linearizability: real-time order among a region's own clients; another region's writes may show up
// at any time after they were invoked (asynchronous replication, in no promised order), never before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  RegionalMonitor,
  checkLinearizable,
  checkRegional,
  feed,
  type CheckResult,
  type HistOp,
  type ModelKind,
} from '../../../../server/src/core/simulate/verify/index';
import { add, h, r, w } from './helpers';

/** Whole-history and streaming regional checks, which must agree. */
function regional(ops: HistOp[], model: ModelKind = 'register'): CheckResult {
  const whole = checkRegional(ops, model);
  const m = new RegionalMonitor(model, [0, 1, 2]);
  feed(m, ops);
  assert.equal(m.finish().verdict, whole.verdict, 'streaming and whole-history regional checks disagree');
  return whole;
}

const at = (region: number) => ({
  w: (p: number, v: number, a: number, b: number, type: HistOp['type'] = 'ok') => w(p, v, a, b, type, 'x', region),
  r: (p: number, v: number | null, a: number, b: number) => r(p, v, a, b, 'ok', 'x', region),
  add: (p: number, d: number, a: number, b: number, type: HistOp['type'] = 'ok') => add(p, d, a, b, type, 'x', region),
});
const [mumbai, delhi] = [at(0), at(1)];

test('a stale read inside one region is a violation', () => {
  const res = regional(h(mumbai.w(1, 1, 0, 1), mumbai.w(1, 2, 2, 3), mumbai.r(2, 1, 4, 5)));
  assert.equal(res.verdict, 'violated');
  assert.equal(res.witnesses[0].region, 0);
  assert.equal(res.witnesses[0].pattern, 'stale-read');
});

test('a region may lag behind another region: not linearizable, but regional', () => {
  const ops = h(mumbai.w(1, 1, 0, 1), mumbai.w(1, 2, 2, 3), delhi.r(2, 1, 4, 5), delhi.r(2, 1, 6, 7));
  assert.equal(checkLinearizable(ops, 'register').verdict, 'violated');
  assert.equal(regional(ops).verdict, 'ok');
});

test("a region cannot see another region's write before it was invoked, nor see it take effect twice", () => {
  assert.equal(regional(h(delhi.r(2, 1, 0, 1), mumbai.w(1, 1, 2, 3))).verdict, 'violated');
  // Across regions there is no order: 2 then 1 is possible, 2, 1, 2 is not (2 would take effect twice).
  const both = [mumbai.w(1, 1, 0, 1), mumbai.w(1, 2, 2, 3)];
  assert.equal(regional(h(...both, delhi.r(2, 2, 4, 5), delhi.r(2, 1, 6, 7))).verdict, 'ok');
  assert.equal(regional(h(...both, delhi.r(2, 2, 4, 5), delhi.r(2, 1, 6, 7), delhi.r(2, 2, 8, 9))).verdict, 'violated');
});

test("a region's own completed write holds against its own later reads; failed writes elsewhere never show", () => {
  // Delhi wrote 5; a later Delhi read may see Mumbai's 1 (applied after 5), never the initial 0.
  assert.equal(regional(h(mumbai.w(1, 1, 0, 1), delhi.w(2, 5, 0, 1), delhi.r(3, 1, 2, 3))).verdict, 'ok');
  assert.equal(regional(h(mumbai.w(1, 1, 0, 1), delhi.w(2, 5, 0, 1), delhi.r(3, 0, 2, 3))).verdict, 'violated');
  assert.equal(regional(h(mumbai.w(1, 1, 0, 1, 'fail'), delhi.r(3, 1, 2, 3))).verdict, 'violated');
});

test("counters: another region's increments arrive late but are not lost twice", () => {
  const ops = [mumbai.add(1, 1, 0, 1), mumbai.add(1, 1, 2, 3), delhi.add(2, 1, 0, 1)];
  assert.equal(regional(h(...ops, delhi.r(3, 1, 4, 5), delhi.r(3, 3, 6, 7)), 'counter').verdict, 'ok');
  // Delhi's own increment completed before its read: the read cannot be 0.
  assert.equal(regional(h(...ops, delhi.r(3, 0, 4, 5)), 'counter').verdict, 'violated');
  assert.equal(regional(h(...ops, delhi.r(3, 3, 4, 5), delhi.r(3, 2, 6, 7)), 'counter').verdict, 'violated');
});

test('regions are checked separately; keys a region never touches are skipped', () => {
  const ops = h(mumbai.w(1, 1, 0, 1), mumbai.r(1, 1, 2, 3), w(2, 9, 0, 1, 'ok', 'y', 1), delhi.r(3, 0, 0, 1));
  const res = regional(ops);
  assert.equal(res.verdict, 'ok');
  assert.equal(res.keys, 2);
  assert.equal(res.windows, 3); // mumbai/x, delhi/x, delhi/y
});
