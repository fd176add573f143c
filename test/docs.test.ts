import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { rulesDoc } from '../scripts/gen-rules-doc';

test('docs/rules.md is generated from the current rule table (run npm run gen)', () => {
  assert.equal(readFileSync('docs/rules.md', 'utf8'), rulesDoc());
});
