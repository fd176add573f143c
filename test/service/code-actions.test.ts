// Quick fixes: one per core fix, as workspace edits; applied, the diagnostic is gone. Checked on a small
// case exactly, and on every fix of every sample.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CodeActionKind, type CodeAction } from 'vscode-languageserver-types';
import { analyze } from '../../server/src/core/pipeline';
import { codeActions } from '../../server/src/service/code-actions';
import { toRange } from '../../server/src/service/positions';
import { createSnapshot } from '../../server/src/service/snapshot';
import { applyEdits, fixture } from './helpers';
import { filesUnder } from '../helpers/files';

const wallet = `data wallet {
  category payments
  consistency strong
  conflict <|last_writer_wins|>
}
`;

test('one quick fix per core fix of the diagnostics in the range, the first preferred', () => {
  const f = fixture(wallet);
  const actions = codeActions(f.s, f.uri, f.range());
  assert.deepEqual(
    actions.map((a) => [a.title, a.kind, a.isPreferred, a.diagnostics?.map((d) => d.code)]),
    [
      ['Use `conflict abort`', CodeActionKind.QuickFix, true, ['lww-on-money']],
      ['Use `conflict highest_sequence`', CodeActionKind.QuickFix, false, ['lww-on-money']],
    ],
  );
  assert.deepEqual(actions[0].edit, { changes: { [f.uri]: [{ range: f.range(), newText: 'abort' }] } });
  const fixed = applyEdits(f.text, actions[0].edit!.changes![f.uri]);
  assert.deepEqual(
    analyze([{ uri: f.uri, text: fixed }]).diagnostics.map((d) => d.code),
    [],
  );
});

test('nothing outside the diagnostic range, and nothing when only other kinds are asked for', () => {
  const f = fixture(wallet);
  assert.deepEqual(codeActions(f.s, f.uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }), []);
  assert.deepEqual(codeActions(f.s, f.uri, f.range(), [CodeActionKind.Refactor]), []);
  assert.equal(codeActions(f.s, f.uri, f.range(), [CodeActionKind.QuickFix]).length, 2);
});

test('every fix of every sample, applied through its code action, removes its diagnostic', () => {
  let applied = 0;
  for (const path of filesUnder('samples', '.consistency')) {
    const uri = `file:///${path}`;
    const text = readFileSync(path, 'utf8');
    const s = createSnapshot(analyze([{ uri, text }]));
    for (const d of s.analysis.diagnostics.filter((x) => x.fixes?.length)) {
      const actions: CodeAction[] = codeActions(s, uri, toRange(s.lines.get(uri), d.range)).filter(
        (a) => a.diagnostics?.[0].message === d.message,
      );
      assert.equal(actions.length, d.fixes!.length, `${path}: ${d.code}`);
      for (const a of actions) {
        const fixed = applyEdits(text, a.edit!.changes![uri]);
        const again = analyze([{ uri, text: fixed }]).diagnostics;
        assert.ok(
          !again.some((x) => x.code === d.code && x.message === d.message),
          `${path}: '${a.title}' leaves ${d.code}: ${d.message}`,
        );
        applied++;
      }
    }
  }
  assert.ok(applied >= 10, `only ${applied} fixes in the samples`);
});
