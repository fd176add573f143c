// Rename: every occurrence across files; refused with a message on built-ins, unresolved, invalid and taken names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import { prepareRename, rename } from '../../server/src/service/rename';
import { applyEdits, editsFor, fixture } from './helpers';

const B = 'file:///b.consistency';
const bText = 'import "test.consistency"\ndata b {\n  tier team.payments\n  consistency strong\n}\n';
/** A file that does not import test.consistency: its own tier of the same name is another tier. */
const C = 'file:///c.consistency';
const cText = 'tier team.payments { consistency eventual }\ndata c {\n  tier team.payments\n}\n';

test('renames a tier in its declaration and in every file that imports it, and nowhere else', () => {
  const f = fixture(
    `tier team.pay<|>ments {\n  consistency strong\n}\ndata a {\n  tier team.payments\n  consistency strong\n}\n`,
    [
      { uri: B, text: bText },
      { uri: C, text: cText },
    ],
  );
  const edit = rename(f.s, f.uri, f.at(), 'team.money') as WorkspaceEdit;
  assert.deepEqual(Object.keys(edit.changes ?? {}).sort(), [B, f.uri].sort());
  assert.equal(
    applyEdits(f.text, editsFor(edit, f.uri)),
    `tier team.money {\n  consistency strong\n}\ndata a {\n  tier team.money\n  consistency strong\n}\n`,
  );
  assert.equal(applyEdits(bText, editsFor(edit, B)), bText.replace('team.payments', 'team.money'));
});

test('renames a data type from a reference, and a region only within its topology', () => {
  const f = fixture(
    `data ledger {\n  consistency strong\n}\ntransaction t { led<|>ger }\ntopology a {\n  region mu<|>mbai\n  region delhi\n  link mumbai <-> delhi 45ms\n}\ntopology b {\n  region mumbai\n}\n`,
  );
  const data = rename(f.s, f.uri, f.at(0), 'book') as WorkspaceEdit;
  assert.equal(
    applyEdits(f.text, editsFor(data, f.uri)).split('\n').slice(0, 4).join('\n'),
    'data book {\n  consistency strong\n}\ntransaction t { book }',
  );
  const region = rename(f.s, f.uri, f.at(1), 'bombay') as WorkspaceEdit;
  assert.match(
    applyEdits(f.text, editsFor(region, f.uri)),
    /region bombay\n  region delhi\n  link bombay <-> delhi 45ms\n}\ntopology b {\n  region mumbai\n/,
  );
});

test('prepareRename gives the name under the cursor', () => {
  const f = fixture(`data <|led<|>ger|> {\n  consistency strong\n}\n`);
  assert.deepEqual(prepareRename(f.s, f.uri, f.at()), { range: f.range(), placeholder: 'ledger' });
  const none = fixture(`data ledger {\n  consis<|>tency strong\n}\n`);
  assert.equal(prepareRename(none.s, none.uri, none.at()), null);
});

test('refuses built-ins, with a message that says what to do instead', () => {
  const f = fixture(`data x {\n  tier rbi.u<|>pi\n  consistency bounded(2s)\n}\n`);
  const message =
    "'rbi.upi' is a built-in tier (builtin:///rbi.consistency) and cannot be renamed. To change it, declare your own tier with another name.";
  assert.deepEqual(prepareRename(f.s, f.uri, f.at()), { error: message });
  assert.deepEqual(rename(f.s, f.uri, f.at(), 'mine'), { error: message });
});

test('refuses unresolved names, invalid names and names already taken; keywords are names like any other', () => {
  const f = fixture(
    `data ledger {\n  consistency strong\n}\ndata le<|>dger2 {\n  consistency strong\n}\ntransaction t { mis<|>sing }\n`,
  );
  assert.deepEqual(rename(f.s, f.uri, f.at(1), 'x'), {
    error: "'missing' is not declared anywhere, so there is nothing to rename.",
  });
  const invalid = (name: string) => ({
    error: `'${name}' is not a valid data type name: use a name such as \`account_balance\` (letters, digits, _ and -).`,
  });
  for (const name of ['2fast', 'p99', 'a b', 'a.b', ''])
    assert.deepEqual(rename(f.s, f.uri, f.at(0), name), invalid(name), name);
  assert.ok(!('error' in rename(f.s, f.uri, f.at(0), 'profile')), 'a keyword is a valid name');
  assert.deepEqual(rename(f.s, f.uri, f.at(0), 'ledger'), {
    error: "A data type named 'ledger' already exists (file:///test.consistency line 1).",
  });
  assert.deepEqual(rename(f.s, f.uri, f.at(0), 'ledger2'), { changes: {} });
});
