// Property tests (fast-check): random text, token soup and mutations of the samples (tokens and characters
// deleted, inserted, duplicated, swapped) never make analyze() throw, every range it returns lies inside
// the document, and no rule fails on them (no `internal-error`). How fast analysis is: `npm run bench`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { analyze } from '../../server/src/core/pipeline';
import { keywordNames } from '../../server/src/core/syntax/tokens';
import { filesUnder } from '../helpers/files';

const uri = 'file:///property.consistency';

const samples = filesUnder('samples', '.consistency').map((f) => readFileSync(f, 'utf8'));

/** Analyses `text` and checks every range (diagnostics, related information, fix edits) lies inside it. */
function checkRanges(text: string): void {
  const a = analyze([{ uri, text }]);
  const inside = (r: { start: number; end: number }, what: string) =>
    assert.ok(
      Number.isInteger(r.start) && Number.isInteger(r.end) && 0 <= r.start && r.start <= r.end && r.end <= text.length,
      `${what} ${JSON.stringify(r)} outside [0, ${text.length}]`,
    );
  for (const d of a.diagnostics) {
    assert.notEqual(d.code, 'internal-error', d.message);
    assert.equal(d.uri, uri);
    inside(d.range, `${d.code} range`);
    for (const rel of d.related ?? []) if (rel.uri === uri) inside(rel.range, `${d.code} related`);
    for (const f of d.fixes ?? []) for (const e of f.edits) if (e.uri === uri) inside(e.range, `${d.code} fix`);
  }
}

/** Words, operators and quantities of the language, for token soup and insertions. */
const vocabulary = [
  ...keywordNames,
  '{',
  '}',
  '(',
  ')',
  ',',
  '.',
  '/',
  '%',
  '<->',
  '<=',
  '>=',
  '==',
  '!=',
  '<',
  '>',
  '-',
  '₹',
  '$',
  '"x"',
  '"',
  '/*',
  '*/',
  '//',
  'strong',
  'linearizable',
  'session',
  'bounded',
  'eventual',
  'causal',
  'regional',
  'weak',
  'read_your_writes',
  'sync',
  'async',
  'abort',
  'last_writer_wins',
  'merge',
  'union',
  'p99',
  'p50',
  'avg',
  '45ms',
  '2s',
  '15min',
  '99.99%',
  '12',
  'lakh',
  'crore',
  'month',
  'day',
  '35M',
  '5x',
  'amount',
  'load',
  'mumbai',
  'delhi',
  'rbi.upi',
  'rbi.high_value',
  'india',
  'x',
  '0',
  '1_00_000',
  '3.5',
  '\n',
  '@',
  '😀',
];

/** A sample cut into tokens (whitespace kept as tokens), so mutations can work on either level. */
const tokensOf = (text: string) =>
  text.match(/\s+|[A-Za-z_][\w.-]*|\d+(?:[._]\d+)*|\/\/[^\n]*|\/\*|\*\/|<->|[<>=!]=|\S/gu) ?? [];

type Mutation =
  | { kind: 'deleteToken' | 'duplicateToken'; at: number }
  | { kind: 'insertToken'; at: number; token: string }
  | { kind: 'swapTokens'; at: number; with: number }
  | { kind: 'deleteChar' | 'duplicateChar' | 'swapChars'; at: number }
  | { kind: 'insertChar'; at: number; char: string };

const position = fc.nat({ max: 1_000_000 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('deleteToken' as const, 'duplicateToken' as const), at: position }),
  fc.record({ kind: fc.constant('insertToken' as const), at: position, token: fc.constantFrom(...vocabulary) }),
  fc.record({ kind: fc.constant('swapTokens' as const), at: position, with: position }),
  fc.record({
    kind: fc.constantFrom('deleteChar' as const, 'duplicateChar' as const, 'swapChars' as const),
    at: position,
  }),
  fc.record({
    kind: fc.constant('insertChar' as const),
    at: position,
    char: fc.constantFrom(
      '{',
      '}',
      '(',
      ')',
      '"',
      '/',
      '*',
      '<',
      '>',
      '=',
      '%',
      '.',
      ',',
      '-',
      '\n',
      ' ',
      'a',
      '9',
      '₹',
      '@',
      '\u0000',
    ),
  }),
);

function mutate(text: string, m: Mutation): string {
  if (m.kind.endsWith('Char') || m.kind === 'swapChars') {
    if (text.length === 0) return m.kind === 'insertChar' ? m.char : text;
    const i = m.at % text.length;
    switch (m.kind) {
      case 'deleteChar':
        return text.slice(0, i) + text.slice(i + 1);
      case 'duplicateChar':
        return text.slice(0, i + 1) + text.slice(i);
      case 'swapChars':
        return i + 1 < text.length ? text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2) : text;
      case 'insertChar':
        return text.slice(0, i) + m.char + text.slice(i);
    }
  }
  const ts = tokensOf(text);
  if (ts.length === 0) return m.kind === 'insertToken' ? m.token : text;
  const i = m.at % ts.length;
  switch (m.kind) {
    case 'deleteToken':
      ts.splice(i, 1);
      break;
    case 'duplicateToken':
      ts.splice(i, 0, ts[i]);
      break;
    case 'insertToken':
      ts.splice(i, 0, ` ${m.token} `);
      break;
    case 'swapTokens': {
      const j = m.with % ts.length;
      [ts[i], ts[j]] = [ts[j], ts[i]];
      break;
    }
  }
  return ts.join('');
}

test('random text never throws and keeps ranges inside the document', () => {
  fc.assert(fc.property(fc.fullUnicodeString({ maxLength: 400 }), checkRanges), { numRuns: 300 });
  const chars = fc.constantFrom(...'data{}()<->=%₹$"/*\n 0123456789.,_-abcxyz'.split(''));
  fc.assert(fc.property(fc.stringOf(chars, { maxLength: 400 }), checkRanges), { numRuns: 300 });
});

test('token soup never throws and keeps ranges inside the document', () => {
  const soup = fc
    .array(fc.constantFrom(...vocabulary), { maxLength: 120 })
    .chain((ws) => fc.constantFrom(' ', '\n').map((sep) => ws.join(sep)));
  fc.assert(fc.property(soup, checkRanges), { numRuns: 300 });
});

test('mutated samples never throw and keep ranges inside the document', () => {
  const sample = fc.constantFrom(...samples);
  fc.assert(
    fc.property(sample, fc.array(mutation, { minLength: 1, maxLength: 8 }), (text, ms) =>
      checkRanges(ms.reduce(mutate, text)),
    ),
    { numRuns: 400 },
  );
});
