// A syntax error as the parser (parser.ts) reports it: what kind of mismatch, at which token, what was
// expected, and the rules being read. parse.ts turns it into the message a user reads.
import type { Token } from './token';

/** `mismatch`: a token other than the one expected; `noViableAlt`: no alternative starts with the token;
 *  `earlyExit`: a list that needs one item has none; `notAllInput`: tokens after the last declaration. */
export type ParseErrorKind = 'mismatch' | 'noViableAlt' | 'earlyExit' | 'notAllInput';

export interface ParseError {
  kind: ParseErrorKind;
  /** The token the error is at (the end-of-file token, with NaN offsets, at the end). */
  token: Token;
  /** For `mismatch`: the expected token's label (`'}'`, `a name`) or name (`Identifier`, `EOF`). */
  expected?: string;
  /** The rules being read, outermost first (`file`, `declaration`, `dataDecl`, `block`…). */
  ruleStack: string[];
}
