// Keywords are scanned as Identifiers and retyped as they are emitted: one Identifier match instead of trying
// every keyword that shares the first character. The same tokens come out as from the keyword patterns in
// tokens.ts: a keyword pattern matches exactly where an Identifier match is that keyword's spelling.
import type { TokenType } from 'chevrotain';
import type { Token } from './token';
import { allKeywordNames, Identifier, kw, nameKw } from './tokens';

/** A keyword: its spelling as tokens.ts has it, its token type, and the type it takes where it is a name. */
export interface Keyword {
  spelling: string;
  type: TokenType;
  asName: TokenType | undefined;
}

/** Keywords by shape, `length * 128 + first character` (all are ASCII): a dense array, one read per word. */
const byShape: (Keyword[] | undefined)[] = [];
for (const n of allKeywordNames) {
  const at = n.length * 128 + n.charCodeAt(0);
  while (byShape.length <= at) byShape.push(undefined);
  (byShape[at] ??= []).push({ spelling: n, type: kw(n), asName: nameKw(n) });
}

/** The keyword `text` spells from `i` to `j`, without cutting it out. */
export function keywordAt(text: string, i: number, j: number): Keyword | undefined {
  const first = text.charCodeAt(i);
  if (first >= 128) return undefined;
  const candidates = byShape[(j - i) * 128 + first];
  if (candidates === undefined) return undefined;
  next: for (let c = 0; c < candidates.length; c++) {
    const spelling = candidates[c].spelling;
    for (let k = 1; k < spelling.length; k++) if (text.charCodeAt(i + k) !== spelling.charCodeAt(k)) continue next;
    return candidates[c];
  }
  return undefined;
}

/**
 * Keywords whose next word is a name (`topology india`, `data profile`). A keyword that starts a line right
 * after one of these ended the previous line is not taken as its name: `topology` with its name missing,
 * then `tier rbi.upi` on the next line, is a missing name, not a topology called `tier`.
 */
const takesName = new Set(['topology', 'tier', 'category', 'primary', 'region', 'city', 'link', 'data', 'transaction']);

/** Token `t`, which spells keyword `k` (after the token `before`, on a later line when `newLine`), given the
 *  keyword's type. */
export function retype(t: Token, k: Keyword, before: Token | undefined, newLine: boolean): Token {
  const afterNameKeyword = before !== undefined && takesName.has(before.image) && before.tokenType !== Identifier;
  const lineStartAfterNameKeyword = afterNameKeyword && newLine;
  t.tokenType = k.asName && !lineStartAfterNameKeyword ? k.asName : k.type;
  return t;
}
