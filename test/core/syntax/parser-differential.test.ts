// The hand-written parser (parser.ts, reading into typed nodes, and ast-builder.ts) against the Chevrotain
// grammar it replaces (grammar.ts, the oracle, whose CST the oracle builder in test/helpers/cst-ast turns into
// the AST as the product did before): on every sample, corpus file, prelude and docs example, hundreds of
// generated policies and thousands of mutations of them (DIFFERENTIAL_SCALE=10 for ten times as many; tokens
// deleted, duplicated, swapped, replaced, inserted; lines deleted), both must build the same AST (every key,
// including those left undefined, every range) with the same builder findings in the same order, and report
// the same errors (kind, token, expected token, rule stack) and the same stop.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { IRecognitionException, IToken } from 'chevrotain';
import { AstBuilder as CstAstBuilder } from '../../helpers/cst-ast/ast-builder';
import { AstBuilder } from '../../../server/src/core/syntax/ast-builder';
import { generatePolicy, rng } from '../../../bench/generate';
import { grammarParser } from '../../../server/src/core/syntax/grammar';
import { tokenize } from '../../../server/src/core/syntax/lexer';
import { parseTokens } from '../../../server/src/core/syntax/parser';
import { preludeTexts } from '../../../server/src/core/model/prelude-text.generated';
import { keywordNames } from '../../../server/src/core/syntax/tokens';
import { filesUnder } from '../../helpers/files';
import { chevrotainTokens } from '../../helpers/chevrotain-tokens';
import type { Token } from '../../../server/src/core/syntax/token';
import { LineIndex } from '../../../server/src/core/util/range';

const URI = 'file:///differential.consistency';

/** An AST and the builder's findings as text, every key shown (an undefined one too). */
function shape(ast: unknown, findings: unknown[]): string {
  return JSON.stringify([ast, findings], (_, v: unknown) => (v === undefined ? '<undefined>' : v));
}

const tokenText = (t: IToken | Token | undefined) => (t ? `${t.tokenType.name}@${t.startOffset}:${t.image}` : 'none');

const kinds: Record<string, string> = {
  MismatchedTokenException: 'mismatch',
  NoViableAltException: 'noViableAlt',
  EarlyExitException: 'earlyExit',
  NotAllInputParsedException: 'notAllInput',
};

interface Outcome {
  ast: string;
  errors: string[];
  stoppedAt: string;
}

/** Chevrotain's parser, on the scanner's tokens made Chevrotain's own (every field, lines from the text). */
function oracle(tokens: Token[], text: string): Outcome {
  const parser = grammarParser();
  parser.input = chevrotainTokens(tokens, new LineIndex(text));
  parser.stoppedAt = undefined;
  const cst = parser.file();
  const errors = parser.errors.map((e: IRecognitionException) => {
    const expected = e.name === 'MismatchedTokenException' ? /--> (.*?) <--/.exec(e.message)![1] : '';
    return `${kinds[e.name]} at ${tokenText(e.token)} expected ${expected} in ${e.context.ruleStack.join('>')}`;
  });
  const builder = new CstAstBuilder(URI, text);
  const ast = builder.file(cst);
  return { ast: shape(ast, builder.diagnostics), errors, stoppedAt: tokenText(parser.stoppedAt) };
}

function descent(tokens: Token[], text: string): Outcome {
  const { file, errors, stoppedAt } = parseTokens(tokens);
  const builder = new AstBuilder(URI, text);
  const ast = builder.file(file);
  const texts = errors.map(
    (e) => `${e.kind} at ${tokenText(e.token)} expected ${e.expected ?? ''} in ${e.ruleStack.join('>')}`,
  );
  return { ast: shape(ast, builder.diagnostics), errors: texts, stoppedAt: tokenText(stoppedAt) };
}

/** The first place two strings differ, with some context. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `…${a.slice(Math.max(0, i - 200), i + 100)}\n  vs\n…${b.slice(Math.max(0, i - 200), i + 100)}`;
}

const stats = { inputs: 0, withErrors: 0 };

function same(text: string, what: string, clean = false): void {
  const tokens = tokenize(text, URI).tokens;
  const want = oracle(tokens, text);
  const got = descent(tokens, text);
  stats.inputs++;
  if (want.errors.length > 0) stats.withErrors++;
  if (clean) assert.deepEqual(want.errors, [], `${what} is not a valid policy`);
  const where = `${what}\n--- text ---\n${text.length > 2000 ? `${text.slice(0, 2000)}…` : text}\n`;
  assert.deepEqual(got.errors, want.errors, `errors differ on ${where}`);
  assert.equal(got.stoppedAt, want.stoppedAt, `stop differs on ${where}`);
  if (got.ast !== want.ast) assert.fail(`AST differs on ${where}${firstDifference(got.ast, want.ast)}`);
}

const samples = filesUnder('samples', '.consistency').map((f) => [f, readFileSync(f, 'utf8')] as const);
const corpus = filesUnder('test/corpus', '.consistency').map((f) => [f, readFileSync(f, 'utf8')] as const);
const docs = ['README.md', ...filesUnder('docs', '.md')].flatMap((f) =>
  [...readFileSync(f, 'utf8').matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((m, i) => [`${f} #${i}`, m[1]] as const),
);
const preludes = Object.entries(preludeTexts).map(([name, text]) => [`prelude ${name}`, text] as const);
const valid = [...samples, ...corpus, ...preludes];

test('every sample, corpus file, prelude and docs example parses to the same AST and errors', () => {
  for (const [name, text] of valid) same(text, name, !name.includes('contradictions/syntax-errors'));
  for (const [name, text] of docs) same(text, name);
  assert.ok(valid.length > 50 && docs.length > 10, `${valid.length} files, ${docs.length} docs examples`);
});

/** Inputs per generated test: `npm test`'s share, times DIFFERENTIAL_SCALE for a longer run (e.g. 10). */
const scale = Math.max(1, Number(process.env.DIFFERENTIAL_SCALE ?? 1));
const GENERATED = 600 * scale;
const MUTATIONS = 2000 * scale;

