// Findings kept between edits for a transaction (core/check/transaction-cache.ts) change when what they rest on
// changes, though the transaction's declaration did not: after the edit the server reports what a fresh analysis
// reports. (Random edits against a fresh analysis: test/property/incremental.property.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../../server/src/lsp/workspace';
import { diagnosticsByUri } from '../../server/src/service/diagnostics';

const uri = 'file:///kept.consistency';

/** The diagnostics the server shows after each text in turn, beside a fresh server's for the same text. */
function afterEdits(texts: string[]): { kept: string; fresh: string }[] {
  const ws = new Workspace();
  return texts.map((text, v) => {
    ws.setOpen(uri, text, v);
    const fresh = new Workspace();
    fresh.setOpen(uri, text, v);
    const shown = (w: Workspace) => JSON.stringify(diagnosticsByUri(w.snapshot()).get(uri) ?? []);
    return { kept: shown(ws), fresh: shown(fresh) };
  });
}

const policy = (level: string) =>
  [
    'topology t {',
    '  region mumbai { replicas 3 primary }',
    '  region delhi { replicas 2 }',
    '  link mumbai <-> delhi 45ms',
    '}',
    'data a {',
    '  consistency strong',
    '}',
    'data b {',
    `  consistency ${level}`,
    '}',
    'data c { consistency eventual }',
    'data d { consistency eventual }',
    'transaction pay { a, b }',
    '',
  ].join('\n');

test('a transaction whose member changed level is checked again, though its declaration did not change', () => {
  const runs = afterEdits([policy('strong'), policy('eventual'), policy('strong')]);
  for (const r of runs) assert.deepEqual(r.kept, r.fresh);
  assert.match(runs[1].kept, /transaction-mixed-levels/);
  assert.doesNotMatch(runs[0].kept, /transaction-mixed-levels/);
});
