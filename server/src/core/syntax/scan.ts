// The hand-written scanner: one pass over the character codes, no regular expression and no Lexer object to
// build at start-up. It emits exactly the tokens the token definitions in tokens.ts describe, with the
// offsets, comment group and error runs Chevrotain's lexer gives them (test/core/syntax/lexer-differential
// compares the two on the samples, the docs and thousands of generated inputs, and the lines and columns
// util/range.ts computes from the offsets with Chevrotain's). Tokens keep no line or column (token.ts).
import type { TokenType } from 'chevrotain';
import * as T from './tokens';
import { keywordAt, retype } from './keywords';
import { token, type Token } from './token';
import { hasLineBreak } from '../util/range';

/** A run of characters no token starts with (offset in the whole text, length). */
export interface LexError {
  offset: number;
  length: number;
}

export interface Scanned {
  tokens: Token[];
  comments: Token[];
  errors: LexError[];
  /** The unclosed strings and the unclosed comment, for their diagnostics. */
  unclosedStrings: Token[];
  unclosedComment: Token | undefined;
}

/** Where scanning starts and stops, and the token before the start (a keyword after it may be read as a name
 *  unless a line break comes between). */
export interface ScanRange {
  start: number;
  end: number;
  before?: Token;
}

// Character classes of the first character of a token.
const OTHER = 0;
const SPACE = 1; // [ \t\r\n\f\v\u00a0\ufeff]
const LETTER = 2; // [A-Za-z_]
const DIGIT = 3;
const SINGLE = 4; // a one-character token
const SLASH = 5;
const QUOTE = 6;
const ANGLE = 7; // < >
const EQ_OR_BANG = 8; // = ! (a token only before '=')

const singleType: TokenType[] = [];
const singleImage: string[] = [];
const classOf = new Uint8Array(128);
for (const c of ' \t\r\n\f\v') classOf[c.charCodeAt(0)] = SPACE;
for (let c = 0; c < 128; c++) {
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) classOf[c] = LETTER;
  if (c >= 48 && c <= 57) classOf[c] = DIGIT;
}
const singles = [T.LBrace, T.RBrace, T.LParen, T.RParen, T.Comma, T.Dot, T.PercentSign, T.Minus, T.Pipe];
for (const [ch, t] of singles.map((t, k) => ['{}(),.%-|'[k], t] as const).concat([['$', T.CurrencySign]])) {
  classOf[ch.charCodeAt(0)] = SINGLE;
  singleType[ch.charCodeAt(0)] = t;
  singleImage[ch.charCodeAt(0)] = ch;
}
classOf[47] = SLASH;
classOf[34] = QUOTE;
classOf[60] = classOf[62] = ANGLE;
classOf[61] = classOf[33] = EQ_OR_BANG;
const RUPEE = 0x20b9;

function charClass(c: number): number {
  if (c < 128) return classOf[c];
  return c === 0xa0 || c === 0xfeff ? SPACE : c === RUPEE ? SINGLE : OTHER;
}
const isDigit = (c: number) => c >= 48 && c <= 57;
/** [A-Za-z0-9_] */
const isWord = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57);
/** What `.` in a regular expression does not match. */
const isLineTerminator = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

/** The character code at `k`, or -1 past `end`. */
const code = (text: string, k: number, end: number) => (k < end ? text.charCodeAt(k) : -1);

/** Tokens, comments and lexing errors of `text` from `r.start` to `r.end`, positioned in the whole text. */
export function scan(text: string, r: ScanRange): Scanned {
  const end = r.end;
  // Room for the tokens a policy usually has (one per 6 characters; this bench's policies: one per 6.05),
  // trimmed at the end: pushing one by one grew the array a dozen times, copying it each time.
  const tokens: Token[] = new Array<Token>(Math.ceil((end - r.start) / 5));
  let n = 0;
  const out: Scanned = { tokens, comments: [], errors: [], unclosedStrings: [], unclosedComment: undefined };
  let prev = r.before;
  let i = r.start;
  /** Whether a line break came since `prev` (a keyword that starts a line is not read as the name `prev`
   *  may ask for: keywords.ts). */
  let broke = prev !== undefined && hasLineBreak(text, prev.startOffset + prev.image.length, i);
  while (i < end) {
    const c = text.charCodeAt(i);
    const kind = charClass(c);
    let j = i + 1;
    let t: Token | undefined;
    if (kind === LETTER) {
      j = identifierEnd(text, i, end);
      const p = c === 112 ? percentileEnd(text, i, end) : -1; // p
      // Percentile's longer alternative is Identifier, taken only when it is longer.
      if (p >= j) t = token(T.Percentile, text.substring(i, (j = p)), i);
      else {
        // A keyword's image is its spelling as written in tokens.ts: no substring to allocate.
        const keyword = keywordAt(text, i, j);
        t = token(T.Identifier, keyword?.spelling ?? text.substring(i, j), i);
        if (keyword !== undefined) retype(t, keyword, prev, broke);
      }
    } else if (kind === SPACE) {
      for (j = i; j < end; j++) {
        const d = text.charCodeAt(j);
        if (d === 10 || d === 13) broke = true;
        else if (charClass(d) !== SPACE) break;
      }
    } else if (kind === DIGIT) {
      j = numberEnd(text, i, end);
      t = token(T.NumberLiteral, text.substring(i, j), i);
    } else if (kind === SINGLE) {
      t = c === RUPEE ? token(T.CurrencySign, '₹', i) : token(singleType[c], singleImage[c], i);
    } else if (kind === ANGLE || (kind === EQ_OR_BANG && code(text, j, end) === 61)) {
      t = operator(text, i, end);
      j = i + t.image.length;
    } else if (kind === QUOTE) {
      j = stringEnd(text, i, end);
      const closed = code(text, j, end) === 34;
      if (closed) j++;
      t = token(closed ? T.StringLiteral : T.UnclosedString, text.substring(i, j), i);
      if (!closed) out.unclosedStrings.push(t);
    } else if (kind === SLASH && (code(text, j, end) === 47 || code(text, j, end) === 42)) {
      const note = comment(text, i, end);
      out.comments.push(note);
      if (note.tokenType === T.UnclosedComment) out.unclosedComment = note;
      if (!broke && note.tokenType !== T.LineComment) broke = hasLineBreak(note.image, 0, note.image.length);
      i += note.image.length;
      continue;
    } else if (kind === SLASH) {
      t = token(T.Slash, '/', i);
    } else {
      while (j < end && !startsToken(text, j, end)) j++;
      out.errors.push({ offset: i, length: j - i });
    }
    if (t) {
      tokens[n++] = t; // past the room, the array grows as with push
      prev = t;
      broke = false;
    }
    i = j;
  }
  tokens.length = n;
  return out;
}

