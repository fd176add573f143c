// The hand-written scanner against Chevrotain's lexer of the same token definitions (the oracle, as the
// product used it before): identical tokens (type object, image, offsets, lines, columns), comments and
// diagnostics on every policy of the repository (also with CRLF and CR line breaks), the docs' examples,
// thousands of generated inputs, and random slices of them lexed as incremental parsing re-lexes a region.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IToken } from 'chevrotain';
import { tokenize, tokenizeSlice, type LexResult, type SliceStart } from '../../../server/src/core/syntax/lexer';
import { createRng } from '../../../server/src/core/simulate/prng';
import { chevrotainTokenizeSlice } from '../../helpers/chevrotain-lexer';
import { generatedTexts, repositoryTexts } from './lexer-inputs';

const uri = 'file:///differential.consistency';
const whole = (text: string): SliceStart => ({ start: 0, end: text.length, line: 1, column: 1 });

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

/** The first difference between two results, said briefly (undefined when they are the same). */
function difference(got: LexResult, want: LexResult): string | undefined {
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
  const diff = difference(got, want);
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
    const start = rng.int(text.length + 1);
    const end = start + rng.int(text.length - start + 1);
    const head = text.slice(0, start);
    const breaks = head.match(/\r\n|\r|\n/g)?.length ?? 0;
    const column = start - Math.max(head.lastIndexOf('\n'), head.lastIndexOf('\r'));
    const before = tokenize(text, uri)
      .tokens.filter((t) => t.endOffset! < start)
      .pop();
    compare(text, { start, end, line: 1 + breaks, column, before }, `slice ${n}`);
  }
});
