// The machinery of the hand-written recursive-descent parser (parser.ts): reading tokens into the rules'
// typed nodes (nodes.ts), widening each node's place as Chevrotain's CstParser widens its CST nodes' locations,
// and recovering from errors by Chevrotain's rules (docs in recovery.ts), so one mistake gives one error and
// the rest of the file still parses. Rules are plain functions `(p, node) => void` that call these methods
// and keep what they read in their node's fields.
import { limits } from '../util/limits';
import type { Node } from './nodes';
import type { ParseError, ParseErrorKind } from './parse-error';
import { Recovery } from './recovery';
import { EOF, EOF_TOKEN, matches, type Tk } from './token-match';
import { placeless, type Token } from './token';

export type Rule<N extends Node = Node> = (p: Descent, node: N) => void;

/** Thrown from where an error is found up to the rule that re-synchronises (Chevrotain's exceptions). */
export class Fault {
  constructor(readonly error: ParseError) {}
}

export class Descent extends Recovery {
  errors: ParseError[] = [];
  /** The token where reading stopped after `limits.syntaxErrors` errors (docs/language.md#limits). */
  stoppedAt: Token | undefined;

  /** Starts reading `tokens` (the array is not changed). */
  reset(tokens: Token[]): void {
    this.toks = tokens;
    this.n = tokens.length;
    this.pos = -1;
    this.errors = [];
    this.stoppedAt = undefined;
    this.rules.length = 0;
    this.sites.length = 0;
  }

  /** The `k`-th token ahead (1: the next one), the end-of-file token past the last. */
  la(k: number): Token {
    const i = this.pos + k;
    return i < this.n && i >= 0 ? this.toks[i] : EOF_TOKEN;
  }

  /** Whether the next token matches `t`. */
  at(t: Tk): boolean {
    const i = this.pos + 1;
    return i < this.n && t.is[this.toks[i].tokenTypeIdx] === 1;
  }

  /** Whether the `k`-th token ahead matches `t`. */
  atK(k: number, t: Tk): boolean {
    return matches(this.la(k), t);
  }

  /** Reads a token of type `t` (its `idx`-th occurrence in the rule, for recovery) within `node`. */
  consume(node: Node, t: Tk, idx = 0): Token {
    const i = this.pos + 1;
    let token: Token;
    if (i < this.n && t.is[this.toks[i].tokenTypeIdx] === 1) {
      this.pos = i;
      token = this.toks[i];
    } else {
      token = this.consumeRecovering(t, idx);
    }
    widen(node, token.startOffset, token.endOffset);
    return token;
  }

  /** Runs rule `rule` (named `name`, its `idx`-th occurrence in the calling rule) into `node`, which the caller
   *  has already put in its parent's field (what a rule read before an error stays in the tree, as in
   *  Chevrotain's CST); the parent's place widens to the node's even when the error goes on up. A rule may
   *  read into its parent's own node (the parent then spans the same tokens). */
  sub<N extends Node>(parent: Node, node: N, rule: Rule<N>, name: string, idx = 0): N {
    this.rules.push(name);
    this.sites.push(idx);
    try {
      rule(this, node);
    } catch (e) {
      if (!(e instanceof Fault)) throw e;
      if (!this.resynced()) {
        widen(parent, node.start, node.end);
        throw e;
      }
    } finally {
      this.rules.pop();
      this.sites.pop();
    }
    widen(parent, node.start, node.end);
    return node;
  }

  /** Chevrotain's MANY: `body` while `more` says the next tokens start it and it reads something; then, when
   *  `after` (the token the rule reads next, its occurrence `afterIdx`) does not come, repetition recovery. */
  many<N extends Node>(node: N, more: (p: Descent) => boolean, body: Rule<N>, after?: Tk, afterIdx = 0): void {
    for (;;) {
      let progressed = true;
      while (progressed && more(this)) {
        const before = this.pos;
        body(this, node);
        progressed = this.pos > before;
      }
      if (!after || !progressed || this.at(after) || !this.repetitionRecovery(after, afterIdx, more)) return;
    }
  }