test(`${GENERATED.toLocaleString('en-US')} generated policies (fixed seeds) parse to the same AST, without errors`, () => {
  for (let seed = 1; seed <= GENERATED; seed++) {
    const text = generatePolicy(20 + (seed % 13) * 15, seed);
    same(text, `generatePolicy seed ${seed}`, true);
  }
});

const vocabulary = [
  ...keywordNames,
  ...['{', '}', '(', ')', ',', '.', '/', '%', '<->', '<=', '>=', '==', '<', '|', '-', '$'],
  ...['strong', 'p99', '45ms', '2', '99.9%', 'lognormal', '"s"', 'mumbai', 'x.y', 'in', 'at', 'for', 'source'],
];

/** `text` with one random change at token granularity (or a line deleted), from `next()`. */
function mutate(text: string, next: () => number): string {
  const tokens = tokenize(text, 'file:///m.consistency').tokens;
  if (tokens.length < 2) return `${text} ${vocabulary[Math.floor(next() * vocabulary.length)]}`;
  const i = Math.floor(next() * (tokens.length - 1));
  const t = tokens[i];
  const u = tokens[i + 1];
  const start = t.startOffset;
  const end = t.startOffset + t.image.length;
  const word = vocabulary[Math.floor(next() * vocabulary.length)];
  switch (Math.floor(next() * 6)) {
    case 0:
      return text.slice(0, start) + text.slice(end);
    case 1:
      return `${text.slice(0, end)} ${t.image}${text.slice(end)}`;
    case 2:
      return `${text.slice(0, start)}${u.image} ${t.image}${text.slice(u.startOffset + u.image.length)}`;
    case 3:
      return `${text.slice(0, start)}${word}${text.slice(end)}`;
    case 4:
      return `${text.slice(0, start)}${word} ${text.slice(start)}`;
    default: {
      const lineStart = text.lastIndexOf('\n', start) + 1;
      const lineEnd = text.indexOf('\n', start);
      return text.slice(0, lineStart) + (lineEnd < 0 ? '' : text.slice(lineEnd + 1));
    }
  }
}

test(`${MUTATIONS.toLocaleString('en-US')} mutations (1 to 3 changes each, fixed seeds): the same AST and errors`, () => {
  const bases = [...valid.map(([, text]) => text), ...[1, 2, 3, 4].map((s) => generatePolicy(60, s))];
  const next = rng(13);
  for (let k = 0; k < MUTATIONS; k++) {
    let text = bases[k % bases.length];
    const changes = 1 + Math.floor(next() * 3);
    for (let c = 0; c < changes; c++) text = mutate(text, next);
    same(text, `mutation ${k}`);
  }
  assert.ok(stats.withErrors > MUTATIONS * 0.65, `${stats.withErrors} of ${stats.inputs} inputs had errors`);
});

test('past the error limit both stop at the same token with the same AST', () => {
  const broken = Array.from({ length: 150 }, (_, i) => `data d${i} { consistency }\n`).join('');
  same(broken, '150 broken blocks');
  same('}'.repeat(300), '300 stray braces');
  same(`data a {\n${'  latency read p99 <=\n'.repeat(120)}}`, '120 broken properties');
});

test('token soup (fixed seed) gives the same AST and errors', () => {
  const next = rng(7);
  for (let k = 0; k < 1500; k++) {
    const words = Array.from(
      { length: 5 + Math.floor(next() * 40) },
      () => vocabulary[Math.floor(next() * vocabulary.length)],
    );
    same(words.join(next() < 0.5 ? ' ' : '\n'), `soup ${k}`);
  }
});

test('every token of two samples deleted, doubled or replaced by a name, one at a time, gives the same result', () => {
  for (const [name, text] of samples.filter(([f]) => /upi-wallet|simulation-mistakes/.test(f))) {
    for (const t of tokenize(text, 'file:///d.consistency').tokens) {
      const [start, end] = [t.startOffset, t.startOffset + t.image.length];
      same(text.slice(0, start) + text.slice(end), `${name} without ${tokenText(t)}`);
      same(`${text.slice(0, end)} ${t.image}${text.slice(end)}`, `${name} with ${tokenText(t)} twice`);
      same(`${text.slice(0, start)}zz${text.slice(end)}`, `${name} with ${tokenText(t)} replaced`);
    }
  }
});
