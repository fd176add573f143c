// The hand-written scanner: one pass over the character codes, no regular expression and no Lexer object to
// build at start-up. It emits exactly the tokens the token definitions in tokens.ts describe, with the
// positions, comment group and error runs Chevrotain's lexer gives them (test/core/syntax/lexer-differential
// compares the two on the samples, the docs and thousands of generated inputs).
import type { IToken, TokenType } from 'chevrotain';
import { allKeywordNames, kw, nameKw } from './tokens';
import * as T from './tokens';

/** A run of characters no token starts with (offset in the whole text, length). */
export interface LexError {
  offset: number;
  length: number;
}

export interface Scanned {
  tokens: IToken[];
  comments: IToken[];
  errors: LexError[];
  /** The unclosed strings and the unclosed comment, in text order, for their diagnostics. */
  unclosedStrings: IToken[];
  unclosedComment: IToken | undefined;
}

/** Where scanning starts and stops, the 1-based line and column at the start, and the token before it. */
export interface ScanRange {
  start: number;
  end: number;
  line: number;
  column: number;
  before?: IToken;
}

// Keywords are Identifiers retyped where they are emitted: the reserved ones to their keyword-and-name type,
// except at a line start after a name-taking keyword (lexer.ts), the soft ones to their keyword type.
const keywordByImage = new Map<string, TokenType>(allKeywordNames.map((n) => [n, kw(n)]));
const nameKeywordByImage = new Map<string, TokenType>();
for (const n of allKeywordNames) {
  const t = nameKw(n);
  if (t) nameKeywordByImage.set(n, t);
}
/**
 * Keywords whose next word is a name (`topology india`, `data profile`). A keyword that starts a line right
 * after one of these ended the previous line is not taken as its name: `topology` with its name missing,
 * then `tier rbi.upi` on the next line, is a missing name, not a topology called `tier`.
 */
const takesName = new Set(['topology', 'tier', 'category', 'primary', 'region', 'city', 'link', 'data', 'transaction']);

/** The token type of each single-character token, by character code. */
const single: (TokenType | undefined)[] = [];
for (const [ch, t] of [
  ['{', T.LBrace],
  ['}', T.RBrace],
  ['(', T.LParen],
  [')', T.RParen],
  [',', T.Comma],
  ['.', T.Dot],
  ['%', T.PercentSign],
  ['-', T.Minus],
  ['|', T.Pipe],
  ['$', T.CurrencySign],
] as const)
  single[ch.charCodeAt(0)] = t;
const RUPEE = 0x20b9;

const isDigit = (c: number) => c >= 48 && c <= 57;
/** [A-Za-z_] */
const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
/** [A-Za-z0-9_] */
const isWord = (c: number) => isLetter(c) || isDigit(c);
/** The WhiteSpace token's characters: [ \t\r\n\f\v\u00a0\ufeff]. */
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0xfeff;
/** What `.` in a regular expression does not match. */
const isLineTerminator = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

