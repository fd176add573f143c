// AST of `profile` declarations: `profile NAME` (a selection) or `profile NAME extends BASE { entries }`
// (a declaration), each entry a key and a value (quantity, distribution, string or word) with its source.
import type { CstNode, IToken } from 'chevrotain';
import type * as A from '../../../server/src/core/syntax/ast';
import type { AstBuilder } from './ast-builder';
import { unquote } from '../../../server/src/core/syntax/ast-builder';
import { distribution } from './ast-scenario';
import { isNode, name, nodeRange, sub, tok, tokenRange, type Children } from './cst';

const valueKinds: A.QuantityKind[] = ['duration', 'percent', 'money', 'count', 'rate', 'multiplier'];

const str = (t: IToken | undefined) => (t ? { value: unquote(t.image), range: tokenRange(t) } : undefined);

export function profileDecl(
  b: AstBuilder,
  n: CstNode,
  qualified: (n: CstNode | undefined) => A.Name | undefined,
): A.ProfileDecl {
  const c = n.children as Children;
  const decl: A.ProfileDecl = { kind: 'profile', range: nodeRange(n), value: name(tok(c, 'Identifier')) };
  if (!c.LBrace) return decl;
  decl.base = name(tok(c, 'base'));
  decl.entries = (c.profileEntry ?? []).filter(isNode).flatMap((e) => {
    const ec = e.children as Children;
    const key = name(tok(ec, 'key')) ?? qualified(sub(ec, 'keyName'));
    if (!key) return [];
    const entry: A.ProfileEntry = { key, range: nodeRange(e) };
    const value = b.quantityNode(sub(ec, 'value'), valueKinds);
    if (value) entry.value = value;
    const dist = distribution(b, sub(ec, 'dist'));
    if (dist) entry.dist = dist;
    const text = str(tok(ec, 'text'));
    if (text) entry.text = text;
    const word = name(tok(ec, 'word'));
    if (word) entry.word = word;
    const source = str(tok(ec, 'source'));
    if (source) entry.source = source;
    return [entry];
  });
  return decl;
}
