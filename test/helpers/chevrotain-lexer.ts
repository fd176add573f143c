// The Chevrotain lexer of the token definitions in tokens.ts, as the product used it before the hand-written
// scanner (server/src/core/syntax/scan.ts): the oracle the scanner is compared with, and what the grammar
// validity test runs Chevrotain's pattern checks on. Tests only: the product never builds it.
import { Lexer, type IToken, type TokenType } from 'chevrotain';
import type { SliceStart } from '../../server/src/core/syntax/lexer';
import { diagnostic, type Diagnostic } from '../../server/src/core/diagnostic';
import { allKeywordNames, allTokens, Identifier, Keyword, kw, Name, nameKw } from '../../server/src/core/syntax/tokens';
import { UnclosedComment, UnclosedString } from '../../server/src/core/syntax/tokens';
import { ownType, twin } from '../../server/src/core/syntax/grammar-tokens';
import { lineAndColumn } from './chevrotain-tokens';

// Keywords are lexed as identifiers and retyped afterwards (a keyword pattern matches exactly where an
// Identifier match is that keyword's spelling).
const keywordByImage = new Map(allKeywordNames.map((n) => [n as string, kw(n)]));
const nameKeywordByImage = new Map<string, TokenType>();
for (const n of allKeywordNames) {
  const t = nameKw(n);
  if (t) nameKeywordByImage.set(n, t);
}
const keywordTypes = new Set<TokenType>([Keyword, Name, ...keywordByImage.values(), ...nameKeywordByImage.values()]);
const takesName = new Set(['topology', 'tier', 'category', 'primary', 'region', 'city', 'link', 'data', 'transaction']);

/** The lexer's token definitions; `validate` runs Chevrotain's pattern checks and keeps their errors in
 *  `lexerDefinitionErrors` instead of throwing. */
export function buildLexer(validate = false): Lexer {
  // Chevrotain's twins of the types (grammar-tokens.ts); what it lexes is retyped to the types themselves.
  const tokens = allTokens.filter((t) => !keywordTypes.has(t)).map(twin);
  const checks = { skipValidations: !validate, deferDefinitionErrorsHandling: validate };
  return new Lexer(tokens, { positionTracking: 'full', ensureOptimizations: true, ...checks });
}

let lexer: Lexer | undefined;

/** What Chevrotain's lexer gives: its own tokens, with their lines and columns. */
export interface ChevrotainLexResult {
  tokens: IToken[];
  comments: IToken[];
  diagnostics: Diagnostic[];
}

/** `tokenizeSlice` as it was with the Chevrotain lexer: lex the slice, move it into place (to the line and
 *  column a regular expression counts to its start), retype keywords. */
export function chevrotainTokenizeSlice(text: string, uri: string, at: SliceStart): ChevrotainLexResult {
  lexer ??= buildLexer();
  const whole = at.start === 0 && at.end === text.length;
  const result = lexer.tokenize(whole ? text : text.slice(at.start, at.end));
  if (!whole) {
    const { line, column } = lineAndColumn(text, at.start);
    for (const t of result.tokens) place(t, at.start, line, column);
    for (const c of result.groups.comments ?? []) place(c, at.start, line, column);
    for (const e of result.errors) e.offset += at.start;
  }
  for (const t of [...result.tokens, ...(result.groups.comments ?? [])]) t.tokenType = ownType(t.tokenTypeIdx);
  // The token before each, and its line (the slice's `before` has none: counted in the text).
  let prev: { image: string; tokenType: TokenType } | undefined = at.before;
  let prevLine = at.before ? lineAndColumn(text, at.before.startOffset).line : 0;
  for (const t of result.tokens) {
    const before = prev;
    const beforeLine = prevLine;
    prev = t;
    prevLine = t.startLine!;
    if (t.tokenType !== Identifier) continue;
    const k = keywordByImage.get(t.image);
    if (!k) continue;
    const asName = nameKeywordByImage.get(t.image);
    const afterNameKeyword = before !== undefined && takesName.has(before.image) && before.tokenType !== Identifier;
    const lineStartAfterNameKeyword = afterNameKeyword && beforeLine < t.startLine!;
    const type = asName && !lineStartAfterNameKeyword ? asName : k;
    t.tokenType = type;
    t.tokenTypeIdx = type.tokenTypeIdx!;
  }
  const comments = result.groups.comments ?? [];
  const diagnostics: Diagnostic[] = [];
  for (const e of result.errors) {
    const ch = text.slice(e.offset, e.offset + e.length);
    const message = `Unexpected character${e.length > 1 ? 's' : ''} ${JSON.stringify(ch)}.`;
    const range = { start: e.offset, end: e.offset + e.length };
    diagnostics.push(diagnostic({ code: 'syntax-unexpected-character', uri, range, message }));
  }
  for (const c of comments) {
    if (c.tokenType !== UnclosedComment) continue;
    const message = "Block comment '/*' is never closed with '*/'.";
    const range = { start: c.startOffset, end: c.startOffset + 2 };
    diagnostics.push(diagnostic({ code: 'syntax-unclosed-comment', uri, range, message }));
  }
  for (const t of result.tokens) {
    if (t.tokenType !== UnclosedString) continue;
    const message = "String is never closed: add '\"' before the end of the line.";
    const range = { start: t.startOffset, end: t.startOffset + t.image.length };
    diagnostics.push(diagnostic({ code: 'syntax-unclosed-string', uri, range, message }));
  }
  return { tokens: result.tokens, comments, diagnostics };
}

/** A token lexed from a slice moved to its place in the whole text (the slice starts at `start`, `line`,
 *  `column`). */
function place(t: IToken, start: number, line: number, column: number): void {
  t.startOffset += start;
  t.endOffset! += start;
  if (t.startLine === 1) t.startColumn! += column - 1;
  if (t.endLine === 1) t.endColumn! += column - 1;
  t.startLine! += line - 1;
  t.endLine! += line - 1;
}
