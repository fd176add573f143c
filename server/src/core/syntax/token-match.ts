// Token types as the hand-written parser tests them: for each type the set of token type indexes it matches,
// its own and those of the types in its category (tokens.ts: a keyword that may stand for a name matches
// both the keyword and Name; a soft keyword matches Identifier and Name), precomputed once.
import type { TokenType } from 'chevrotain';
import { placeless, type Token } from './token';
import * as T from './tokens';

export interface Tk {
  /** The key of a token of this type in a CST node's children (its type's name). */
  name: string;
  type: TokenType;
  /** `is[tokenTypeIdx]` is 1 when a token of that type index matches this type. */
  is: Uint8Array;
  /** How an error names the type: its label, else its name. */
  label: string;
}

/** The end of the input (the parser reads it past the last token). */
export const EOF_TYPE: TokenType = { name: 'EOF', tokenTypeIdx: 0 } as TokenType;
export const EOF_TOKEN: Token = placeless(EOF_TYPE, false);

const size = Math.max(...T.allTokens.map((t) => t.tokenTypeIdx ?? 0)) + 1;

function tk(type: TokenType): Tk {
  const is = new Uint8Array(size);
  is[type.tokenTypeIdx!] = 1;
  for (const idx of Object.keys(type.categoryMatchesMap ?? {})) is[Number(idx)] = 1;
  const label = typeof type.LABEL === 'string' && type.LABEL !== '' ? type.LABEL : type.name;
  return { name: type.name, type, is, label };
}

/** The grammar's token types by name (a keyword by its keyword type, not the type it has as a name). */
const byName = new Map<string, Tk>();
for (const type of [...T.allKeywordNames.map((n) => T.kw(n)), ...T.allTokens]) {
  if (!byName.has(type.name)) byName.set(type.name, tk(type));
}
export const EOF: Tk = tk(EOF_TYPE);
byName.set('EOF', EOF);

/** The type named `name` in the grammar (`Kw_data`, `Name`, `RBrace`…). */
export function tkNamed(name: string): Tk {
  const t = byName.get(name);
  if (!t) throw new Error(`no token type ${name}`);
  return t;
}

/** Whether `token` matches `t` (its own type or a type in t's category). */
export function matches(token: Token, t: Tk): boolean {
  return token.tokenTypeIdx < size && t.is[token.tokenTypeIdx] === 1;
}

/** Keyword types by spelling, and every other token type of the grammar. */
export const K = Object.fromEntries(T.allKeywordNames.map((n) => [n, tkNamed(`Kw_${n}`)])) as Record<T.KeywordName, Tk>;
export const Name = tkNamed('Name');
export const Identifier = tkNamed('Identifier');
export const StringLiteral = tkNamed('StringLiteral');
export const NumberLiteral = tkNamed('NumberLiteral');
export const Percentile = tkNamed('Percentile');
export const CurrencySign = tkNamed('CurrencySign');
export const PercentSign = tkNamed('PercentSign');
export const Arrow = tkNamed('Arrow');
export const LBrace = tkNamed('LBrace');
export const RBrace = tkNamed('RBrace');
export const LParen = tkNamed('LParen');
export const RParen = tkNamed('RParen');
export const Comma = tkNamed('Comma');
export const Dot = tkNamed('Dot');
export const Slash = tkNamed('Slash');
export const Minus = tkNamed('Minus');
export const Pipe = tkNamed('Pipe');
export const comparators: Tk[] = T.comparators.map((c) => tkNamed(c.name));

/** A type matching any of `types` (for a lookahead that accepts several). */
export function anyOf(...types: Tk[]): Tk {
  const is = new Uint8Array(size);
  for (const t of types) for (let i = 0; i < size; i++) is[i] |= t.is[i];
  const name = types.map((t) => t.name).join('|');
  return { name, type: types[0].type, is, label: name };
}

/** For an LL(1) choice: per token type index, the first of `types` it matches (-1: none). */
export function choice(...types: Tk[]): Int8Array {
  const alt = new Int8Array(size).fill(-1);
  for (let i = 0; i < size; i++) alt[i] = types.findIndex((t) => t.is[i] === 1);
  return alt;
}

/** The alternative of `alt` (from `choice`) the token starts, -1 for none. */
export function altOf(alt: Int8Array, token: Token): number {
  return token.tokenTypeIdx < size ? alt[token.tokenTypeIdx] : -1;
}
