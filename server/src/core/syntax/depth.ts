// A token pre-pass that bounds nesting before the parser sees the tokens (docs/language.md#limits): the
// parser and every walker of the tree recurse once per bracket, so a file may open at most
// `limits.nesting` brackets at once. What lies deeper is dropped (the brackets that open and close it are
// kept, so the construct stays readable) and reported once per file, on the first bracket too deep.
import type { IToken } from 'chevrotain';
import { diagnostic, type Diagnostic } from '../diagnostic';
import { limits } from '../util/limits';

export interface DepthPass {
  /** The tokens to parse: every token at most `limits.nesting` brackets deep. */
  tokens: IToken[];
  diagnostics: Diagnostic[];
}

const opens = new Set(['LBrace', 'LParen']);
const closes = new Set(['RBrace', 'RParen']);

export function boundNesting(tokens: IToken[], uri: string, max: number = limits.nesting): DepthPass {
  const out: IToken[] = [];
  const diagnostics: Diagnostic[] = [];
  let depth = 0;
  let cut: IToken | undefined; // the bracket that went too deep, while its inside is being dropped
  for (const t of tokens) {
    const kind = t.tokenType.name;
    if (opens.has(kind)) depth++;
    if (depth <= max || (depth === max + 1 && !cut && opens.has(kind))) out.push(t);
    if (depth === max + 1 && opens.has(kind) && !cut) cut = t;
    if (closes.has(kind) && depth > 0) {
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

  function report(open: IToken): void {
    if (diagnostics.length > 0) return;
    const end = open.startOffset + open.image.length;
    diagnostics.push(diagnostic({
      code: 'limit-exceeded',
      uri,
      range: { start: open.startOffset, end },
      message:
        `This '${open.image}' opens bracket ${max + 1} of a nesting at most ${max} deep ` +
        `(docs/language.md#limits): what it holds is not read.`,
    }));
  }
}
