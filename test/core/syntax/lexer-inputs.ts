// Inputs for the lexer differential test: every policy the repository holds (samples, corpus, grammar cases,
// fixtures, the fenced examples of the docs), and inputs generated from them by a fixed-seed generator —
// random slices, character-level mutations with the characters a lexer can get wrong (comment and string
// openers, line breaks of every kind, odd white space, emoji, lone surrogates, operators cut short), random
// token soups and random Unicode.
import { readFileSync } from 'node:fs';
import { createRng, type Rng } from '../../../server/src/core/simulate/prng';
import { filesUnder } from '../../helpers/files';

/** The repository's policies and the docs' fenced examples, each with where it comes from. */
export function repositoryTexts(): { name: string; text: string }[] {
  const files = ['samples', 'test'].flatMap((d) => filesUnder(d, '.consistency'));
  const out = files.map((f) => ({ name: f, text: readFileSync(f, 'utf8') }));
  for (const doc of [...filesUnder('docs', '.md'), 'README.md']) {
    const blocks = [...readFileSync(doc, 'utf8').matchAll(/^```[^\n]*\n([\s\S]*?)^```/gm)].map((m) => m[1]);
    blocks.forEach((text, i) => out.push({ name: `${doc} example ${i + 1}`, text }));
  }
  return out;
}

/** Fragments a lexer can get wrong, alone or next to each other. */
const tricky = [
  '/*',
  '*/',
  '//',
  '/',
  '*',
  '"',
  '\\',
  '\\"',
  '"\\',
  '\r\n',
  '\r',
  '\n',
  '\n\r',
  '\t',
  '\f',
  '\v',
  '\u00a0',
  '\ufeff',
  '\u2028',
  '\u2029',
  '\u3000',
  '\0',
  ' ',
  '😀',
  '\ud800',
  '\udc00',
  '₹',
  '$',
  '€',
  '<->',
  '<-',
  '->',
  '<',
  '>',
  '<=',
  '>=',
  '=',
  '==',
  '!',
  '!=',
  '{',
  '}',
  '(',
  ')',
  ',',
  '.',
  '%',
  '-',
  '|',
  '_',
  '@',
  '#',
  'é',
  'p',
  'p9',
  'p99',
  'p99.9',
  'p1.',
  'p1.x',
  'p99.9x',
  'p1-',
  'p1-a',
  'P99',
  '1',
  '1_000',
  '1_',
  '1.',
  '1.5',
  '1.5.5',
  '0x1',
  'ms',
  'x-',
  '-x',
  'a-b',
  'data',
  'tier',
  'topology',
  'region',
  'profile',
  'consistency',
  'for',
  'seed',
  'strong',
  'link',
  'primary',
  'rbi.upi',
  'category',
  'when',
  'data-x',
  '_a',
];

/** A random character: mostly ASCII, sometimes any UTF-16 code unit. */
function randomChar(rng: Rng): string {
  return String.fromCharCode(rng.float() < 0.7 ? 32 + rng.int(95) : rng.int(0x10000));
}

function fragment(rng: Rng): string {
  return rng.float() < 0.75 ? tricky[rng.int(tricky.length)] : randomChar(rng);
}

/** A random slice of `text`, up to 2,000 characters. */
function slice(rng: Rng, text: string): string {
  const from = rng.int(text.length + 1);
  return text.slice(from, from + rng.int(2_000));
}

/** `text` with a few fragments inserted, characters deleted or replaced. */
function mutate(rng: Rng, text: string): string {
  let out = text;
  for (let n = 1 + rng.int(8); n > 0; n--) {
    const at = rng.int(out.length + 1);
    const cut = rng.float() < 0.5 ? rng.int(4) : 0;
    out = out.slice(0, at) + (rng.float() < 0.8 ? fragment(rng) : '') + out.slice(at + cut);
  }
  return out;
}

/** `count` generated inputs, the same ones every run. */
export function generatedTexts(seed: number, count: number, base: string[]): string[] {
  const rng = createRng(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const pick = base[rng.int(base.length)];
    const kind = i % 5;
    if (kind === 0) out.push(slice(rng, pick));
    else if (kind === 1 || kind === 2) out.push(mutate(rng, kind === 1 ? pick : slice(rng, pick)));
    else if (kind === 3) out.push(Array.from({ length: rng.int(60) }, () => fragment(rng)).join(''));
    else out.push(Array.from({ length: rng.int(200) }, () => randomChar(rng)).join(''));
  }
  return out;
}
