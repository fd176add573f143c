// Keywords are scanned as Identifiers and retyped as they are emitted: one Identifier match instead of trying
// every keyword that shares the first character. The same tokens come out as from the keyword patterns in
// tokens.ts: a keyword pattern matches exactly where an Identifier match is that keyword's spelling.
import type { TokenType } from 'chevrotain';
import type { Token } from './token';
import { allKeywordNames, Identifier, kw, nameKw } from './tokens';

const keywordByImage = new Map<string, TokenType>(allKeywordNames.map((n) => [n, kw(n)]));
/** Reserved keywords as they are lexed: also names (soft keywords are Identifiers already). */
const nameKeywordByImage = new Map<string, TokenType>();
for (const n of allKeywordNames) {
  const t = nameKw(n);
  if (t) nameKeywordByImage.set(n, t);
}

/** Keyword spellings by length and first character. */
const byShape = new Map<number, string[]>();
for (const n of allKeywordNames) {
  const key = n.length * 0x10000 + n.charCodeAt(0);
  byShape.set(key, [...(byShape.get(key) ?? []), n]);
}

/** The keyword `text` spells from `i` to `j` (as the string tokens.ts has), without cutting it out. */
export function keywordAt(text: string, i: number, j: number): string | undefined {
  const spellings = byShape.get((j - i) * 0x10000 + text.charCodeAt(i));
  if (spellings === undefined) return undefined;
  for (let k = 0; k < spellings.length; k++) if (text.startsWith(spellings[k], i)) return spellings[k];
  return undefined;
}

/**
 * Keywords whose next word is a name (`topology india`, `data profile`). A keyword that starts a line right
 * after one of these ended the previous line is not taken as its name: `topology` with its name missing,
 * then `tier rbi.upi` on the next line, is a missing name, not a topology called `tier`.
 */
const takesName = new Set(['topology', 'tier', 'category', 'primary', 'region', 'city', 'link', 'data', 'transaction']);

/** An Identifier token (after the token `before`, on a later line when `newLine`) given its keyword type when it
 *  spells a keyword. */
export function retype(t: Token, before: Token | undefined, newLine: boolean): Token {
  const k = keywordByImage.get(t.image);
  if (!k) return t;
  const asName = nameKeywordByImage.get(t.image);
  const afterNameKeyword = before !== undefined && takesName.has(before.image) && before.tokenType !== Identifier;
  const lineStartAfterNameKeyword = afterNameKeyword && newLine;
  const type = asName && !lineStartAfterNameKeyword ? asName : k;
  t.tokenType = type;
  return t;
}
