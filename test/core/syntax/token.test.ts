// Tokens keep offsets only (server/src/core/syntax/token.ts): the fields a token holds, its computed end, the
// line it is on computed from the text, how a reparse moves it, and the one thing the scanner still reads
// lines for: a keyword after a keyword that takes a name is that name unless a line break comes between.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize, tokenizeSlice } from '../../../server/src/core/syntax/lexer';
import { parseDocument } from '../../../server/src/core/syntax/parse';
import { shiftToken } from '../../../server/src/core/syntax/shift';
import type { Token } from '../../../server/src/core/syntax/token';
import { kw, nameKw } from '../../../server/src/core/syntax/tokens';
import { LineIndex } from '../../../server/src/core/util/range';

const uri = 'file:///token.consistency';

test('a token holds its image, offset and type only; its end and type index are computed, its line comes from the text', () => {
  const text = 'data a {\r\n  /* two\nlines */ consistency strong // the level\r}';
  const { tokens, comments } = tokenize(text, uri);
  assert.equal(comments.length, 2);
  for (const t of [...tokens, ...comments]) {
    assert.deepEqual(Object.keys(t), ['image', 'startOffset', 'tokenType'], t.image);
    assert.equal(t.tokenTypeIdx, t.tokenType.tokenTypeIdx);
    assert.equal(t.endOffset, t.startOffset + t.image.length - 1, t.image);
    assert.equal(text.slice(t.startOffset, t.endOffset + 1), t.image);
  }
  const lines = new LineIndex(text);
  const at = (image: string) => lines.position([...tokens, ...comments].find((t) => t.image === image)!.startOffset);
  assert.deepEqual(at('consistency'), { line: 2, character: 9 });
  assert.deepEqual(at('}'), { line: 3, character: 0 }, 'a lone \\r ends a line');
});

test('moving a token after an edit moves its offset, and its end with it', () => {
  const t = tokenize('data a {}', uri).tokens[1];
  shiftToken(t, { from: 0, delta: 7 });
  assert.deepEqual([t.image, t.startOffset, t.endOffset], ['a', 12, 12]);
  assert.deepEqual(Object.keys(t), ['image', 'startOffset', 'tokenType']);
});

/** The type the token spelled `image` gets in `text`. */
const typeOf = (text: string, image: string) => tokenize(text, uri).tokens.find((t) => t.image === image)!.tokenType;

test('a keyword after a keyword that takes a name is that name on the same line, a keyword on a later line', () => {
  const asName = nameKw('tier');
  const keyword = kw('tier');
  assert.ok(asName && asName !== keyword);
  assert.equal(typeOf('topology tier', 'tier'), asName);
  assert.equal(typeOf('topology /* a comment */ tier', 'tier'), asName);
  assert.equal(typeOf('topology\n  tier', 'tier'), keyword);
  assert.equal(typeOf('topology\rtier', 'tier'), keyword);
  assert.equal(typeOf('topology // a comment\r\ntier', 'tier'), keyword);
  assert.equal(typeOf('topology /* a comment\non two lines */ tier', 'tier'), keyword, 'the break inside a comment');
});

test('a slice lexed after the token before it sees the line breaks between them', () => {
  const slice = (text: string): Token => {
    const before = tokenize(text, uri).tokens[0];
    const start = text.indexOf('tier');
    return tokenizeSlice(text, uri, { start, end: text.length, before }).tokens[0];
  };
  assert.equal(slice('topology   tier').tokenType, nameKw('tier'));
  assert.equal(slice('topology /* \n */ tier').tokenType, kw('tier'));
  assert.equal(slice('topology\n tier').tokenType, kw('tier'));
});

test('a keyword where a name was expected is said to start a new line after \\n, \\r\\n and a lone \\r', () => {
  for (const eol of ['\n', '\r\n', '\r']) {
    const text = ['data a {', '  topology', '  tier rbi.upi', '}', ''].join(eol);
    const doc = parseDocument(text, uri);
    assert.equal(doc.diagnostics.length, 1, JSON.stringify(eol));
    assert.match(doc.diagnostics[0].message, /^Expected a name but found 'tier', which starts a new line/);
  }
});
