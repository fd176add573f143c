// Turns text into tokens; comments are kept in their own group, lexing errors become diagnostics.
import { Lexer, type IToken, type TokenType } from 'chevrotain';
import type { Diagnostic } from '../diagnostic';
import { allKeywordNames, allTokens, Identifier, Keyword, kw, UnclosedComment, UnclosedString } from './tokens';

// Keywords are lexed as identifiers and retyped afterwards: one Identifier match instead of trying every
// keyword that shares the first character (each with its own lookahead and longer_alt retry). The same
// tokens come out: a keyword pattern matches exactly where an Identifier match is that keyword's spelling.
const keywordByImage = new Map(allKeywordNames.map((n) => [n as string, kw(n)]));
const keywordTypes = new Set<TokenType>([Keyword, ...keywordByImage.values()]);
const lexer = new Lexer(
  allTokens.filter((t) => !keywordTypes.has(t)),
  { positionTracking: 'full', ensureOptimizations: true },
);

export interface LexResult {
  tokens: IToken[];
  comments: IToken[];
  diagnostics: Diagnostic[];
}

export function tokenize(text: string, uri: string): LexResult {
  const result = lexer.tokenize(text);
  for (const t of result.tokens) {
    if (t.tokenType !== Identifier) continue;
    const k = keywordByImage.get(t.image);
    if (k) {
      t.tokenType = k;
      t.tokenTypeIdx = k.tokenTypeIdx!;
    }
  }
  const comments = result.groups.comments ?? [];
  const diagnostics: Diagnostic[] = [];
  for (const e of result.errors) {
    const ch = text.slice(e.offset, e.offset + e.length);
    diagnostics.push({
      code: 'syntax-unexpected-character',
      severity: 'error',
      uri,
      range: { start: e.offset, end: e.offset + e.length },
      message: `Unexpected character${e.length > 1 ? 's' : ''} ${JSON.stringify(ch)}.`,
    });
  }
  for (const c of comments) {
    if (c.tokenType === UnclosedComment) {
      diagnostics.push({
        code: 'syntax-unclosed-comment',
        severity: 'error',
        uri,
        range: { start: c.startOffset, end: c.startOffset + 2 },
        message: "Block comment '/*' is never closed with '*/'.",
      });
    }
  }
  for (const t of result.tokens) {
    if (t.tokenType === UnclosedString) {
      diagnostics.push({
        code: 'syntax-unclosed-string',
        severity: 'error',
        uri,
        range: { start: t.startOffset, end: t.startOffset + t.image.length },
        message: 'String is never closed: add \'"\' before the end of the line.',
      });
    }
  }
  return { tokens: result.tokens, comments, diagnostics };
}
