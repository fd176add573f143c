import { test } from 'node:test';
import assert from 'node:assert/strict';
import { implies, missing, namedLevel, resolveLevel } from '../../../server/src/core/model/levels';
import { parseDocument } from '../../../server/src/core/syntax/parse';
import type { DataDecl } from '../../../server/src/core/syntax/ast';

function level(text: string) {
  const doc = parseDocument(`data d { consistency ${text} }`, 'x');
  const decl = doc.ast.declarations[0] as DataDecl;
  const prop = decl.body[0];
  assert.ok(prop.kind === 'consistency' && prop.level, `no level parsed from ${text}`);
  const r = resolveLevel(prop.level);
  if (!('level' in r)) throw new Error(r.error);
  return r.level;
}

test('the strong chain: each level implies the ones below it', () => {
  const chain = [
    'strict_serializable',
    'linearizable',
    'sequential',
    'causal',
    'session',
    'read_your_writes',
    'eventual',
    'weak',
  ];
  for (let i = 0; i < chain.length; i++)
    for (let j = i; j < chain.length; j++)
      assert.ok(implies(namedLevel(chain[i]), namedLevel(chain[j])), `${chain[i]} ⇒ ${chain[j]}`);
  for (let i = 1; i < chain.length; i++)
    assert.ok(!implies(namedLevel(chain[i]), namedLevel(chain[i - 1])), `${chain[i]} ⇏ ${chain[i - 1]}`);
});

test('aliases resolve to their canonical level', () => {
  assert.equal(level('strong').name, 'linearizable');
  assert.equal(level('read_after_write').name, 'read_your_writes');
  assert.equal(level('monotonic').name, 'monotonic_reads');
});

test('bounded staleness compares bounds; linearizable implies any bound', () => {
  assert.ok(implies(level('bounded(1s)'), level('bounded(2s)')));
  assert.ok(!implies(level('bounded(5s)'), level('bounded(2s)')));
  assert.ok(implies(level('strong'), level('bounded(2s)')));
  assert.ok(implies(level('strong'), level('bounded(5 versions)')));
  assert.ok(!implies(level('bounded(2s)'), level('bounded(5 versions)')));
  assert.deepEqual(missing(level('session'), level('bounded(2s)')), ['consistent-prefix', 'staleness ≤ 2000 ms']);
});

test('incomparable pairs: session vs bounded, causal vs consistent prefix, regional vs sequential', () => {
  for (const [a, b] of [
    ['session', 'bounded(2s)'],
    ['causal', 'consistent_prefix'],
    ['regional', 'sequential'],
  ]) {
    assert.ok(!implies(level(a), level(b)), `${a} ⇏ ${b}`);
    assert.ok(!implies(level(b), level(a)), `${b} ⇏ ${a}`);
  }
});

test('session with arguments keeps only the named guarantees', () => {
  const l = level('session(read_your_writes, monotonic_reads)');
  assert.equal(l.display, 'session(read_your_writes, monotonic_reads)');
  assert.ok(implies(l, level('read_your_writes')));
  assert.ok(!implies(l, level('monotonic_writes')));
  assert.ok(implies(level('session'), l));
});

test('bad levels and arguments are errors with suggestions', () => {
  const doc = parseDocument('data d { consistency stong }', 'x');
  const prop = (doc.ast.declarations[0] as DataDecl).body[0];
  assert.ok(prop.kind === 'consistency' && prop.level);
  const r = resolveLevel(prop.level);
  assert.ok('error' in r && r.suggestion === 'strong');
  assert.throws(() => level('session(read_my_writes)'), /not a session guarantee/);
  assert.throws(() => level('bounded'), /bounded needs one bound/);
  assert.throws(() => level('eventual(2s)'), /takes no arguments/);
});
