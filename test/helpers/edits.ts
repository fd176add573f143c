// Random edits of a policy text for the incremental-analysis property tests: characters, tokens, whole lines
// and whole declarations inserted, deleted or replaced, at positions fast-check picks (taken modulo the text).
import fc from 'fast-check';
import type { TextChange } from '../../server/src/core/syntax/text-change';

const kinds = [
  'insertChar',
  'deleteChars',
  'replaceToken',
  'deleteToken',
  'insertLine',
  'deleteLine',
  'duplicateDecl',
  'deleteDecl',
] as const;

export interface Edit {
  kind: (typeof kinds)[number];
  at: number;
  len: number;
  word: string;
}

const words = [
  'data',
  'tier',
  'topology',
  'consistency',
  'strong',
  'eventual',
  'session',
  'latency',
  'read',
  'write',
  'p99',
  '<=',
  '45ms',
  '2s',
  '99.99%',
  '{',
  '}',
  '(',
  ')',
  ',',
  '"x"',
  '"',
  '/*',
  '*/',
  '//',
  'x',
  '12',
  'lakh',
  'region',
  'link',
  '<->',
  'replicas',
  'mumbai',
  'delhi',
  'rbi.upi',
  'store',
  'currency',
  'INR',
  'workload',
  '35M/day',
  'budget',
  '@',
  '\r\n',
  '\r',
];
const lines = [
  '',
  '  consistency strong',
  '  latency read p99 <= 200ms',
  '}',
  'data extra {',
  '  tier rbi.upi',
  'currency INR',
  '// a comment',
  '/* block */',
  '  workload 35M/day reads 80%',
  'transaction t { a, b }',
];

export const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom(...kinds),
  at: fc.nat({ max: 1_000_000 }),
  len: fc.integer({ min: 1, max: 4 }),
  word: fc.constantFrom(...words, ...lines),
});

const splice = (t: string, from: number, to: number, s: string) => t.slice(0, from) + s + t.slice(to);

/** The span of the token (or run of spaces) at `at`. */
function tokenAt(t: string, at: number): [number, number] {
  const re = /\s+|[A-Za-z_][\w.-]*|\d+(?:[._]\d+)*|\S/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(t))) if (m.index + m[0].length > at) return [m.index, m.index + m[0].length];
  return [t.length, t.length];
}

/** The start of the line at `at` and the start of the next. */
function lineAt(t: string, at: number): [number, number] {
  const s = t.lastIndexOf('\n', at - 1) + 1;
  const e = t.indexOf('\n', at);
  return [s, e < 0 ? t.length : e + 1];
}

/** A top-level block around `at`: from a line starting with a word to the next line that is `}`. */
function declAt(t: string, at: number): [number, number] {
  const starts = [...t.matchAll(/^[a-z]+ [^\n]*\{\s*$/gmu)].map((m) => m.index!);
  if (starts.length === 0) return lineAt(t, at);
  const s = starts[at % starts.length];
  const close = t.indexOf('\n}', s);
  return [s, close < 0 ? t.length : Math.min(t.length, close + 3)];
}

/** What an edit replaces and with what: [from, to) of `t` becomes the string. */
function spliceOf(t: string, e: Edit): [number, number, string] {
  const at = e.at % (t.length + 1);
  switch (e.kind) {
    case 'insertChar':
      return [at, at, e.word[0] ?? '\n'];
    case 'deleteChars':
      return [at, Math.min(t.length, at + e.len), ''];
    case 'replaceToken':
      return [...tokenAt(t, at), e.word];
    case 'deleteToken':
      return [...tokenAt(t, at), ''];
    case 'insertLine': {
      const [s] = lineAt(t, at);
      return [s, s, `${e.word}\n`];
    }
    case 'deleteLine':
      return [...lineAt(t, at), ''];
    case 'duplicateDecl': {
      const [s, end] = declAt(t, at);
      return [end, end, t.slice(s, end)];
    }
    case 'deleteDecl':
      return [...declAt(t, at), ''];
  }
}

export function applyEdit(t: string, e: Edit): string {
  return splice(t, ...spliceOf(t, e));
}

/** The edited text and the change as an editor reports it (the span replaced, not always the smallest). */
export function editWithChange(t: string, e: Edit): { text: string; change: TextChange } {
  const [from, to, s] = spliceOf(t, e);
  return { text: splice(t, from, to, s), change: { from, oldEnd: to, newEnd: from + s.length } };
}
