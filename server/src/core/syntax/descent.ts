// The machinery of the hand-written recursive-descent parser (parser.ts): reading tokens, building CST nodes
// as Chevrotain's CstParser does (same names, child keys in the same order, offsets-only locations), and
// recovering from errors by Chevrotain's rules (docs in recovery.ts), so one mistake gives one error and the
// rest of the file still parses. Rules are plain functions `(p, node) => void` that call these methods.
import type { CstNode, IToken } from 'chevrotain';
import { limits } from '../util/limits';
import type { ParseError, ParseErrorKind } from './parse-error';
import { Recovery } from './recovery';
import { EOF, EOF_TOKEN, matches, type Tk } from './token-match';

export type Rule = (p: Descent, node: CstNode) => void;

/** A node's offsets, NaN until its first child with a place. Stored once as something other than a number,
 *  so V8 keeps the fields tagged: a NaN or an offset is then stored in place, not boxed as a heap number of
 *  its own (two fewer allocations per node, ~10% of a parse's). */
function location(): { startOffset: number; endOffset: number } {
  return { startOffset: NaN, endOffset: NaN };
}
{
  const tagged = location() as unknown as { startOffset: unknown; endOffset: unknown };
  tagged.startOffset = tagged.endOffset = undefined;
}

/** Thrown from where an error is found up to the rule that re-synchronises (Chevrotain's exceptions). */
export class Fault {
  constructor(readonly error: ParseError) {}
}

export class Descent extends Recovery {
  errors: ParseError[] = [];
  /** The token where reading stopped after `limits.syntaxErrors` errors (docs/language.md#limits). */
  stoppedAt: IToken | undefined;

  /** Starts reading `tokens` (the array is not changed). */
  reset(tokens: IToken[]): void {
    this.toks = tokens;
    this.n = tokens.length;
    this.pos = -1;
    this.errors = [];
    this.stoppedAt = undefined;
    this.rules.length = 0;
    this.sites.length = 0;
  }

  /** The `k`-th token ahead (1: the next one), the end-of-file token past the last. */
  la(k: number): IToken {
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

  /** Reads a token of type `t` (its `idx`-th occurrence in the rule, for recovery) into `node` under `key`. */
  consume(node: CstNode, t: Tk, idx = 0, key = t.name): IToken {
    const i = this.pos + 1;
    let token: IToken;
    if (i < this.n && t.is[this.toks[i].tokenTypeIdx] === 1) {
      this.pos = i;
      token = this.toks[i];
    } else {
      token = this.consumeRecovering(t, idx);
    }
    addChild(node, key, token);
    widen(node, token.startOffset, token.endOffset!);
    return token;
  }

  /** Calls `rule` (its `idx`-th occurrence in the calling rule) for a child node under `key`. */
  sub(parent: CstNode, rule: Rule, name: string, idx = 0, key = name): CstNode {
    const node = { name, children: {}, location: location() } as CstNode;
    this.rules.push(name);
    this.sites.push(idx);
    try {
      rule(this, node);
    } catch (e) {
      if (!(e instanceof Fault)) throw e;
      (node as { recoveredNode?: boolean }).recoveredNode = true;
      if (!this.resynced()) {
        addChild(parent, key, node);
        widen(parent, node.location!.startOffset, node.location!.endOffset!);
        throw e;
      }
    } finally {
      this.rules.pop();
      this.sites.pop();
    }
    addChild(parent, key, node);
    widen(parent, node.location!.startOffset, node.location!.endOffset!);
    return node;
  }

  /** Chevrotain's MANY: `body` while `more` says the next tokens start it and it reads something; then, when
   *  `after` (the token the rule reads next, its occurrence `afterIdx`) does not come, repetition recovery. */
  many(node: CstNode, more: (p: Descent) => boolean, body: Rule, after?: Tk, afterIdx = 0): void {
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
  atLeastOne(node: CstNode, more: (p: Descent) => boolean, body: Rule): void {
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
  manySep(node: CstNode, sep: Tk, first: boolean, item: Rule, after?: Tk, afterIdx = 0): void {
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
  atLeastOneSep(node: CstNode, sep: Tk, first: boolean, item: Rule, after?: Tk, afterIdx = 0): void {
    if (!first) this.fail('earlyExit');
    this.manySep(node, sep, first, item, after, afterIdx);
  }

  /** Reads the whole input with the top rule `rule` (named `name`); errors are in `errors`. */
  top(rule: Rule, name: string): CstNode {
    const node = { name, children: {}, location: location() } as CstNode;
    this.rules.push(name);
    this.sites.push(0);
    try {
      rule(this, node);
    } catch (e) {
      if (!(e instanceof Fault)) throw e;
      (node as { recoveredNode?: boolean }).recoveredNode = true;
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
  private consumeRecovering(t: Tk, idx: number): IToken {
    const error = this.save({ kind: 'mismatch', token: this.la(1), expected: t.label, ruleStack: [] });
    if (this.canInsert(t, idx)) return inserted(t);
    if (matches(this.la(2), t)) {
      this.pos += 2;
      return this.toks[this.pos];
    }
    throw new Fault(error);
  }

  protected saveMismatch(expected: Tk, token: IToken): void {
    this.save({ kind: 'mismatch', token, expected: expected.label, ruleStack: [] });
  }
}

/** A token recovery supposes was there (Chevrotain's: empty image, NaN offsets). */
function inserted(t: Tk): IToken {
  return {
    image: '',
    startOffset: NaN,
    endOffset: NaN,
    startLine: NaN,
    endLine: NaN,
    startColumn: NaN,
    endColumn: NaN,
    tokenTypeIdx: t.type.tokenTypeIdx!,
    tokenType: t.type,
    isInsertedInRecovery: true,
  };
}

/** Adds a child under `key` (its offsets widen the node's: `widen`). */
function addChild(node: CstNode, key: string, child: IToken | CstNode): void {
  const children = node.children as Record<string, (IToken | CstNode)[]>;
  const list = children[key];
  if (list === undefined) children[key] = [child];
  else list.push(child);
}

/** Widens a node's offsets to cover [start, end] (NaN offsets are no place), as Chevrotain's onlyOffset. */
function widen(node: CstNode, start: number, end: number): void {
  const loc = node.location!;
  if (Number.isNaN(loc.startOffset)) {
    loc.startOffset = start;
    loc.endOffset = end;
  } else if (loc.endOffset! < end) {
    loc.endOffset = end;
  }
}
