// Lexer: keywords versus names, hyphenated names, percentiles, comments, currency signs, and the lexing
// errors (unexpected characters, unclosed strings and comments) with their exact ranges and messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { tokenize } from '../../../server/src/core/syntax/lexer';
import { filesUnder } from '../../helpers/files';

const kinds = (text: string) => tokenize(text, 'u').tokens.map((t) => `${t.tokenType.name}:${t.image}`);

test('keywords are whole words; longer words and hyphenated names are identifiers', () => {
  assert.deepEqual(kinds('data dataset read reads write writes to tomorrow'), [
    'Kw_data:data',
    'Identifier:dataset',
    'Kw_read:read',
    'Kw_reads:reads',
    'Kw_write:write',
    'Identifier:writes',
    'Kw_to:to',
    'Identifier:tomorrow',
  ]);
  assert.deepEqual(kinds('profile india-2024 region pune-dc data-x'), [
    'Kw_profile:profile',
    'Identifier:india-2024',
    'Kw_region:region',
    'Identifier:pune-dc',
    'Identifier:data-x',
  ]);
});

test('percentiles, numbers with units, currency signs and operators', () => {
  assert.deepEqual(kinds('p99 p99.9 p50x 45ms ₹5000 $20 1_00_000 <-> <= >= == != < > %'), [
    'Percentile:p99',
    'Percentile:p99.9',
    'Identifier:p50x',
    'NumberLiteral:45',
    'Identifier:ms',
    'CurrencySign:₹',
    'NumberLiteral:5000',
    'CurrencySign:$',
    'NumberLiteral:20',
    'NumberLiteral:1_00_000',
    'Arrow:<->',
    'LessEq:<=',
    'GreaterEq:>=',
    'EqEq:==',
    'NotEq:!=',
    'Less:<',
    'Greater:>',
    'PercentSign:%',
  ]);
  assert.deepEqual(kinds('12 lakh/month'), ['NumberLiteral:12', 'Identifier:lakh', 'Slash:/', 'Identifier:month']);
});

test('comments are kept apart from the tokens', () => {
  const r = tokenize('data a { // line\n /* block\n comment */ consistency strong }', 'u');
  assert.deepEqual(
    r.comments.map((c) => c.image),
    ['// line', '/* block\n comment */'],
  );
  assert.deepEqual(
    r.tokens.map((t) => t.image),
    ['data', 'a', '{', 'consistency', 'strong', '}'],
  );
  assert.deepEqual(r.diagnostics, []);
});

test('an unexpected character is reported on exactly that character', () => {
  const r = tokenize('data a { @ consistency strong }', 'u');
  assert.deepEqual(
    r.diagnostics.map((d) => [d.code, d.range, d.message]),
    [['syntax-unexpected-character', { start: 9, end: 10 }, 'Unexpected character "@".']],
  );
  assert.deepEqual(
    r.tokens.map((t) => t.image),
    ['data', 'a', '{', 'consistency', 'strong', '}'],
  );
  const run = tokenize('data a {} ### x', 'u').diagnostics;
  assert.deepEqual(
    run.map((d) => [d.range, d.message]),
    [[{ start: 10, end: 13 }, 'Unexpected characters "###".']],
  );
});

test('an unclosed string stops at the end of its line and the next line still lexes', () => {
  const text = 'policy "SBI core\ncurrency INR';
  const r = tokenize(text, 'u');
  assert.deepEqual(
    r.diagnostics.map((d) => [d.code, d.range, d.message]),
    [['syntax-unclosed-string', { start: 7, end: 16 }, "String is never closed: add '\"' before the end of the line."]],
  );
  assert.deepEqual(
    r.tokens.map((t) => t.image),
    ['policy', '"SBI core', 'currency', 'INR'],
  );
});

test('an unclosed block comment is reported on its opening /*', () => {
  const text = 'data a { consistency strong }\n/* never closed\ndata b {}';
  const r = tokenize(text, 'u');
  assert.deepEqual(
    r.diagnostics.map((d) => [d.code, d.range, d.message]),
    [['syntax-unclosed-comment', { start: 30, end: 32 }, "Block comment '/*' is never closed with '*/'."]],
  );
  assert.equal(r.tokens.length, 6, 'the comment runs to the end of the text');
});

test('the product builds no Chevrotain lexer (the scanner is hand-written; Chevrotain’s is an oracle)', () => {
  const sources = filesUnder('server/src', '.ts').filter((f) => /new Lexer\b|buildLexer/.test(readFileSync(f, 'utf8')));
  assert.deepEqual(sources, []);
  assert.ok(/new Lexer\(/.test(readFileSync('test/helpers/chevrotain-lexer.ts', 'utf8')), 'the check sees a Lexer');
});
