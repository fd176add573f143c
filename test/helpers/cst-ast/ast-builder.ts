// The oracle of the parser's differential test: the typed AST built from Chevrotain's CST (the grammar in
// grammar.ts), as the product built it before its parser read straight into typed nodes (syntax/nodes.ts).
// Defensive throughout: after error recovery any child may be missing.
import type { CstElement, CstNode, IToken } from 'chevrotain';
import { diagnostic, type Diagnostic } from '../../../server/src/core/diagnostic';
import type * as A from '../../../server/src/core/syntax/ast';
import { replicaWork, scenario } from './ast-scenario';
import { profileDecl } from './ast-profile';
import { link, region } from './ast-topology';
import { isNode, name, nodeRange, realToken, sub, tok, tokenRange, type Children } from './cst';
import type { CstKey } from './cst.generated';
import type { Range } from '../../../server/src/core/util/range';
import { interpretQuantity, type QuantityParts } from '../../../server/src/core/syntax/units';
import { unquote } from '../../../server/src/core/syntax/ast-builder';

const comparatorImages = new Set(['<', '<=', '>', '>=', '==', '!=']);

/** The kinds each quantity may be, one list each (lists are only read, so one copy serves every call). */
const kinds = {
  count: ['count'],
  duration: ['duration'],
  percent: ['percent'],
  rate: ['rate'],
  money: ['money'],
  levelArg: ['duration', 'count'],
  condition: ['money', 'count', 'multiplier', 'rate', 'duration', 'percent'],
} satisfies Record<string, A.QuantityKind[]>;

