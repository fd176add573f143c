// The hand-written scanner: one pass over the character codes, no regular expression and no Lexer object to
// build at start-up. It emits exactly the tokens the token definitions in tokens.ts describe, with the
// positions, comment group and error runs Chevrotain's lexer gives them (test/core/syntax/lexer-differential
// compares the two on the samples, the docs and thousands of generated inputs).
import type { IToken, TokenType } from 'chevrotain';
import * as T from './tokens';
import { keywordAt, retype } from './keywords';

/** A run of characters no token starts with (offset in the whole text, length). */
export interface LexError {
  offset: number;
  length: number;
}

export interface Scanned {
  tokens: IToken[];
  comments: IToken[];
  errors: LexError[];
  /** The unclosed strings and the unclosed comment, for their diagnostics. */
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

/**
 * A token on one line: a plain object (its prototype Object.prototype, Chevrotain's fields in its order) made
 * by a constructor of its own, so that it has a hidden class of its own. Made by an object literal, it would
 * share the hidden class of Chevrotain's EOF token, whose NaN positions turn every position field into a
 * boxed number: 96 more bytes per token (bench/lexer.ts prints the allocation).
 */
function Token(this: IToken, type: TokenType, image: string, i: number, line: number, column: number) {
  const n = image.length;
  this.image = image;
  this.startOffset = i;
  this.endOffset = i + n - 1;
  this.startLine = line;
  this.endLine = line;
  this.startColumn = column;
  this.endColumn = column + n - 1;
  this.tokenTypeIdx = type.tokenTypeIdx!;
  this.tokenType = type;
}
Token.prototype = Object.prototype;
const NewToken = Token as unknown as new (...args: Parameters<typeof Token>) => IToken;
const token = (type: TokenType, image: string, i: number, line: number, column: number) =>
  new NewToken(type, image, i, line, column);

/** Tokens, comments and lexing errors of `text` from `r.start` to `r.end`, positioned in the whole text. */
export function scan(text: string, r: ScanRange): Scanned {
  const end = r.end;
  const out: Scanned = { tokens: [], comments: [], errors: [], unclosedStrings: [], unclosedComment: undefined };
  const tokens = out.tokens;
  let line = r.line;
  let column = r.column;
  let prev = r.before;
  let i = r.start;
  while (i < end) {
    const c = text.charCodeAt(i);
    const kind = charClass(c);
    let j = i + 1;
    let t: IToken | undefined;
    if (kind === LETTER) {
      j = identifierEnd(text, i, end);
      const p = c === 112 ? percentileEnd(text, i, end) : -1; // p
      // Percentile's longer alternative is Identifier, taken only when it is longer.
      if (p >= j) t = token(T.Percentile, text.substring(i, (j = p)), i, line, column);
      else {
        // A keyword's image is its spelling as written in tokens.ts: no substring to allocate.
        const spelling = keywordAt(text, i, j);
        t = token(T.Identifier, spelling ?? text.substring(i, j), i, line, column);
        if (spelling !== undefined) retype(t, prev);
      }
    } else if (kind === SPACE) {
      // Line breaks are \n, \r\n and \r, as Chevrotain counts them; the column restarts after the last one.
      let lastBreakEnd = -1;
      for (j = i; j < end; ) {
        const d = text.charCodeAt(j);
        if (d === 10 || d === 13) {
          line++;
          j += d === 13 && j + 1 < end && text.charCodeAt(j + 1) === 10 ? 2 : 1;
          lastBreakEnd = j;
        } else if (charClass(d) === SPACE) j++;
        else break;
      }
      column = lastBreakEnd < 0 ? column + j - i : j - lastBreakEnd + 1;
    } else if (kind === DIGIT) {
      j = numberEnd(text, i, end);
      t = token(T.NumberLiteral, text.substring(i, j), i, line, column);
    } else if (kind === SINGLE) {
      t =
        c === RUPEE
          ? token(T.CurrencySign, '₹', i, line, column)
          : token(singleType[c], singleImage[c], i, line, column);
    } else if (kind === ANGLE || (kind === EQ_OR_BANG && code(text, j, end) === 61)) {
      t = operator(text, i, end, line, column);
      j = i + t.image.length;
    } else if (kind === QUOTE) {
      j = stringEnd(text, i, end);
      const closed = code(text, j, end) === 34;
      if (closed) j++;
      t = token(closed ? T.StringLiteral : T.UnclosedString, text.substring(i, j), i, line, column);
      if (!closed) out.unclosedStrings.push(t);
    } else if (kind === SLASH && (code(text, j, end) === 47 || code(text, j, end) === 42)) {
      const note = comment(text, i, end, line, column);
      out.comments.push(note);
      if (note.tokenType === T.UnclosedComment) out.unclosedComment = note;
      [line, column] = after(note, line, column);
      i += note.image.length;
      continue;
    } else if (kind === SLASH) {
      t = token(T.Slash, '/', i, line, column);
    } else {
      while (j < end && !startsToken(text, j, end)) j++;
      out.errors.push({ offset: i, length: j - i });
    }
    if (t) {
      tokens.push(t);
      prev = t;
    }
    if (kind !== SPACE) column += j - i;
    i = j;
  }
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
function operator(text: string, i: number, end: number, line: number, column: number): IToken {
  const c = text.charCodeAt(i);
  const next = code(text, i + 1, end);
  if (c === 61) return token(T.EqEq, '==', i, line, column);
  if (c === 33) return token(T.NotEq, '!=', i, line, column);
  const less = c === 60;
  if (less && next === 45 && code(text, i + 2, end) === 62) return token(T.Arrow, '<->', i, line, column);
  if (next === 61) return less ? token(T.LessEq, '<=', i, line, column) : token(T.GreaterEq, '>=', i, line, column);
  return less ? token(T.Less, '<', i, line, column) : token(T.Greater, '>', i, line, column);
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
function comment(text: string, i: number, end: number, line: number, column: number): IToken {
  if (text.charCodeAt(i + 1) === 47) {
    let j = i + 2;
    for (let c = code(text, j, end); c !== -1 && c !== 10 && c !== 13; c = code(text, j, end)) j++;
    return token(T.LineComment, text.substring(i, j), i, line, column);
  }
  const close = text.indexOf('*/', i + 2);
  const closed = close >= 0 && close + 2 <= end;
  const image = text.substring(i, closed ? close + 2 : end);
  return token(closed ? T.BlockComment : T.UnclosedComment, image, i, line, column);
}

/**
 * The line and column after a comment, and its end moved to its last line when it spans lines. As Chevrotain
 * places it, a comment ending in its only line break keeps its end on its first line, and one ending in a
 * line break after others ends at column 1 of the line before the next token's.
 */
function after(t: IToken, line: number, column: number): [number, number] {
  const image = t.image;
  let count = 0;
  let last = -1;
  if (t.tokenType !== T.LineComment) {
    for (let k = 0; k < image.length; k++) {
      const c = image.charCodeAt(k);
      if (c !== 10 && c !== 13) continue;
      if (c === 13 && image.charCodeAt(k + 1) === 10) k++;
      count++;
      last = k;
    }
  }
  if (count === 0) return [line, column + image.length];
  const next = image.length - last;
  const endsInBreak = last === image.length - 1;
  if (!(count === 1 && endsInBreak)) {
    t.endLine = endsInBreak ? line + count - 1 : line + count;
    t.endColumn = endsInBreak ? next : next - 1;
  }
  return [line + count, next];
}
