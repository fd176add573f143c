// A token as the scanner makes it and everything after it reads it: its image, its offset in the text and its
// type, nothing more. Its last offset is computed (a getter on the tokens' shared prototype); its line and
// column are never kept: who needs them computes them from the text (util/range.ts's LineIndex), as a
// reparse then only moves offsets. Comments are tokens too. Chevrotain's `IToken` has every required field
// of this one, so Chevrotain's parser (grammar.ts: completion's content assist) reads these tokens unchanged.
import type { TokenType } from 'chevrotain';

export interface Token {
  image: string;
  /** The offset of the first character in the whole text; NaN for a token with no place (`placeless`). */
  startOffset: number;
  /** `tokenType.tokenTypeIdx` (read through the type: see `Scanned`). */
  readonly tokenTypeIdx: number;
  tokenType: TokenType;
  /** The offset of the last character (startOffset + image.length − 1; NaN with no place). */
  readonly endOffset: number;
  /** Set on a token error recovery supposed was there. */
  readonly isInsertedInRecovery?: boolean;
}

/**
 * Scanned tokens: a class of their own, so they share one hidden class whose offset field only ever holds
 * small integers (a NaN stored there once would box every token's offset). Three fields: 48 bytes a token
 * (Chevrotain's nine took 96). The type index is read through the type: a field of its own (8 bytes a token)
 * made the parser's type tests (descent.ts, token-match.ts) about 3% faster on a 5,000-line policy
 * (≈ 0.05 ms), and whole parses no faster measurably.
 */
class Scanned implements Token {
  image: string;
  startOffset: number;
  tokenType: TokenType;

  constructor(type: TokenType, image: string, startOffset: number) {
    this.image = image;
    this.startOffset = startOffset;
    this.tokenType = type;
  }

  get tokenTypeIdx(): number {
    return this.tokenType.tokenTypeIdx!;
  }

  get endOffset(): number {
    return this.startOffset + this.image.length - 1;
  }
}

/** A token of type `type` spelled `image` at `startOffset`. */
export function token(type: TokenType, image: string, startOffset: number): Token {
  return new Scanned(type, image, startOffset);
}

/** A token with no place in the text: the end of the input, or one recovery supposed (`inserted`), as
 *  Chevrotain makes them (an empty image, NaN offsets). A plain object, not a `Scanned` (see above). */
export function placeless(type: TokenType, inserted: boolean): Token {
  const t = { image: '', startOffset: NaN, tokenTypeIdx: type.tokenTypeIdx!, tokenType: type, endOffset: NaN };
  return inserted ? { ...t, isInsertedInRecovery: true } : t;
}
