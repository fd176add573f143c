// consistency/exportTypeScript in the service: the core generator's text, the sibling target, whether the
// existing target may be overwritten (generated header), and the policy's error count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generatedHeader } from '../../server/src/core/export/header';
import { exportTypeScript } from '../../server/src/core/export/typescript';
import { exportTypeScriptFile, suggestedExportUri } from '../../server/src/service/export';
import { fixture } from './helpers';

const POLICY =
  'topology net { region mumbai { replicas 3 primary } }\ndata balance {\n  topology net\n  consistency strong\n}\n';
const uri = 'file:///work/bank.consistency';
const target = 'file:///work/bank.consistency.ts';

test("the text is the core generator's, written beside the policy; a missing target may be written", () => {
  const f = fixture(POLICY, [], uri);
  const asked: string[] = [];
  const r = exportTypeScriptFile(f.s, uri, (u) => (asked.push(u), undefined));
  assert.deepEqual(r, {
    text: exportTypeScript(f.s.analysis, uri).text,
    suggestedPath: target,
    overwriteAllowed: true,
    errors: 0,
  });
  assert.deepEqual(asked, [target]);
  assert.ok(r?.text.startsWith(generatedHeader('bank.consistency').split('\n')[0]));
});

test('a target with the generated header may be overwritten; one without it may not', () => {
  const f = fixture(POLICY, [], uri);
  assert.equal(
    exportTypeScriptFile(f.s, uri, () => `${generatedHeader('bank.consistency')}\nexport const old = 1;\n`)
      ?.overwriteAllowed,
    true,
  );
  assert.equal(exportTypeScriptFile(f.s, uri, () => 'export const mine = 1;\n')?.overwriteAllowed, false);
  assert.equal(exportTypeScriptFile(f.s, uri, () => '')?.overwriteAllowed, false);
});

test("errors counts the policy's own error diagnostics only", () => {
  const f = fixture(
    'data a { topology nowhere }\ndata b { tier nothing }\n',
    [{ uri: 'file:///work/other.consistency', text: 'data c { topology gone }\n' }],
    uri,
  );
  const own = f.s.analysis.diagnostics.filter((d) => d.uri === uri && d.severity === 'error').length;
  assert.equal(own, 2);
  assert.equal(exportTypeScriptFile(f.s, uri, () => undefined)?.errors, 2);
});

test('unknown and built-in documents have no export', () => {
  const f = fixture(POLICY, [], uri);
  assert.equal(
    exportTypeScriptFile(f.s, 'file:///work/missing.consistency', () => undefined),
    undefined,
  );
  const builtin = [...f.s.analysis.documents.keys()].find((u) => u.startsWith('builtin:'));
  assert.ok(builtin);
  assert.equal(
    exportTypeScriptFile(f.s, builtin, () => undefined),
    undefined,
  );
});

test('the suggested path follows `consistency export`: <name>.ts for .consistency, else <name>.consistency.ts', () => {
  assert.equal(suggestedExportUri('file:///a/b/bank.consistency'), 'file:///a/b/bank.consistency.ts');
  assert.equal(suggestedExportUri('file:///a/b/bank.txt'), 'file:///a/b/bank.txt.consistency.ts');
  assert.equal(suggestedExportUri('file:///a/my%20bank.consistency'), 'file:///a/my%20bank.consistency.ts');
  assert.equal(suggestedExportUri('untitled:Untitled-1'), 'untitled:Untitled-1.consistency.ts');
});