export class AstBuilder {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    readonly uri: string,
    readonly text: string,
  ) {}

  file(cst: CstNode): A.PolicyFile {
    const declarations: A.Declaration[] = [];
    for (const d of cst.children.declaration ?? []) {
      if (!isNode(d)) continue;
      let inner: CstElement | undefined;
      for (const k in d.children) {
        inner = d.children[k]?.[0];
        break;
      }
      if (!isNode(inner)) continue;
      const decl = this.declaration(inner);
      if (decl) declarations.push(decl);
    }
    return { kind: 'file', uri: this.uri, declarations, range: { start: 0, end: this.text.length } };
  }

  private declaration(n: CstNode): A.Declaration | undefined {
    const c = n.children as Children;
    const range = nodeRange(n);
    switch (n.name) {
      case 'importDecl': {
        const s = tok(c, 'StringLiteral');
        return { kind: 'import', range, path: s ? { value: unquote(s.image), range: tokenRange(s) } : undefined };
      }
      case 'policyDecl': {
        const s = tok(c, 'StringLiteral');
        return { kind: 'policy', range, title: s ? { value: unquote(s.image), range: tokenRange(s) } : undefined };
      }
      case 'currencyDecl':
        return { kind: 'currency', range, value: name(tok(c, 'Identifier')) };
      case 'profileDecl':
        return profileDecl(this, n, this.qualifiedName.bind(this));
      case 'storeDecl':
        return {
          kind: 'store',
          range,
          names: (c.Identifier ?? []).map((t) => name(realToken(t))).filter((x): x is A.Name => !!x),
        };
      case 'topologyDecl':
        return {
          kind: 'topology',
          range,
          name: name(tok(c, 'Name')),
          regions: (c.regionDecl ?? []).filter(isNode).map((r) => region(this, r)),
          links: (c.linkDecl ?? []).filter(isNode).map((l) => link(this, l)),
          work: (c.replicaWork ?? []).filter(isNode).map((w) => replicaWork(this, w)),
        };
      case 'tierDecl':
        return {
          kind: 'tier',
          range,
          name: this.qualifiedName(sub(c, 'qualifiedName')),
          body: this.block(sub(c, 'block')),
        };
      case 'dataDecl':
        return { kind: 'data', range, name: name(tok(c, 'Name')), body: this.block(sub(c, 'block')) };
      case 'transactionDecl':
        return {
          kind: 'transaction',
          range,
          name: name(tok(c, 'Name')),
          members: (c.member ?? [])
            .map(realToken)
            .filter((t): t is IToken => !!t)
            .map((t) => name(t)!),
        };
      case 'scenarioDecl':
        return scenario(this, n);
      default:
        return undefined;
    }
  }

  qualifiedName(n: CstNode | undefined): A.Name | undefined {
    if (!n) return undefined;
    // The first and the last real token among the identifiers and dots (a loop: no arrays per name).
    let first: IToken | undefined;
    let last: IToken | undefined;
    for (const key of ['Name', 'Dot']) {
      for (const e of n.children[key] ?? []) {
        const t = realToken(e);
        if (!t) continue;
        if (!first || t.startOffset < first.startOffset) first = t;
        if (!last || t.startOffset > last.startOffset) last = t;
      }
    }
    if (!first || !last) return undefined;
    const range = { start: first.startOffset, end: last.startOffset + last.image.length };
    return { text: this.text.slice(range.start, range.end).replace(/\s+/g, ''), range };
  }

  private block(n: CstNode | undefined): A.Property[] {
    if (!n) return [];
    const out: A.Property[] = [];
    for (const p of n.children.property ?? []) {
      const prop = isNode(p) ? this.property(p) : undefined;
      if (prop) out.push(prop);
    }
    return out;
  }

  private property(n: CstNode): A.Property | undefined {
    let c = n.children as Children;
    let range = nodeRange(n);
    // Alternatives written as their own rule (replicationProp, …) hold the keyword one level down.
    // (Plain loops over the children, not Object.keys/values: this runs once per property.)
    let count = 0;
    let first: string | undefined;
    for (const k in c) if (count++ === 0) first = k;
    const only = count === 1 ? c[first!]?.[0] : undefined;
    if (isNode(only)) {
      c = only.children as Children;
      range = nodeRange(only);
    }
    let kwName: CstKey | undefined;
    // The keys of a CST node are the grammar's (cst.generated.ts).
    for (const k of Object.keys(c) as CstKey[]) {
      if (k.startsWith('Kw_') && tok(c, k)) {
        kwName = k;
        break;
      }
    }
    if (!kwName) return undefined;
    const keyword = tokenRange(tok(c, kwName)!);
    // Object literals written out (no spreads): the key order and the keys present are as before.
    switch (kwName.slice(3)) {
      case 'topology':
        return { range, keyword, kind: 'topology', ref: name(tok(c, 'Name')) };
      case 'tier':
        return { range, keyword, kind: 'tier', ref: this.qualifiedName(sub(c, 'qualifiedName')) };
      case 'consistency':
        return { range, keyword, kind: 'consistency', level: this.levelExpr(sub(c, 'levelExpr')) };
      case 'replication':
        return {
          range,
          keyword,
          kind: 'replication',
          mode: c.Kw_quorum ? name(tok(c, 'Kw_quorum')) : name(tok(c, 'mode')),
          write: this.countToken(tok(c, 'w')),
          read: this.countToken(tok(c, 'r')),
          random: c.Kw_random ? tokenRange(tok(c, 'Kw_random')!) : undefined,
        };
      case 'latency': {
        const opTok = tok(c, 'Kw_read') ?? tok(c, 'Kw_write');
        const p: A.PropertyOf<'latency'> = {
          range,
          keyword,
          kind: 'latency',
          op: opTok?.image as 'read' | 'write' | undefined,
          opRange: opTok ? tokenRange(opTok) : undefined,
          percentile: name(tok(c, 'Percentile') ?? tok(c, 'Identifier')),
        };
        this.setComparator(p, c);
        p.bound = this.quantityNode(sub(c, 'quantity'), kinds.duration);
        return p;
      }
      case 'availability': {
        const p: A.PropertyOf<'availability'> = { range, keyword, kind: 'availability' };
        this.setComparator(p, c);
        p.target = this.quantityNode(sub(c, 'quantity'), kinds.percent);
        return p;
      }
      case 'partition': {
        const p = tok(c, 'Kw_consistency') ?? tok(c, 'Kw_availability');
        return {
          range,
          keyword,
          kind: 'partition',
          prefer: p?.image as 'consistency' | 'availability' | undefined,
          preferRange: p ? tokenRange(p) : undefined,
        };
      }
      case 'conflict':
        return {
          range,
          keyword,
          kind: 'conflict',
          strategy: name(tok(c, 'strategy')),
          variant: name(tok(c, 'variant')),
        };
      case 'workload':
        return {
          range,
          keyword,
          kind: 'workload',
          volume: this.quantityNode(sub(c, 'volume'), kinds.rate),
          peak: this.quantityNode(sub(c, 'peak'), kinds.rate),
          reads: this.quantityNode(sub(c, 'reads'), kinds.percent),
        };
      case 'budget': {
        const p: A.PropertyOf<'budget'> = { range, keyword, kind: 'budget' };
        this.setComparator(p, c);
        p.amount = this.quantityNode(sub(c, 'quantity'), kinds.money);
        return p;
      }
      case 'staleness': {
        const p: A.PropertyOf<'staleness'> = { range, keyword, kind: 'staleness' };
        this.setComparator(p, c);
        p.bound = this.quantityNode(sub(c, 'quantity'), kinds.duration);
        return p;
      }
      case 'category':
        return { range, keyword, kind: 'category', value: name(tok(c, 'Name')) };
      case 'sessions':
        return { range, keyword, kind: 'sessions', mode: name(tok(c, 'mode')) };
      case 'money':
        return { range, keyword, kind: 'money', value: name(tok(c, 'value')) };
      case 'primary':
        return {
          range,
          keyword,
          kind: 'primary',
          regions: (c.region ?? [])
            .map(realToken)
            .filter((t): t is IToken => !!t)
            .map((t) => name(t)!),
        };
      case 'when':
        return {
          range,
          keyword,
          kind: 'when',
          conditions: this.conditions(sub(c, 'conditions')),
          body: this.block(sub(c, 'block')),
        };
      case 'degrade':
        return {
          range,
          keyword,
          kind: 'degrade',
          level: this.levelExpr(sub(c, 'levelExpr')),
          condition: this.condition(sub(c, 'condition')),
        };
      case 'applies':
        return { range, keyword, kind: 'applies', conditions: this.conditions(sub(c, 'conditions')) };
      default:
        return undefined;
    }
  }

  private conditions(n: CstNode | undefined): A.Condition[] {
    if (!n) return [];
    const out: A.Condition[] = [];
    for (const e of n.children.condition ?? []) {
      const c = isNode(e) ? this.condition(e) : undefined;
      if (c) out.push(c);
    }
    return out;
  }

  private condition(n: CstNode | undefined): A.Condition | undefined {
    if (!n) return undefined;
    const c = n.children as Children;
    const field = name(tok(c, 'field'));
    const cmp = sub(c, 'comparator');
    const op = this.comparator(cmp);
    if (!field || !op || !cmp) return undefined;
    const symbol = name(tok(c, 'symbol'));
    const value = symbol ?? this.quantityNode(sub(c, 'quantity'), kinds.condition);
    return { field, op, opRange: nodeRange(cmp), value, range: nodeRange(n) };
  }

  /** Sets `comparator` and `comparatorRange` only when the comparator is there (the keys stay absent otherwise). */
  private setComparator(p: { comparator?: A.Comparator; comparatorRange?: Range }, c: Children): void {
    const n = sub(c, 'comparator');
    const comparator = this.comparator(n);
    if (comparator && n) {
      p.comparator = comparator;
      p.comparatorRange = nodeRange(n);
    }
  }

  private comparator(n: CstNode | undefined): A.Comparator | undefined {
    if (!n) return undefined;
    const c = n.children as Children;
    let t: IToken | undefined;
    for (const k in c) if ((t = realToken(c[k]?.[0]))) break;
    return t && comparatorImages.has(t.image) ? (t.image as A.Comparator) : undefined;
  }

  private levelExpr(n: CstNode | undefined): A.LevelExpr | undefined {
    if (!n) return undefined;
    const c = n.children as Children;
    const id = name(tok(c, 'Identifier'));
    if (!id) return undefined;
    const args: (A.Name | A.Quantity)[] = [];
    for (const a of c.arg ?? []) {
      if (isNode(a)) {
        const q = this.quantityNode(a, kinds.levelArg);
        if (q) args.push(q);
      } else {
        const t = name(realToken(a));
        if (t) args.push(t);
      }
    }
    if (args.length > 1) args.sort((x, y) => x.range.start - y.range.start);
    return { name: id, args, range: nodeRange(n) };
  }

  countToken(t: IToken | undefined): A.Quantity | undefined {
    return t ? this.quantity({ number: t.image, text: t.image, range: tokenRange(t) }, kinds.count) : undefined;
  }

  quantityNode(n: CstNode | undefined, expected: A.QuantityKind[]): A.Quantity | undefined {
    if (!n) return undefined;
    const c = n.children as Children;
    const num = tok(c, 'NumberLiteral');
    if (!num) return undefined;
    const range = nodeRange(n);
    const unit = tok(c, 'PercentSign')?.image ?? tok(c, 'unit')?.image;
    return this.quantity(
      {
        currencySign: tok(c, 'CurrencySign')?.image,
        number: num.image,
        unit,
        per: tok(c, 'per')?.image,
        text: this.text.slice(range.start, range.end),
        range,
      },
      expected,
    );
  }

  private quantity(parts: QuantityParts, expected: A.QuantityKind[]): A.Quantity | undefined {
    const r = interpretQuantity(parts, expected);
    if (r.ok) return r.quantity;
    const code = r.code ?? 'syntax-bad-quantity';
    this.diagnostics.push(diagnostic({ code, uri: this.uri, range: r.range, message: r.message }));
    return undefined;
  }
}
