// The hand-written scanner against Chevrotain's lexer of the same token definitions (the oracle, as the
// product used it before): identical tokens (type object, image, offsets), comments and diagnostics on every
// policy of the repository (also with CRLF and CR line breaks), the docs' examples, thousands of generated
// inputs, and random slices of them lexed as incremental parsing re-lexes a region. The scanner's tokens keep
// no line or column: the lines and columns the product computes from their offsets (util/range.ts's
// LineIndex) must be Chevrotain's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IToken } from 'chevrotain';
import { tokenize, tokenizeSlice, type LexResult, type SliceStart } from '../../../server/src/core/syntax/lexer';
import { LineIndex } from '../../../server/src/core/util/range';
import { createRng } from '../../../server/src/core/simulate/prng';
import { chevrotainTokenizeSlice, type ChevrotainLexResult } from '../../helpers/chevrotain-lexer';
import { chevrotainTokens } from '../../helpers/chevrotain-tokens';
import { generatedTexts, repositoryTexts } from './lexer-inputs';

const uri = 'file:///differential.consistency';
const whole = (text: string): SliceStart => ({ start: 0, end: text.length });

const fields = (t: IToken) => [
  t.tokenType.name,
  t.tokenTypeIdx,
  t.image,
  t.startOffset,
  t.endOffset,
  t.startLine,
  t.endLine,
  t.startColumn,
  t.endColumn,
];

/** The scanner's result with its tokens as Chevrotain's, their lines and columns from the text's LineIndex. */
function positioned(got: LexResult, text: string): ChevrotainLexResult {
  const lines = new LineIndex(text);
  const tokens = chevrotainTokens(got.tokens, lines);
  return { tokens, comments: chevrotainTokens(got.comments, lines), diagnostics: got.diagnostics };
}

/** The first difference between two results, said briefly (undefined when they are the same). */
function difference(got: ChevrotainLexResult, want: ChevrotainLexResult): string | undefined {
  for (const group of ['tokens', 'comments'] as const) {
    const n = Math.max(got[group].length, want[group].length);
    for (let i = 0; i < n; i++) {
      const [g, w] = [got[group][i], want[group][i]];
      const same = g && w && g.tokenType === w.tokenType && JSON.stringify(fields(g)) === JSON.stringify(fields(w));
      if (!same || Object.keys(g).sort().join() !== Object.keys(w).sort().join())
        return `${group}[${i}]: got ${JSON.stringify(g && fields(g))}, want ${JSON.stringify(w && fields(w))}`;
    }
  }
  const [g, w] = [JSON.stringify(got.diagnostics), JSON.stringify(want.diagnostics)];
  return g === w ? undefined : `diagnostics: got ${g}, want ${w}`;
}

function compare(text: string, at: SliceStart, name: string): void {
  const want = chevrotainTokenizeSlice(text, uri, at);
  const got = tokenizeSlice(text, uri, at);
  const diff = difference(positioned(got, text), want);
  const where = at.start === 0 && at.end === text.length ? '' : ` (slice ${at.start}–${at.end})`;
  if (diff) assert.fail(`${name}${where}: ${diff}\ninput: ${JSON.stringify(text.slice(0, 400))}`);
}

const repository = repositoryTexts();
const variants = repository.flatMap(({ name, text }) => [
  { name, text },
  { name: `${name} (CRLF)`, text: text.replace(/\n/g, '\r\n') },
  { name: `${name} (CR)`, text: text.replace(/\n/g, '\r') },
]);

test('the repository holds the policies and doc examples the comparison reads', () => {
  const names = repository.map((r) => r.name);
  assert.ok(names.filter((n) => n.startsWith('samples')).length >= 20, 'the samples');
  assert.ok(names.filter((n) => n.startsWith('test/corpus')).length >= 30, 'the corpus');
  assert.ok(names.filter((n) => n.includes('language.md example')).length >= 5, "the language docs' examples");
});

test('the scanner lexes every policy and doc example exactly as the Chevrotain lexer', () => {
  for (const { name, text } of variants) compare(text, whole(text), name);
});

test('the scanner lexes 4,000 generated inputs exactly as the Chevrotain lexer', () => {
  const inputs = generatedTexts(
    13,
    4_000,
    variants.map((v) => v.text),
  );
  inputs.forEach((text, i) => compare(text, whole(text), `generated input ${i}`));
  const all = inputs.join('');
  for (const s of ['/*', '"', '\r\n', '\u00a0', '\ufeff', '😀', '\t', '₹']) assert.ok(all.includes(s), s);
});

test('a slice is lexed as Chevrotain lexes it cut out and moved into place, with the token before it', () => {
  const rng = createRng(1313);
  const texts = [
    ...variants.map((v) => v.text),
    ...generatedTexts(
      31,
      500,
      variants.map((v) => v.text),
    ),
  ];
  for (let n = 0; n < 3_000; n++) {
    const text = texts[rng.int(texts.length)];
    let start = rng.int(text.length + 1);
    // Not between the two characters of a `\r\n` (incremental parsing slices at a token): cut there, the slice
    // starts with a line break of its own that the whole text does not have.
    if (text[start - 1] === '\r' && text[start] === '\n') start++;
    const end = start + rng.int(text.length - start + 1);
    const before = tokenize(text, uri)
      .tokens.filter((t) => t.endOffset < start)
      .pop();
    compare(text, { start, end, before }, `slice ${n}`);
  }
});
