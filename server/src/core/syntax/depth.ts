// A token pre-pass that bounds nesting before the parser sees the tokens (docs/language.md#limits): the
// parser and every walker of the tree recurse once per bracket, so a file may open at most
// `limits.nesting` brackets at once. What lies deeper is dropped (the brackets that open and close it are
// kept, so the construct stays readable) and reported once per file, on the first bracket too deep.
import type { Token } from './token';
import { diagnostic, type Diagnostic } from '../diagnostic';
import { limits } from '../util/limits';
import { LBrace, LParen, RBrace, RParen } from './tokens';

export interface DepthPass {
  /** The tokens to parse: every token at most `limits.nesting` brackets deep. */
  tokens: Token[];
  diagnostics: Diagnostic[];
}

const isOpen = (t: Token) => t.tokenType === LBrace || t.tokenType === LParen;
const isClose = (t: Token) => t.tokenType === RBrace || t.tokenType === RParen;

export function boundNesting(tokens: Token[], uri: string, max: number = limits.nesting): DepthPass {
  if (deepest(tokens) <= max) return { tokens, diagnostics: [] }; // the usual case: nothing to drop, no copy
  const out: Token[] = [];
  const diagnostics: Diagnostic[] = [];
  let depth = 0;
  let cut: Token | undefined; // the bracket that went too deep, while its inside is being dropped
  for (const t of tokens) {
    const open = isOpen(t);
    if (open) depth++;
    if (depth <= max || (depth === max + 1 && !cut && open)) out.push(t);
    if (depth === max + 1 && open && !cut) cut = t;
    if (isClose(t) && depth > 0) {
      if (depth === max + 1 && cut) {
        out.push(t);
        report(cut);
        cut = undefined;
      }
      depth--;
    }
  }
  if (cut) report(cut);
  return { tokens: out, diagnostics };

  function report(open: Token): void {
    if (diagnostics.length > 0) return;
    const end = open.startOffset + open.image.length;
    diagnostics.push(
      diagnostic({
        code: 'limit-exceeded',
        uri,
        range: { start: open.startOffset, end },
        message:
          `This '${open.image}' opens bracket ${max + 1} of a nesting at most ${max} deep ` +
          `(docs/language.md#limits): what it holds is not read.`,
      }),
    );
  }
}

/** The most brackets open at once. */
function deepest(tokens: Token[]): number {
  let depth = 0;
  let most = 0;
  for (const t of tokens) {
    if (isOpen(t)) most = Math.max(most, ++depth);
    else if (isClose(t) && depth > 0) depth--;
  }
  return most;
}
