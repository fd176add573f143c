// Isolation in the pipeline: an exception inside one rule, or while reading one file, becomes one
// `internal-error` at the start of the file it concerns, naming what failed; every other rule and file still
// reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/core/pipeline';
import { allRules } from '../../../server/src/core/check/index';
import type { Rule } from '../../../server/src/core/check/rule';

const a = { uri: 'file:///ws/a.consistency', text: 'data a { category banking consistency session conflict lww }\n' };
const b = { uri: 'file:///ws/b.consistency', text: 'data b { category banking consistency session conflict lww }\n' };

/** A rule that throws on the file `a` only. */
const throwing: Rule = {
  code: 'when-gap',
  check({ model }) {
    if (model.files.some((f) => f.uri === a.uri)) throw new TypeError('boom on a');
  },
};

test('a rule that throws on one file: one internal-error there naming the rule; other rules and files report', () => {
  const ds = analyze([a, b], { ruleSet: [...allRules.filter((r) => r.code !== 'when-gap'), throwing] }).diagnostics;
  const internal = ds.filter((d) => d.code === 'internal-error');
  assert.equal(internal.length, 1);
  assert.equal(internal[0].uri, a.uri);
  assert.deepEqual(internal[0].range, { start: 0, end: 0 });
  assert.match(internal[0].message, /rule when-gap.*TypeError: boom on a/);
  for (const f of [a, b])
    assert.ok(
      ds.some((d) => d.code === 'lww-on-money' && d.uri === f.uri),
      f.uri,
    );
});

test('an import whose reading throws: one internal-error on that import; the other file is untouched', () => {
  const text = 'import "boom.consistency"\n' + a.text.replace('data a', 'data c');
  const importer = { uri: 'file:///ws/c.consistency', text };
  const load = () => {
    throw new Error('EIO: i/o error');
  };
  const ds = analyze([importer, b], { load }).diagnostics;
  const internal = ds.filter((d) => d.code === 'internal-error');
  assert.equal(internal.length, 1);
  assert.equal(internal[0].uri, importer.uri);
  assert.equal(importer.text.slice(internal[0].range.start, internal[0].range.end), '"boom.consistency"');
  assert.match(internal[0].message, /reading `import "boom.consistency"`.*EIO/);
  assert.ok(ds.some((d) => d.code === 'lww-on-money' && d.uri === importer.uri));
  assert.ok(ds.some((d) => d.code === 'lww-on-money' && d.uri === b.uri));
});
