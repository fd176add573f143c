// AST of `profile` declarations: `profile NAME` (a selection) or `profile NAME extends BASE { entries }`
// (a declaration), each entry a key and a value (quantity, distribution, string or word) with its source.
import type { Token } from './token';
import type * as A from './ast';
import { name, tokenRange, unquote, type AstBuilder } from './ast-builder';
import { distribution } from './ast-scenario';
import * as N from './nodes';
import type { Range } from '../util/range';

const valueKinds: A.QuantityKind[] = ['duration', 'percent', 'money', 'count', 'rate', 'multiplier'];

function str(token: Token | undefined): { value: string; range: Range } | undefined {
  const t = N.real(token);
  return t ? { value: unquote(t.image), range: tokenRange(t) } : undefined;
}

export function profileDecl(b: AstBuilder, n: N.ProfileNode): A.ProfileDecl {
  const decl: A.ProfileDecl = { kind: 'profile', range: N.rangeOf(n), value: name(n.name) };
  if (!n.lbrace) return decl;
  decl.base = name(n.base);
  decl.entries = [];
  for (const e of n.entries) {
    const key = name(e.key) ?? b.qualifiedName(e.keyName);
    if (!key) continue;
    const entry: A.ProfileEntry = { key, range: N.rangeOf(e) };
    const value = b.quantityNode(e.value, valueKinds);
    if (value) entry.value = value;
    const dist = distribution(b, e.dist);
    if (dist) entry.dist = dist;
    const text = str(e.text);
    if (text) entry.text = text;
    const word = name(e.word);
    if (word) entry.word = word;
    const source = str(e.source);
    if (source) entry.source = source;
    decl.entries.push(entry);
  }
  return decl;
}
