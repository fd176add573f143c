// Go to definition and find references, within a file, across files and into the built-in prelude.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/core/util/range';
import { builtinText, definition } from '../../server/src/service/definition';
import { references } from '../../server/src/service/references';
import { fixture, parseMarkers } from './helpers';

const OTHER = 'file:///other.consistency';

test('a data type named in a transaction goes to its declaration', () => {
  const f = fixture(`data <|ledger|> {\n  consistency strong\n}\ntransaction t { led<|>ger }\n`);
  assert.deepEqual(definition(f.s, f.uri, f.at()), { uri: f.uri, range: f.range() });
});

test('a topology and a region go to their declarations in an imported file', () => {
  const other = parseMarkers(
    'topology <|paytm|> {\n  region <|mumbai|>\n  region delhi\n  link mumbai <-> delhi 45ms\n}\n',
  );
  const f = fixture(
    `import "other.consistency"\ndata x {\n  topology pay<|>tm\n  consistency eventual\n  primary mum<|>bai\n}\n`,
    [{ uri: OTHER, text: other.text }],
  );
  const lines = new LineIndex(other.text);
  const at = (r: { start: number; end: number }) => ({ start: lines.position(r.start), end: lines.position(r.end) });
  assert.deepEqual(definition(f.s, f.uri, f.at(0)), { uri: OTHER, range: at(other.ranges[0]) });
  assert.deepEqual(definition(f.s, f.uri, f.at(1)), { uri: OTHER, range: at(other.ranges[1]) });
});

test('a built-in tier goes into the prelude, whose text the builtinText request returns', () => {
  const f = fixture(`data x {\n  tier rbi.u<|>pi\n  consistency bounded(2s)\n}\n`);
  const loc = definition(f.s, f.uri, f.at());
  assert.equal(loc?.uri, 'builtin:///rbi.consistency');
  const text = builtinText(loc!.uri)!;
  const lines = new LineIndex(text);
  const start = lines.offset(loc!.range.start.line, loc!.range.start.character);
  const end = lines.offset(loc!.range.end.line, loc!.range.end.character);
  assert.equal(text.slice(start, end), 'rbi.upi');
  assert.equal(builtinText('file:///x.consistency'), undefined);
  assert.equal(builtinText('builtin:///nothing.consistency'), undefined);
  assert.equal(
    builtinText('builtin:/rbi.consistency'),
    builtinText('builtin:///rbi.consistency'),
    'the form VS Code prints',
  );
  assert.ok(builtinText('builtin:/rbi.consistency')?.includes('tier rbi.upi'));
});

test('a declaration name goes to itself; unresolved names and keywords go nowhere', () => {
  const f = fixture(
    `data <|le<|>dger|> {\n  consistency strong\n}\ntransaction t { mis<|>sing }\ndata y {\n  consi<|>stency strong\n}\n`,
  );
  assert.deepEqual(definition(f.s, f.uri, f.at(0)), { uri: f.uri, range: f.range() });
  assert.equal(definition(f.s, f.uri, f.at(1)), null);
  assert.equal(definition(f.s, f.uri, f.at(2)), null);
  assert.equal(definition(f.s, 'file:///not-open.consistency', f.at(0)), null);
});

test('references of a tier: the declaration first, then every use in every file that imports it', () => {
  const f = fixture(
    `tier <|team.pay<|>ments|> {\n  consistency strong\n}\ndata a {\n  tier <|team.payments|>\n  consistency strong\n}\n`,
    [
      {
        uri: 'file:///b.consistency',
        text: 'import "test.consistency"\ndata b {\n  tier team.payments\n  consistency strong\n}\n',
      },
      {
        uri: 'file:///c.consistency',
        text: 'tier team.payments { consistency eventual }\ndata c {\n  tier team.payments\n}\n',
      },
    ],
  );
  const b = {
    uri: 'file:///b.consistency',
    range: { start: { line: 2, character: 7 }, end: { line: 2, character: 20 } },
  };
  assert.deepEqual(references(f.s, f.uri, f.at(), true), [
    { uri: f.uri, range: f.range(0) },
    b,
    { uri: f.uri, range: f.range(1) },
  ]);
  assert.deepEqual(references(f.s, f.uri, f.at(), false), [b, { uri: f.uri, range: f.range(1) }]);
});

test('references of a region stay within its topology', () => {
  const f = fixture(
    `topology a {\n  region <|mum<|>bai|>\n  region delhi\n  link <|mumbai|> <-> delhi 45ms\n}\ntopology b {\n  region mumbai\n  region pune\n  link mumbai <-> pune 20ms\n}\ndata x {\n  topology a\n  consistency eventual\n  primary <|mumbai|>\n}\n`,
  );
  assert.deepEqual(
    references(f.s, f.uri, f.at(), true),
    [0, 1, 2].map((i) => ({ uri: f.uri, range: f.range(i) })),
  );
});

test('no references for unresolved names', () => {
  const f = fixture(`transaction t { mis<|>sing }\n`);
  assert.deepEqual(references(f.s, f.uri, f.at(), true), []);
});

test("an import's path goes to the file it names", () => {
  const f = fixture('import "sha<|>red/aws.consistency"\n', [
    { uri: 'file:///shared/aws.consistency', text: 'topology aws { region us-east-1 }\n' },
  ]);
  assert.deepEqual(definition(f.s, f.uri, f.at()), {
    uri: 'file:///shared/aws.consistency',
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  });
});
