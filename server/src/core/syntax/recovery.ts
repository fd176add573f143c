// Error recovery as Chevrotain's CstParser does it (recoverable.js, recognizer_engine.js), for the
// hand-written parser (descent.ts): the same follow sets (recovery.generated.ts, computed from the grammar) and
// the same three moves, so both recover the same way from the same mistake:
// - a missing token is supposed inserted when the token found may follow it in the rules being read, and an
//   extra token is skipped when the one after it is the expected one (single-token insertion and deletion);
// - a repetition followed by a known token (`{ … }`, `( … )`) skips what it cannot read up to the next item or
//   that token, when either comes before anything an enclosing rule could continue with;
// - otherwise the error goes up the rules until one whose follow set holds the first token that any of them
//   can continue with; that rule skips to it and ends there (the top rule skips to the end of the input).
import type { Token } from './token';
import { rests } from './recovery.generated';
import { EOF, EOF_TOKEN, matches, tkNamed, type Tk } from './token-match';

interface Rest {
  /** The token types that may come next in the rule. */
  first: Tk[];
  /** Whether the rest of the rule may be empty (what follows the rule may then come next). */
  nullable: boolean;
}

const parsed = new Map<string, Rest | undefined>();

/** What may follow occurrence `site` (`RBrace#0`, `quantity#2`) in `rule`, undefined for an unknown site. */
function restOf(rule: string, site: string): Rest | undefined {
  const key = `${rule} ${site}`;
  if (parsed.has(key)) return parsed.get(key);
  const text = rests[rule]?.[site];
  const names = text === undefined ? [] : text.split(' ').filter((n) => n !== '');
  const rest =
    text === undefined
      ? undefined
      : { first: names.filter((n) => n !== '?').map(tkNamed), nullable: names.includes('?') };
  parsed.set(key, rest);
  return rest;
}

export abstract class Recovery {
  protected toks: Token[] = [];
  protected n = 0;
  /** The index of the last token read (-1 before the first). */
  protected pos = -1;
  /** The rules being read, outermost first, and the occurrence each was called as in the one before it. */
  protected rules: string[] = [];
  protected sites: number[] = [];

  abstract la(k: number): Token;
  protected abstract saveMismatch(expected: Tk, token: Token): void;

  /** Chevrotain's SKIP_TOKEN: past the next token (never past the last), then the token now next. */
  protected skip(): Token {
    if (this.pos > this.n - 2) return EOF_TOKEN;
    this.pos++;
    return this.la(1);
  }

  /** Where rule `d` of the stack was called: its site in the rule before it. */
  private callSite(d: number): Rest {
    return restOf(this.rules[d - 1], `${this.rules[d]}#${this.sites[d]}`)!;
  }

  /** Single-token insertion: the next token may follow occurrence `idx` of `t` in the rules being read. */
  protected canInsert(t: Tk, idx: number): boolean {
    let d = this.rules.length - 1;
    let rest = restOf(this.rules[d], `${t.name}#${idx}`);
    const next = this.la(1);
    while (rest) {
      if (rest.first.some((f) => matches(next, f))) return true;
      if (!rest.nullable || d === 0) return false;
      rest = this.callSite(d--);
    }
    return false;
  }

  /** Re-sync at the end of the current rule: true when it skipped to a token that may follow it. */
  protected resynced(): boolean {
    const type = this.resyncType();
    const d = this.rules.length - 1;
    const here = d === 0 ? [EOF] : this.callSite(d).first;
    if (!here.includes(type)) return false;
    while (!matches(this.la(1), type)) this.skip();
    return true;
  }

  /** The type of the first token ahead that any rule being read can continue with (EOF at the end). */
  private resyncType(): Tk {
    const follows = [EOF];
    for (let d = 1; d < this.rules.length; d++) follows.push(...this.callSite(d).first);
    for (let k = 1; ; k++) {
      const token = this.la(k);
      const type = follows.find((f) => matches(token, f));
      if (type) return type;
    }
  }

  /** After a repetition that stopped before `after` (its occurrence `afterIdx`): when neither single-token
   *  recovery nor a re-sync point comes first, skips up to where the repetition can go on (`more`; true: read
   *  on) or to `after` itself, and reports the mismatch at the first token skipped. */
  protected repetitionRecovery(after: Tk, afterIdx: number, more: (p: this) => boolean): boolean {
    if (matches(this.la(1), after)) return false;
    if (this.canInsert(after, afterIdx) || matches(this.la(2), after)) return false;
    const type = this.resyncType();
    const saved = this.pos;
    const first = this.la(1);
    let current = first;
    for (;;) {
      if (matches(current, after)) {
        this.saveMismatch(after, first);
        return false;
      }
      if (more(this)) {
        this.saveMismatch(after, first);
        return true;
      }
      if (matches(current, type)) break;
      current = this.skip();
    }
    this.pos = saved;
    return false;
  }
}
