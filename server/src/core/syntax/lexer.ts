// Turns text into tokens; comments are kept in their own group, lexing errors become diagnostics.
import { Lexer, type IToken, type TokenType } from 'chevrotain';
import { diagnostic, type Diagnostic } from '../diagnostic';
import { allKeywordNames, allTokens, Identifier, Keyword, kw, Name, nameKw } from './tokens';
import { UnclosedComment, UnclosedString } from './tokens';

// Keywords are lexed as identifiers and retyped afterwards: one Identifier match instead of trying every
// keyword that shares the first character (each with its own lookahead and longer_alt retry). The same
// tokens come out: a keyword pattern matches exactly where an Identifier match is that keyword's spelling.
const keywordByImage = new Map(allKeywordNames.map((n) => [n as string, kw(n)]));
/** Reserved keywords as they are lexed: also names (soft keywords are Identifiers already). */
const nameKeywordByImage = new Map<string, TokenType>();
for (const n of allKeywordNames) {
  const t = nameKw(n);
  if (t) nameKeywordByImage.set(n, t);
}
const keywordTypes = new Set<TokenType>([Keyword, Name, ...keywordByImage.values(), ...nameKeywordByImage.values()]);

/**
 * Keywords whose next word is a name (`topology india`, `data profile`). A keyword that starts a line right
 * after one of these ended the previous line is not taken as its name: `topology` with its name missing,
 * then `tier rbi.upi` on the next line, is a missing name, not a topology called `tier`.
 */
const takesName = new Set(['topology', 'tier', 'category', 'primary', 'region', 'city', 'link', 'data', 'transaction']);
/** The lexer's token definitions; `validate` runs Chevrotain's pattern checks (a test does, the product
 *  skips them at start-up) and keeps their errors in `lexerDefinitionErrors` instead of throwing. */
export function buildLexer(validate = false): Lexer {
  const tokens = allTokens.filter((t) => !keywordTypes.has(t));
  const checks = { skipValidations: !validate, deferDefinitionErrorsHandling: validate };
  return new Lexer(tokens, { positionTracking: 'full', ensureOptimizations: true, ...checks });
}
const lexer = buildLexer();

export interface LexResult {
  tokens: IToken[];
  comments: IToken[];
  diagnostics: Diagnostic[];
}

export function tokenize(text: string, uri: string): LexResult {
  return tokenizeSlice(text, uri, { start: 0, end: text.length, line: 1, column: 1 });
}

/** Where a slice of the text starts (offset, 1-based line and column), where it ends, and the token before it. */
export interface SliceStart {
  start: number;
  end: number;
  line: number;
  column: number;
  before?: IToken;
}

/**
 * Tokens of `text` from `at.start` to `at.end` with the positions they have in the whole text, as `tokenize`
 * finds them there when a token boundary falls on both ends (incremental parsing re-lexes one region).
 */
export function tokenizeSlice(text: string, uri: string, at: SliceStart): LexResult {
  const whole = at.start === 0 && at.end === text.length;
  const result = lexer.tokenize(whole ? text : text.slice(at.start, at.end));
  if (!whole) {
    for (const t of result.tokens) place(t, at);
    for (const c of result.groups.comments ?? []) place(c, at);
    for (const e of result.errors) e.offset += at.start;
  }
  let prev: IToken | undefined = at.before;
  for (const t of result.tokens) {
    const before = prev;
    prev = t;
    if (t.tokenType !== Identifier) continue;
    const k = keywordByImage.get(t.image);
    if (!k) continue;
    const asName = nameKeywordByImage.get(t.image);
    const afterNameKeyword = before !== undefined && takesName.has(before.image) && before.tokenType !== Identifier;
    const lineStartAfterNameKeyword = afterNameKeyword && before.startLine! < t.startLine!;
    const type = asName && !lineStartAfterNameKeyword ? asName : k;
    t.tokenType = type;
    t.tokenTypeIdx = type.tokenTypeIdx!;
  }
  const comments = result.groups.comments ?? [];
  const diagnostics: Diagnostic[] = [];
  for (const e of result.errors) {
    const ch = text.slice(e.offset, e.offset + e.length);
    diagnostics.push(
      diagnostic({
        code: 'syntax-unexpected-character',
        uri,
        range: { start: e.offset, end: e.offset + e.length },
        message: `Unexpected character${e.length > 1 ? 's' : ''} ${JSON.stringify(ch)}.`,
      }),
    );
  }
  for (const c of comments) {
    if (c.tokenType === UnclosedComment) {
      diagnostics.push(
        diagnostic({
          code: 'syntax-unclosed-comment',
          uri,
          range: { start: c.startOffset, end: c.startOffset + 2 },
          message: "Block comment '/*' is never closed with '*/'.",
        }),
      );
    }
  }
  for (const t of result.tokens) {
    if (t.tokenType === UnclosedString) {
      diagnostics.push(
        diagnostic({
          code: 'syntax-unclosed-string',
          uri,
          range: { start: t.startOffset, end: t.startOffset + t.image.length },
          message: "String is never closed: add '\"' before the end of the line.",
        }),
      );
    }
  }
  return { tokens: result.tokens, comments, diagnostics };
}

/** A token lexed from a slice moved to its place in the whole text. */
function place(t: IToken, at: SliceStart): void {
  t.startOffset += at.start;
  t.endOffset! += at.start;
  if (t.startLine === 1) t.startColumn! += at.column - 1;
  if (t.endLine === 1) t.endColumn! += at.column - 1;
  t.startLine! += at.line - 1;
  t.endLine! += at.line - 1;
}
