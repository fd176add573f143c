// The product's tokens (server/src/core/syntax/token.ts: offsets only) as Chevrotain's full tokens, with the
// lines and columns the product computes on demand (util/range.ts's LineIndex) in Chevrotain's 1-based
// convention: what the lexer differential compares with Chevrotain's own lexer, so the on-demand positions are
// checked against an outside reference.
import type { IToken } from 'chevrotain';
import type { Token } from '../../server/src/core/syntax/token';
import { LineIndex } from '../../server/src/core/util/range';

/** Chevrotain's nine fields of each token, its line and column from `lines` (the index of the whole text). */
export function chevrotainTokens(tokens: readonly Token[], lines: LineIndex): IToken[] {
  return tokens.map((t) => chevrotainToken(t, lines));
}

export function chevrotainToken(t: Token, lines: LineIndex): IToken {
  const start = lines.position(t.startOffset);
  const end = lines.position(t.endOffset);
  return {
    image: t.image,
    startOffset: t.startOffset,
    endOffset: t.endOffset,
    startLine: start.line + 1,
    endLine: end.line + 1,
    startColumn: start.character + 1,
    endColumn: endsInBreakAfterOthers(t.image) ? 1 : end.character + 1,
    tokenTypeIdx: t.tokenTypeIdx,
    tokenType: t.tokenType,
  };
}

/**
 * Chevrotain's one departure from the position of the last character (lexer_public.js,
 * updateTokenEndLineColumnLocation): a token that ends in a line break after another line break (an unclosed
 * block comment running to the end of a text that ends in one) gets column 1 as its end column, on the line
 * that break ends.
 */
function endsInBreakAfterOthers(image: string): boolean {
  const breaks = image.match(/\r\n|\r|\n/g)?.length ?? 0;
  return breaks > 1 && /[\r\n]$/.test(image);
}

/** The 1-based line and column of `offset`, counted by a regular expression (not LineIndex): the oracle's. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const head = text.slice(0, offset);
  const line = 1 + (head.match(/\r\n|\r|\n/g)?.length ?? 0);
  const column = offset - Math.max(head.lastIndexOf('\n'), head.lastIndexOf('\r'));
  return { line, column };
}
