import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { preludeTexts } from '../../../server/src/core/model/prelude-text.generated';
import { analyze, preludeDocuments } from '../../../server/src/core/pipeline';

test('the generated prelude module matches the .consistency prelude files (run npm run gen)', () => {
  const dir = 'server/src/core/model/prelude';
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.consistency'))
    .sort();
  assert.deepEqual(Object.keys(preludeTexts).sort(), files);
  for (const f of files) assert.equal(preludeTexts[f], readFileSync(`${dir}/${f}`, 'utf8'), f);
});

test('the prelude parses without diagnostics and defines the five RBI tiers', () => {
  for (const doc of preludeDocuments()) assert.deepEqual(doc.diagnostics, [], doc.uri);
  const { model } = analyze([]);
  const rbi = [...model.tiers.values()].filter((t) => t.builtin).map((t) => [t.name, t.level?.display]);
  assert.deepEqual(rbi, [
    ['rbi.high_value', 'strong (linearizable)'],
    ['rbi.upi', 'bounded(2s)'],
    ['rbi.balance_query', 'session'],
    ['rbi.statement', 'monotonic_reads'],
    ['rbi.interest', 'strong (linearizable)'],
  ]);
});