/** [A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)* from `i` */
function identifierEnd(text: string, i: number, end: number): number {
  let j = i + 1;
  while (isWord(code(text, j, end))) j++;
  while (code(text, j, end) === 45 && isWord(code(text, j + 1, end))) for (j += 2; isWord(code(text, j, end)); ) j++;
  return j;
}

/** \d+(?:_\d+)*(?:\.\d+)? from `i` */
function numberEnd(text: string, i: number, end: number): number {
  let j = i + 1;
  while (isDigit(code(text, j, end))) j++;
  while (code(text, j, end) === 95 && isDigit(code(text, j + 1, end))) for (j += 2; isDigit(code(text, j, end)); ) j++;
  if (code(text, j, end) === 46 && isDigit(code(text, j + 1, end))) for (j += 2; isDigit(code(text, j, end)); ) j++;
  return j;
}

/** The operator at `i`, which starts with '<' or '>', or is '==' or '!='. */
function operator(text: string, i: number, end: number): Token {
  const c = text.charCodeAt(i);
  const next = code(text, i + 1, end);
  if (c === 61) return token(T.EqEq, '==', i);
  if (c === 33) return token(T.NotEq, '!=', i);
  const less = c === 60;
  if (less && next === 45 && code(text, i + 2, end) === 62) return token(T.Arrow, '<->', i);
  if (next === 61) return less ? token(T.LessEq, '<=', i) : token(T.GreaterEq, '>=', i);
  return less ? token(T.Less, '<', i) : token(T.Greater, '>', i);
}

/** Where p\d+(?:\.\d+)?(?![A-Za-z0-9_]) matching at `i` ends, or -1. */
function percentileEnd(text: string, i: number, end: number): number {
  let d = i + 1;
  while (isDigit(code(text, d, end))) d++;
  if (d === i + 1) return -1;
  if (code(text, d, end) === 46 && isDigit(code(text, d + 1, end))) {
    let f = d + 2;
    while (isDigit(code(text, f, end))) f++;
    // With its fraction only if no word character follows; else the whole part alone, before the '.'.
    return isWord(code(text, f, end)) ? d : f;
  }
  return isWord(code(text, d, end)) ? -1 : d;
}

/** Where a string opened at `i` stops: at its closing quote, or before a line break, a lone '\' or the end. */
function stringEnd(text: string, i: number, end: number): number {
  let j = i + 1;
  for (;;) {
    const c = code(text, j, end);
    if (c === 92 && j + 1 < end && !isLineTerminator(text.charCodeAt(j + 1))) j += 2;
    else if (c === -1 || c === 34 || c === 92 || c === 10 || c === 13) return j;
    else j++;
  }
}

/** Does some token start at `k`? (Where a run of unexpected characters ends.) */
function startsToken(text: string, k: number, end: number): boolean {
  const kind = charClass(text.charCodeAt(k));
  return kind === EQ_OR_BANG ? code(text, k + 1, end) === 61 : kind !== OTHER;
}

/** The line or block comment (closed or not) at `i`, which starts with '//' or '/*'. */
function comment(text: string, i: number, end: number): Token {
  if (text.charCodeAt(i + 1) === 47) {
    let j = i + 2;
    for (let c = code(text, j, end); c !== -1 && c !== 10 && c !== 13; c = code(text, j, end)) j++;
    return token(T.LineComment, text.substring(i, j), i);
  }
  const close = text.indexOf('*/', i + 2);
  const closed = close >= 0 && close + 2 <= end;
  const image = text.substring(i, closed ? close + 2 : end);
  return token(closed ? T.BlockComment : T.UnclosedComment, image, i);
}