  /** Chevrotain's AT_LEAST_ONE: as `many`, but an error when the first item is missing. */
  atLeastOne<N extends Node>(node: N, more: (p: Descent) => boolean, body: Rule<N>): void {
    if (!more(this)) this.fail('earlyExit');
    let progressed = true;
    while (progressed && more(this)) {
      const before = this.pos;
      body(this, node);
      progressed = this.pos > before;
    }
  }

  /** Chevrotain's MANY_SEP: items separated by `sep` when `first` (the first item's lookahead) holds, with
   *  repetition recovery before `after` as for `many`. */
  manySep<N extends Node>(node: N, sep: Tk, first: boolean, item: Rule<N>, after?: Tk, afterIdx = 0): void {
    if (!first) return;
    item(this, node);
    for (;;) {
      while (this.at(sep)) {
        this.consume(node, sep);
        item(this, node);
      }
      if (!after || this.at(after) || !this.repetitionRecovery(after, afterIdx, (p) => p.at(sep))) return;
    }
  }

  /** Chevrotain's AT_LEAST_ONE_SEP: as `manySep`, but an error when the first item is missing. */
  atLeastOneSep<N extends Node>(node: N, sep: Tk, first: boolean, item: Rule<N>, after?: Tk, afterIdx = 0): void {
    if (!first) this.fail('earlyExit');
    this.manySep(node, sep, first, item, after, afterIdx);
  }

  /** Reads the whole input into `node` with the top rule `rule` (named `name`); errors are in `errors`. */
  top<N extends Node>(node: N, rule: Rule<N>, name: string): N {
    this.rules.push(name);
    this.sites.push(0);
    try {
      rule(this, node);
    } catch (e) {
      if (!(e instanceof Fault)) throw e;
      this.resynced();
    } finally {
      this.rules.pop();
      this.sites.pop();
    }
    if (!matches(this.la(1), EOF)) this.save({ kind: 'notAllInput', token: this.la(1), ruleStack: [] });
    return node;
  }

  /** No alternative of an OR starts here (`noViableAlt`), or a list's first item is missing (`earlyExit`). */
  fail(kind: ParseErrorKind): never {
    throw new Fault(this.save({ kind, token: this.la(1), ruleStack: [] }));
  }

  /** Keeps an error (with the rules being read), up to the limit; past it, reading stops (the parser sees the
   *  end of the input from then on). */
  protected save(error: ParseError): ParseError {
    if (this.errors.length < limits.syntaxErrors) {
      error.ruleStack = this.rules.slice();
      this.errors.push(error);
      return error;
    }
    this.stoppedAt ??= error.token;
    this.pos = this.n - 1;
    return error;
  }

  /** A mismatch: single-token insertion when the token found may follow the expected one, else single-token
   *  deletion when the token after it is the expected one, else the error goes up to a rule that re-syncs. */
  private consumeRecovering(t: Tk, idx: number): Token {
    const error = this.save({ kind: 'mismatch', token: this.la(1), expected: t.label, ruleStack: [] });
    if (this.canInsert(t, idx)) return inserted(t);
    if (matches(this.la(2), t)) {
      this.pos += 2;
      return this.toks[this.pos];
    }
    throw new Fault(error);
  }

  protected saveMismatch(expected: Tk, token: Token): void {
    this.save({ kind: 'mismatch', token, expected: expected.label, ruleStack: [] });
  }
}

/** A token recovery supposes was there (Chevrotain's: empty image, NaN offsets). */
function inserted(t: Tk): Token {
  return placeless(t.type, true);
}

/** Widens a node's place to cover [start, end] (a token recovery supposed, or a node with no place, has none),
 *  as Chevrotain's onlyOffset locations do. */
function widen(node: Node, start: number, end: number): void {
  if (!(start >= 0)) return;
  if (node.start < 0) {
    node.start = start;
    node.end = end;
  } else if (node.end < end) {
    node.end = end;
  }
}
