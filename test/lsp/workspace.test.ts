// The server's document cache, settings and debounced validation, without a connection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { analyzeOptions, defaultSettings, readSettings } from '../../server/src/lsp/settings';
import { Validator } from '../../server/src/lsp/validation';
import { uriKey, Workspace } from '../../server/src/lsp/workspace';

const A = 'file:///w/a.consistency';
const B = 'file:///w/b.consistency';
const tier = 'tier team.core {\n  consistency strong\n}\n';
const data = 'import "a.consistency"\ndata x {\n  tier team.core\n  consistency strong\n}\n';

test('parses a document again only when its text changed; analyses again only after a change', () => {
  const ws = new Workspace();
  ws.setDisk(A, tier);
  ws.setOpen(B, data, 1);
  const first = ws.snapshot();
  assert.equal(ws.parses, 2);
  assert.equal(ws.snapshot(), first, 'cached until something changes');
  ws.setOpen(B, data.replace('strong\n}', 'eventual\n}'), 2);
  const second = ws.snapshot();
  assert.notEqual(second, first);
  assert.equal(ws.parses, 3, 'only the changed document is parsed again');
  assert.deepEqual([...second.versions], [[B, 2]]);
  assert.deepEqual(
    second.analysis.diagnostics.map((d) => d.code),
    ['level-below-tier'],
  );
  assert.equal(
    second.analysis.units.get(A),
    first.analysis.units.get(A),
    "a file's scope that saw no change is not analysed again",
  );
  assert.notEqual(second.analysis.units.get(B), first.analysis.units.get(B));
});

test('an import outside the workspace is read from disk; one that is missing is reported', () => {
  const ws = new Workspace();
  ws.setOpen(B, 'import "nowhere/at-all.consistency"\ndata x { consistency eventual }\n', 1);
  assert.deepEqual(
    ws.snapshot().analysis.diagnostics.map((d) => [d.code, d.message]),
    [['unknown-import', '`import "nowhere/at-all.consistency"`: no such file (file:///w/nowhere/at-all.consistency).']],
  );
});

test('an open document wins over the disk; closing returns to the disk text, or forgets the file', () => {
  const ws = new Workspace();
  ws.setDisk(A, tier);
  ws.setOpen(A, 'tier team.core {\n  consistency eventual\n}\n', 4);
  ws.setDisk(A, tier); // a save elsewhere does not replace the editor's text
  assert.match(ws.snapshot().document(A)!.text, /eventual/);
  ws.close(A, tier);
  assert.equal(ws.isOpen(A), false);
  assert.equal(ws.version(A), undefined);
  assert.match(ws.snapshot().document(A)!.text, /strong/);
  ws.setOpen(B, data, 1);
  ws.close(B);
  assert.equal(ws.snapshot().document(B), undefined);
  ws.deleteDisk(A);
  assert.equal(ws.snapshot().document(A), undefined);
});

test('one document however its URI is spelled: the editor spelling is used while open', () => {
  const ws = new Workspace();
  ws.setDisk('file:///w/my%20file.consistency', tier);
  ws.setOpen('file:///w/my file.consistency', tier, 1);
  assert.equal(uriKey('file:///w/my file.consistency'), uriKey('file:///w/my%20file.consistency'));
  assert.deepEqual(
    [...ws.snapshot().analysis.documents.keys()].filter((u) => u.startsWith('file:')),
    ['file:///w/my file.consistency'],
  );
});

test('settings: rules to severities or off, a built-in default profile, the validation delay; junk ignored', () => {
  const warnings: string[] = [];
  const s = readSettings(
    {
      profile: 'cloud-generic-2024',
      rules: { 'lww-on-money': 'off', 'when-gap': 'hint', 'budget-exceeded': 'loud' },
      validation: { delay: 20 },
    },
    (m) => warnings.push(m),
  );
  assert.deepEqual(s, {
    profile: 'cloud-generic-2024',
    rules: { 'lww-on-money': 'off', 'when-gap': 'hint' },
    validationDelayMs: 20,
    simulation: defaultSettings.simulation,
  });
  assert.deepEqual(analyzeOptions(s), {
    rules: { 'lww-on-money': 'off', 'when-gap': 'hint' },
    defaultProfile: 'cloud-generic-2024',
  });
  assert.deepEqual(warnings, [
    'consistency.rules.budget-exceeded: expected error, warning, info, hint or off; ignored.',
  ]);
  assert.equal(readSettings({ profile: 'mars-2030' }, (m) => warnings.push(m)).profile, undefined);
  assert.match(warnings[1], /'mars-2030' is not a built-in profile/);
  assert.deepEqual(readSettings(null), {
    rules: {},
    validationDelayMs: 150,
    simulation: { seed: 1, operations: 20_000, timeLimitSeconds: 30 },
  });
});

test('settings apply to the analysis: a rule turned off, the default profile for files without one', () => {
  const ws = new Workspace();
  ws.setOpen(B, 'data w {\n  category payments\n  consistency strong\n  conflict last_writer_wins\n}\n', 1);
  assert.deepEqual(
    ws.snapshot().analysis.diagnostics.map((d) => d.code),
    ['lww-on-money'],
  );
  ws.setOptions(analyzeOptions(readSettings({ rules: { 'lww-on-money': 'off' }, profile: 'cloud-generic-2024' })));
  const s = ws.snapshot();
  assert.deepEqual(s.analysis.diagnostics, []);
  assert.equal(s.analysis.estimate(s.analysis.model.data.get('w')!).profile, 'cloud-generic-2024');
});

test('validation publishes each file once per change, never a stale version, and clears files that left', () => {
  const ws = new Workspace();
  const sent: [string, string[], number | undefined][] = [];
  const publish = (uri: string, ds: Diagnostic[], version?: number) =>
    sent.push([uri, ds.map((d) => String(d.code)), version]);
  const v = new Validator(ws, publish, (m) => assert.fail(m), 0);
  ws.setDisk(A, tier);
  ws.setOpen(B, data.replace('strong\n}', 'eventual\n}'), 1);
  v.run();
  assert.deepEqual(sent, [
    [A, [], undefined],
    [B, ['level-below-tier'], 1],
  ]);
  v.run();
  assert.equal(sent.length, 2, 'nothing changed, nothing sent');
  ws.setOpen(B, data, 2);
  v.run();
  assert.deepEqual(sent.slice(2), [[B, [], 2]]);
  // A result computed before the last change is never published.
  const old = ws.snapshot();
  ws.setOpen(B, data.replace('strong\n}', 'weak\n}'), 3);
  new Validator({ snapshot: () => old, version: (u) => ws.version(u) }, publish, (m) => assert.fail(m), 0).run();
  assert.deepEqual(
    sent.slice(3).map(([uri]) => uri),
    [A],
    'B at version 2 is stale: not sent',
  );
  ws.close(B);
  v.run();
  assert.deepEqual(sent.slice(4), [[B, [], undefined]]);
});

test('validation is debounced: many edits, one run', async () => {
  const ws = new Workspace();
  ws.setOpen(B, data, 1);
  let runs = 0;
  await new Promise<void>((resolve) => {
    const v = new Validator(
      ws,
      () => (runs++, resolve()),
      (m) => assert.fail(m),
      5,
    );
    for (let i = 0; i < 10; i++) v.schedule();
  });
  assert.equal(runs, 1);
});
