// Core diagnostics as LSP diagnostics: positions, severity, code, related information and fixes in `data`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { analyze } from '../../server/src/core/pipeline';
import { diagnosticsByUri } from '../../server/src/service/diagnostics';
import { fixture } from './helpers';

test('a rule diagnostic with its fix in data, and an empty list for a clean file', () => {
  const f = fixture(`data x {\n  consistency <|stronk|>\n}\n`, [
    { uri: 'file:///clean.consistency', text: 'data y {\n  consistency eventual\n}\n' },
  ]);
  const all = diagnosticsByUri(f.s);
  assert.deepEqual([...all.keys()], [f.uri, 'file:///clean.consistency']);
  assert.deepEqual(all.get('file:///clean.consistency'), []);
  assert.deepEqual(all.get(f.uri), [
    {
      range: f.range(),
      severity: DiagnosticSeverity.Error,
      code: 'unknown-level',
      source: 'consistency',
      message:
        "Unknown consistency level 'stronk'. Did you mean 'strong'? Levels: strict_serializable, linearizable, sequential, regional, causal, session, bounded, read_your_writes, monotonic_reads, monotonic_writes, writes_follow_reads, consistent_prefix, eventual, weak.",
      data: {
        fixes: [{ title: "Change to 'strong'", changes: { [f.uri]: [{ range: f.range(), newText: 'strong' }] } }],
      },
    },
  ]);
});

test('related information points into the other place, severities map', () => {
  const f = fixture(`data x {\n  <|consistency strong|>\n  <|consistency|> eventual\n}\n`);
  const [d] = diagnosticsByUri(f.s)
    .get(f.uri)!
    .filter((x) => x.code === 'duplicate-property');
  assert.equal(d.severity, DiagnosticSeverity.Warning);
  assert.deepEqual(d.range, f.range(1));
  assert.deepEqual(d.relatedInformation, [{ location: { uri: f.uri, range: f.range(0) }, message: 'first set here' }]);
});

test('every diagnostic links to its section of docs/rules.md (codeDescription), syntax codes included', () => {
  const f = fixture(`data x {\n  consistency <|stronk|> ]\n}\n`);
  const s = { ...f.s, rulesDoc: 'file:///ext/docs/rules.md' };
  const ds = diagnosticsByUri(s).get(f.uri)!;
  assert.deepEqual(
    ds.map((d) => [d.code, d.codeDescription?.href]),
    [
      ['unknown-level', 'file:///ext/docs/rules.md#unknown-level'],
      ['syntax-unexpected-character', 'file:///ext/docs/rules.md#syntax-unexpected-character'],
    ],
  );
});

test('the editor setting re-levels parser and model codes too', () => {
  const text = 'data x {\n  consistency eventual\n  consistency eventual\n}\n';
  const codes = (rules: Record<string, 'off' | 'error'>) =>
    analyze([{ uri: 'file:///a.consistency', text }], { rules }).diagnostics.map((d) => `${d.code} ${d.severity}`);
  assert.deepEqual(codes({}), ['duplicate-property warning']);
  assert.deepEqual(codes({ 'duplicate-property': 'error' }), ['duplicate-property error']);
  assert.deepEqual(codes({ 'duplicate-property': 'off' }), []);
});