/** Tokens, comments and lexing errors of `text` from `r.start` to `r.end`, positioned in the whole text. */
export function scan(text: string, r: ScanRange): Scanned {
  const end = r.end;
  /** The character code at `k`, or -1 past the end of the range. */
  const at = (k: number) => (k < end ? text.charCodeAt(k) : -1);
  const tokens: IToken[] = [];
  const comments: IToken[] = [];
  const errors: LexError[] = [];
  const unclosedStrings: IToken[] = [];
  let unclosedComment: IToken | undefined;
  let line = r.line;
  let column = r.column;
  let prev = r.before;

  /** A token from `i` to `j` (exclusive) on the current line, the column moved past it. */
  const make = (type: TokenType, i: number, j: number): IToken => {
    const n = j - i;
    const t: IToken = {
      image: text.substring(i, j),
      startOffset: i,
      endOffset: j - 1,
      startLine: line,
      endLine: line,
      startColumn: column,
      endColumn: column + n - 1,
      tokenTypeIdx: type.tokenTypeIdx!,
      tokenType: type,
    };
    column += n;
    return t;
  };
  /** Counts the line breaks (\n, \r\n, \r) from `i` to `j` (the column already past it): moves line and
   *  column to the next line's, and the end of the token `t` if it spans lines. */
  const lines = (i: number, j: number, t?: IToken) => {
    let count = 0;
    let last = -1;
    for (let k = i; k < j; k++) {
      const c = text.charCodeAt(k);
      if (c === 10 || c === 13) {
        if (c === 13 && k + 1 < j && text.charCodeAt(k + 1) === 10) k++;
        count++;
        last = k;
      }
    }
    if (count === 0) return;
    line += count;
    column = j - last;
    const endsInBreak = last === j - 1;
    // A token ending in its only line break keeps its end on its first line, as Chevrotain places it.
    if (t && !(count === 1 && endsInBreak)) {
      t.endLine = endsInBreak ? line - 1 : line;
      t.endColumn = endsInBreak ? column : column - 1;
    }
  };
  const push = (t: IToken) => {
    tokens.push(t);
    prev = t;
  };
  /** Does some token start at `k`? (Where a run of unexpected characters ends.) */
  const startsToken = (k: number) => {
    const c = text.charCodeAt(k);
    if (isWord(c) || isSpace(c) || single[c] !== undefined || c === RUPEE) return true;
    if (c === 47 || c === 34 || c === 60 || c === 62) return true; // / " < >
    return (c === 61 || c === 33) && at(k + 1) === 61; // == !=
  };

  let i = r.start;
  while (i < end) {
    const c = text.charCodeAt(i);
    let j = i + 1;
    if (isSpace(c)) {
      while (isSpace(at(j))) j++;
      column += j - i;
      lines(i, j);
    } else if (isLetter(c)) {
      j = identifierEnd(i);
      const p = c === 112 ? percentileEnd(i) : -1; // p
      // Percentile's longer alternative is Identifier: taken only when it is longer.
      if (p >= j) {
        push(make(T.Percentile, i, p));
        j = p;
      } else push(identifier(i, j));
    } else if (isDigit(c)) {
      while (isDigit(at(j))) j++;
      while (at(j) === 95 && isDigit(at(j + 1))) for (j += 2; isDigit(at(j)); ) j++;
      if (at(j) === 46 && isDigit(at(j + 1))) for (j += 2; isDigit(at(j)); ) j++;
      push(make(T.NumberLiteral, i, j));
    } else if (single[c] !== undefined || c === RUPEE) {
      push(make(single[c] ?? T.CurrencySign, i, j));
    } else if (c === 47) {
      j = comment(i);
    } else if (c === 34) {
      j = string(i);
    } else if (c === 60 || c === 62) {
      // <-> <= >= < >
      if (c === 60 && at(j) === 45 && at(j + 1) === 62) push(make(T.Arrow, i, (j += 2)));
      else if (at(j) === 61) push(make(c === 60 ? T.LessEq : T.GreaterEq, i, ++j));
      else push(make(c === 60 ? T.Less : T.Greater, i, j));
    } else if ((c === 61 || c === 33) && at(j) === 61) {
      push(make(c === 61 ? T.EqEq : T.NotEq, i, ++j));
    } else {
      while (j < end && !startsToken(j)) j++;
      errors.push({ offset: i, length: j - i });
      column += j - i;
    }
    i = j;
  }
  return { tokens, comments, errors, unclosedStrings, unclosedComment };

  /** [A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)* */
  function identifierEnd(i: number): number {
    let j = i + 1;
    while (isWord(at(j))) j++;
    while (at(j) === 45 && isWord(at(j + 1))) for (j += 2; isWord(at(j)); ) j++;
    return j;
  }

  /** Where p\d+(?:\.\d+)?(?![A-Za-z0-9_]) matching at `i` ends, or -1. */
  function percentileEnd(i: number): number {
    let d = i + 1;
    while (isDigit(at(d))) d++;
    if (d === i + 1) return -1;
    if (at(d) === 46 && isDigit(at(d + 1))) {
      let f = d + 2;
      while (isDigit(at(f))) f++;
      // With its fraction only if no word character follows; else the whole part alone, before the '.'.
      return isWord(at(f)) ? d : f;
    }
    return isWord(at(d)) ? -1 : d;
  }

  /** An Identifier, retyped when it spells a keyword. */
  function identifier(i: number, j: number): IToken {
    const before = prev;
    const t = make(T.Identifier, i, j);
    const k = keywordByImage.get(t.image);
    if (!k) return t;
    const asName = nameKeywordByImage.get(t.image);
    const afterNameKeyword = before !== undefined && takesName.has(before.image) && before.tokenType !== T.Identifier;
    const lineStartAfterNameKeyword = afterNameKeyword && before.startLine! < t.startLine!;
    const type = asName && !lineStartAfterNameKeyword ? asName : k;
    t.tokenType = type;
    t.tokenTypeIdx = type.tokenTypeIdx!;
    return t;
  }

  /** A line comment, block comment (closed or not) or a slash at `i`; returns where it ends. */
  function comment(i: number): number {
    const next = at(i + 1);
    if (next === 47) {
      let j = i + 2;
      for (let c = at(j); c !== -1 && c !== 10 && c !== 13; c = at(j)) j++;
      comments.push(make(T.LineComment, i, j));
      return j;
    }
    if (next !== 42) {
      push(make(T.Slash, i, i + 1));
      return i + 1;
    }
    const close = text.indexOf('*/', i + 2);
    const closed = close >= 0 && close + 2 <= end;
    const j = closed ? close + 2 : end;
    const t = make(closed ? T.BlockComment : T.UnclosedComment, i, j);
    lines(i, j, t);
    comments.push(t);
    if (!closed) unclosedComment = t;
    return j;
  }

  /** A string at `i`, closed on its line or not; returns where it ends. */
  function string(i: number): number {
    let j = i + 1;
    for (;;) {
      const c = at(j);
      if (c === 92 && j + 1 < end && !isLineTerminator(text.charCodeAt(j + 1))) j += 2;
      else if (c === -1 || c === 34 || c === 92 || c === 10 || c === 13) break;
      else j++;
    }
    const closed = at(j) === 34;
    const t = make(closed ? T.StringLiteral : T.UnclosedString, i, closed ? ++j : j);
    push(t);
    if (!closed) unclosedStrings.push(t);
    return j;
  }
}
