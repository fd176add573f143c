// The `consistency.currency` setting: read defensively, and applied to files that declare no currency only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeOptions, readSettings } from '../../server/src/lsp/settings';
import { Workspace } from '../../server/src/lsp/workspace';

const data = 'data w {\n  consistency strong\n  workload 10M/day reads 80%\n}\n';

test('INR or USD are kept, anything else ignored with a warning', () => {
  const warnings: string[] = [];
  assert.equal(readSettings({ currency: 'USD' }).currency, 'USD');
  assert.equal(readSettings({ currency: '' }).currency, undefined);
  assert.equal(readSettings({ currency: 'EUR' }, (m) => warnings.push(m)).currency, undefined);
  assert.deepEqual(warnings, ['consistency.currency: expected INR or USD; ignored.']);
  assert.deepEqual(analyzeOptions(readSettings({ currency: 'USD' })), { rules: {}, defaultCurrency: 'USD' });
});

test('estimates of files without `currency` are shown in the setting; a file that declares one keeps it', () => {
  const ws = new Workspace();
  ws.setOpen('file:///a.consistency', data, 1);
  ws.setOpen('file:///b.consistency', `currency INR\n${data.replace('data w', 'data v')}`, 1);
  const estimate = (name: string) => {
    const s = ws.snapshot();
    const uri = name === 'w' ? 'file:///a.consistency' : 'file:///b.consistency';
    return s.analysis.estimate(s.analysis.modelOf(uri).data.get(name)!);
  };
  assert.equal(estimate('w').currency, 'INR', 'india-2024 is in rupees');
  ws.setOptions(analyzeOptions(readSettings({ currency: 'USD' })));
  assert.equal(estimate('w').currency, 'USD');
  assert.equal(estimate('v').currency, 'INR');
  assert.ok(
    estimate('w').assumptions.some((a) => /convert|rate/i.test(a)),
    'the conversion is stated',
  );
});

test('consistency.rules: any code of the registry, parser and model codes included; unknown codes are reported', () => {
  const warnings: string[] = [];
  const s = readSettings(
    { rules: { 'duplicate-property': 'off', 'syntax-error': 'warning', 'quorum-no-overlp': 'off' } },
    (m) => warnings.push(m),
  );
  assert.deepEqual(s.rules, { 'duplicate-property': 'off', 'syntax-error': 'warning' });
  assert.deepEqual(warnings, [
    "consistency.rules.quorum-no-overlp: not a diagnostic code (did you mean 'quorum-no-overlap'?); ignored.",
  ]);
});
