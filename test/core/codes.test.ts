// The one registry of codes: every rule is in it and every rule code has a rule, its file and its docs
// section; parser and model codes too; severities follow the basis (docs/rules.md#severity).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { allRules } from '../../server/src/core/check/index';
import { allCodes, codeInfo, defaultSeverity, helpUri, isCode, milder, severityOf } from '../../server/src/core/codes';

test('the rule table and the registry name the same rule codes, each with its file', () => {
  const ruleCodes = allCodes.filter((c) => codeInfo(c).stage === 'rule').sort();
  assert.deepEqual(allRules.map((r) => r.code).sort(), ruleCodes);
  for (const c of ruleCodes) assert.ok(existsSync(`server/src/core/check/rules/${c}.ts`), c);
});

test('every code has a section of docs/rules.md at #<code>', () => {
  const doc = readFileSync('docs/rules.md', 'utf8');
  for (const c of allCodes) assert.ok(doc.includes(`<a id="${c}"></a>\n### \`${c}\``), c);
  assert.ok(doc.includes('<a id="severity"></a>'));
});

test('severity follows the basis: unreadable and impossible are errors, assumptions warnings, advice info', () => {
  for (const c of allCodes) assert.equal(defaultSeverity(c), severityOf[codeInfo(c).basis], c);
  assert.equal(defaultSeverity('syntax-error'), 'error');
  assert.equal(defaultSeverity('quorum-no-overlap'), 'error');
  assert.equal(defaultSeverity('staleness-below-physics'), 'error');
  assert.equal(defaultSeverity('staleness-below-lag'), 'warning');
  assert.equal(defaultSeverity('even-consensus-group'), 'info');
  assert.deepEqual(
    ['error', 'warning', 'info', 'hint'].map((s) => milder(s as 'error')),
    ['warning', 'info', 'hint', 'hint'],
  );
});

test('codes are recognised by name; help links go to the section', () => {
  assert.ok(isCode('duplicate-property'));
  assert.ok(!isCode('toString'));
  assert.ok(!isCode('no-such-code'));
  assert.equal(
    helpUri('https://x.test/docs/rules.md#old', 'syntax-error'),
    'https://x.test/docs/rules.md#syntax-error',
  );
});

test('every code the sources report is a registry code (the type says so; this checks the literals too)', () => {
  const found = execSync('grep -rhoE "code: \'[a-z-]+\'" server/src', { encoding: 'utf8' });
  const literals = found
    .split('\n')
    .filter(Boolean)
    .map((l) => l.slice(7, -1));
  for (const c of new Set(literals)) assert.ok(isCode(c), c);
});
