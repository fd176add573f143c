// Turns text into tokens; comments are kept in their own group, lexing errors become diagnostics.
// The scanning itself is hand-written (scan.ts): no Chevrotain Lexer is built at start-up. The Chevrotain
// lexer of the same token definitions is the tests' oracle (test/helpers/chevrotain-lexer.ts).
import { diagnostic, type Diagnostic } from '../diagnostic';
import { scan, type ScanRange } from './scan';
import type { Token } from './token';

export interface LexResult {
  tokens: Token[];
  comments: Token[];
  diagnostics: Diagnostic[];
}

export function tokenize(text: string, uri: string): LexResult {
  return tokenizeSlice(text, uri, { start: 0, end: text.length });
}

/** Where a slice of the text starts and ends (offsets), and the token before it. */
export type SliceStart = ScanRange;

/**
 * Tokens of `text` from `at.start` to `at.end` with the offsets they have in the whole text, as `tokenize`
 * finds them there when a token boundary falls on both ends (incremental parsing re-lexes one region).
 * Identifiers that spell a keyword come out as that keyword (scan.ts).
 */
export function tokenizeSlice(text: string, uri: string, at: SliceStart): LexResult {
  const { tokens, comments, errors, unclosedComment, unclosedStrings } = scan(text, at);
  const diagnostics: Diagnostic[] = [];
  for (const e of errors) {
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
  if (unclosedComment) {
    diagnostics.push(
      diagnostic({
        code: 'syntax-unclosed-comment',
        uri,
        range: { start: unclosedComment.startOffset, end: unclosedComment.startOffset + 2 },
        message: "Block comment '/*' is never closed with '*/'.",
      }),
    );
  }
  for (const t of unclosedStrings) {
    diagnostics.push(
      diagnostic({
        code: 'syntax-unclosed-string',
        uri,
        range: { start: t.startOffset, end: t.startOffset + t.image.length },
        message: "String is never closed: add '\"' before the end of the line.",
      }),
    );
  }
  return { tokens, comments, diagnostics };
}
