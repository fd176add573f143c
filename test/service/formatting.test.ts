// Formatting: golden before/after cases, idempotence, and on every sample the token and comment sequence
// unchanged; refusal on syntax errors; the LSP edit covers only what changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenize } from '../../server/src/core/syntax/lexer';
import { parseDocument } from '../../server/src/core/syntax/parse';
import { formatDocument, formatting } from '../../server/src/service/formatting';
import { applyEdits, fixture } from './helpers';
import { filesUnder } from '../helpers/files';

const format = (text: string) => formatDocument(parseDocument(text, 'file:///f.consistency'));
const golden = 'test/service/formatting';

for (const name of readdirSync(golden).filter((n) => n.endsWith('.before.consistency'))) {
  test(`golden: ${name}`, () => {
    const before = readFileSync(join(golden, name), 'utf8');
    const after = readFileSync(join(golden, name.replace('.before.', '.after.')), 'utf8');
    assert.equal(format(before), after);
    assert.equal(format(after), after, 'the formatted text is a fixed point');
  });
}

/** Token images and comments (trailing blanks aside) in order. */
function lexemes(text: string): string[] {
  const { tokens, comments } = tokenize(text, 'file:///f.consistency');
  return [...tokens, ...comments].sort((a, b) => a.startOffset - b.startOffset).map((t) => t.image.trimEnd());
}

const samples = filesUnder('samples', '.consistency');

for (const path of samples) {
  test(`sample: ${path} keeps every token and comment, idempotently`, () => {
    const text = readFileSync(path, 'utf8');
    const out = format(text);
    if (out === undefined) {
      assert.ok(
        parseDocument(text, 'file:///f').diagnostics.some((d) => d.code.startsWith('syntax-')),
        'only syntax errors refuse',
      );
      return;
    }
    assert.deepEqual(lexemes(out), lexemes(text));
    assert.equal(format(out), out);
  });
}

/** The sample's tokens and comments with random white space between them (a line break after `//`). */
function reflow(text: string, seed: number): string {
  const { tokens, comments } = tokenize(text, 'file:///f.consistency');
  const all = [...tokens, ...comments].sort((a, b) => a.startOffset - b.startOffset);
  let x = seed;
  const next = () => ((x = (x * 1103515245 + 12345) % 2147483648), x / 2147483648);
  return all
    .map((t, i) => {
      const prev = all[i - 1];
      if (!prev) return t.image;
      const sep = prev.image.startsWith('//') ? '\n' : [' ', '\n', '\n\n\n', '   ', '\t'][Math.floor(next() * 5)];
      return sep + t.image;
    })
    .join('');
}

test('samples reflowed at random format to the same tokens and comments, idempotently', () => {
  for (const path of samples) {
    const text = readFileSync(path, 'utf8');
    if (format(text) === undefined) continue;
    for (const seed of [1, 2, 3]) {
      const out = format(reflow(text, seed));
      assert.ok(out !== undefined, `${path} seed ${seed}`);
      assert.deepEqual(lexemes(out), lexemes(text), `${path} seed ${seed}`);
      assert.equal(format(out), out, `${path} seed ${seed}`);
    }
  }
});

test('clean samples are already canonical except for several properties on one line', () => {
  const changed = samples
    .filter((p) => p.includes('/clean/'))
    .filter((p) => format(readFileSync(p, 'utf8')) !== readFileSync(p, 'utf8'));
  assert.deepEqual(changed, ['samples/clean/zomato-order-tracking.consistency']);
});

test('refuses a document with syntax errors: no edits', () => {
  const f = fixture('data x {\n  consistency strong\n  latency write p99 <= )\n}\n');
  assert.equal(formatDocument(f.s.document(f.uri)!), undefined);
  assert.deepEqual(formatting(f.s, f.uri), []);
});

test('one minimal edit; CRLF line ends are kept; already formatted text gives no edit', () => {
  const f = fixture('data x {\r\n  consistency   strong\r\n}\r\n');
  const edits = formatting(f.s, f.uri);
  assert.deepEqual(edits, [
    { range: { start: { line: 1, character: 14 }, end: { line: 1, character: 16 } }, newText: '' },
  ]);
  assert.equal(applyEdits(f.text, edits), 'data x {\r\n  consistency strong\r\n}\r\n');
  const done = fixture('data x {\n  consistency strong\n}\n');
  assert.deepEqual(formatting(done.s, done.uri), []);
});

test('edge cases: empty text, only comments, no final newline, empty blocks', () => {
  assert.equal(format(''), '');
  assert.equal(format('// only\n\n\n/* comments */'), '// only\n\n/* comments */\n');
  assert.equal(format('data x {}\ndata y {\n\n}'), 'data x {}\ndata y {}\n');
});

test('a store declaration keeps its names, one space after each comma', () => {
  assert.equal(
    format('store   dynamodb ,postgres\n  data a {   consistency eventual }\n')?.split('\n')[0],
    'store dynamodb, postgres',
  );
});
