// Reading Chevrotain's CST defensively: after error recovery any child may be missing or inserted.
import type { CstElement, CstNode, IToken } from 'chevrotain';
import type * as A from '../../../server/src/core/syntax/ast';
import type { CstKey } from './cst.generated';
import type { Range } from '../../../server/src/core/util/range';

export type Children = Record<string, CstElement[] | undefined>;

export const isToken = (e: CstElement | undefined): e is IToken => !!e && 'image' in e;
export const isNode = (e: CstElement | undefined): e is CstNode => !!e && 'children' in e;

export function tokenRange(t: IToken): Range {
  return { start: t.startOffset, end: t.startOffset + t.image.length };
}

export function nodeRange(n: CstNode): Range {
  const loc = n.location;
  if (!loc || Number.isNaN(loc.startOffset)) return { start: 0, end: 0 };
  const end = Number.isNaN(loc.endOffset ?? NaN) ? loc.startOffset : (loc.endOffset as number) + 1;
  return { start: loc.startOffset, end };
}

/** A token is real unless recovery inserted it (inserted tokens have NaN offsets). */
export function realToken(e: CstElement | undefined): IToken | undefined {
  return isToken(e) && !Number.isNaN(e.startOffset) && !e.isInsertedInRecovery ? e : undefined;
}

/** The `i`-th token under `key` (a key of the grammar: cst.generated.ts), unless recovery inserted it. */
export function tok(c: Children, key: CstKey, i = 0): IToken | undefined {
  return realToken(c[key]?.[i]);
}

export function sub(c: Children, key: CstKey, i = 0): CstNode | undefined {
  const n = c[key]?.[i];
  return isNode(n) ? n : undefined;
}

export function name(t: IToken | undefined): A.Name | undefined {
  return t ? { text: t.image, range: tokenRange(t) } : undefined;
}
