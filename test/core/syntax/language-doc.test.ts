// docs/language.md stays in step with the code: every keyword, level, alias, unit, scale suffix, period,
// conflict strategy, money category and built-in tier the code knows is written there (in backticks).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { keywordNames, softKeywordNames } from '../../../server/src/core/syntax/tokens';
import { distributionNames } from '../../../server/src/core/model/distributions';
import { durationUnits, periods, scaleSuffixes } from '../../../server/src/core/syntax/units';
import { levelAliases, levelDefs } from '../../../server/src/core/model/levels';
import { conflictStrategies, moneyCategories } from '../../../server/src/core/model/effective';
import { analyze } from '../../../server/src/core/pipeline';

const doc = readFileSync('docs/language.md', 'utf8');
/** Words written as code in the document: `x`, and each word of `a/b/c` or `x y`. */
const code = new Set(
  [...doc.matchAll(/``(.+?)``|`([^`\n]+)`/g)].map((m) => m[1] ?? m[2]).flatMap((c) => [c, ...c.split(/[\s/()=,]+/)]),
);
const missing = (words: Iterable<string>) => [...words].filter((w) => !code.has(w));

test('every keyword is listed', () => {
  const list = /\*\*Keywords\*\*[^`]*`([^`]+)`/.exec(doc)?.[1].split(/\s+/) ?? [];
  assert.deepEqual(
    [...keywordNames].filter((k) => !list.includes(k)),
    [],
  );
});

test('every soft keyword and distribution is listed', () => {
  const list = /`(scenario duration[^`]*)`/.exec(doc.slice(doc.indexOf('**Soft keywords**')))?.[1].split(/\s+/) ?? [];
  assert.deepEqual(
    [...softKeywordNames].filter((k) => !list.includes(k)),
    [],
  );
  assert.deepEqual(missing(distributionNames), []);
});

test('every level and alias is documented', () => {
  assert.deepEqual(missing([...Object.keys(levelDefs), ...Object.keys(levelAliases)]), []);
});

test('every unit, scale suffix and period is documented (names the lexer can read)', () => {
  const ascii = (ws: string[]) => ws.filter((w) => /^[A-Za-z_]+$/.test(w));
  assert.deepEqual(missing(ascii(Object.keys(durationUnits))), []);
  assert.deepEqual(missing(Object.keys(scaleSuffixes)), []);
  assert.deepEqual(missing(Object.keys(periods)), []);
});

test('every conflict strategy, money category and built-in tier is documented', () => {
  const strategies = Object.entries(conflictStrategies).flatMap(([k, vs]) =>
    vs.length ? vs.map((v) => `${k} ${v}`) : [k],
  );
  assert.deepEqual(missing(strategies), []);
  assert.deepEqual(missing(moneyCategories), []);
  const tiers = [...analyze([]).model.tiers.values()].filter((t) => t.builtin).map((t) => t.name);
  assert.deepEqual(missing(tiers), []);
});
