// Document symbols (outline) and workspace symbols.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SymbolKind } from 'vscode-languageserver-types';
import { documentSymbols, workspaceSymbols } from '../../server/src/service/symbols';
import { fixture } from './helpers';

const text = `<|topology <|t|> {
  <|region <|mumbai|> { replicas 3 primary }|>
  region delhi
  <|link <|mumbai|> <-> delhi 45ms|>
}|>
<|tier <|team.core|> {
  consistency strong
}|>
<|data <|ledger|> {
  consistency strong
  <|<|when|> amount >= 1 lakh {
    consistency strong
  }|>
}|>
<|transaction <|tx|> { ledger }|>
`;

test('the outline: topologies with regions and links, tiers, data with when branches, transactions', () => {
  const f = fixture(text);
  const r = (n: number) => f.range(n);
  const delhi = { start: { line: 2, character: 2 }, end: { line: 2, character: 14 } };
  const delhiName = { start: { line: 2, character: 9 }, end: { line: 2, character: 14 } };
  assert.deepEqual(documentSymbols(f.s, f.uri), [
    {
      name: 't',
      kind: SymbolKind.Namespace,
      range: r(5),
      selectionRange: r(0),
      children: [
        { name: 'mumbai', kind: SymbolKind.Variable, range: r(2), selectionRange: r(1), detail: '3 replicas, primary' },
        { name: 'delhi', kind: SymbolKind.Variable, range: delhi, selectionRange: delhiName },
        { name: 'mumbai <-> delhi', kind: SymbolKind.Property, range: r(4), selectionRange: r(3), detail: '45ms' },
      ],
    },
    { name: 'team.core', kind: SymbolKind.Interface, range: r(7), selectionRange: r(6), detail: 'strong' },
    {
      name: 'ledger',
      kind: SymbolKind.Struct,
      range: r(11),
      selectionRange: r(8),
      detail: 'strong',
      children: [{ name: 'when amount >= 1 lakh', kind: SymbolKind.Event, range: r(10), selectionRange: r(9) }],
    },
    { name: 'tx', kind: SymbolKind.Function, range: r(13), selectionRange: r(12), detail: 'ledger' },
  ]);
});

test('workspace symbols match the query as a subsequence, built-in tiers included', () => {
  const f = fixture(text.replace(/<\||\|>/g, ''));
  assert.deepEqual(
    workspaceSymbols(f.s, 'rbiupi').map((s) => [s.name, s.location.uri]),
    [['rbi.upi', 'builtin:///rbi.consistency']],
  );
  assert.deepEqual(
    workspaceSymbols(f.s, 'MUM').map((s) => [s.name, s.kind, s.containerName]),
    [['mumbai', SymbolKind.Variable, 't']],
  );
  assert.equal(workspaceSymbols(f.s, '').length, 5 + 6); // five built-in tiers, six declarations here
});

test('scenarios are in the outline with the data types they exercise', () => {
  const f = fixture('data cart {\n  consistency session\n}\nscenario drill {\n  data cart\n  duration 5s\n}\n<|>');
  const syms = documentSymbols(f.s, f.uri);
  assert.deepEqual(
    syms.map((x) => [x.name, x.kind, x.detail]),
    [
      ['cart', SymbolKind.Struct, 'session'],
      ['drill', SymbolKind.Event, 'cart'],
    ],
  );
});
