// Builds the typed AST from the parser's nodes (nodes.ts). Defensive throughout: after error recovery any
// field may be missing, and the builder keeps whatever it can so other blocks still get checked. Quantities
// are interpreted here (units, kinds), in a fixed order per construct, so their findings come in that order.
import type { Token } from './token';
import { diagnostic, type Diagnostic } from '../diagnostic';
import type * as A from './ast';
import { profileDecl } from './ast-profile';
import { replicaWork, scenario } from './ast-scenario';
import { link, region } from './ast-topology';
import * as N from './nodes';
import type { Range } from '../util/range';
import { interpretQuantity, type QuantityParts } from './units';

const comparatorImages = new Set(['<', '<=', '>', '>=', '==', '!=']);

/** The kinds each quantity may be, one list each (lists are only read, so one copy serves every call). */
export const kinds = {
  count: ['count'],
  duration: ['duration'],
  percent: ['percent'],
  rate: ['rate'],
  money: ['money'],
  levelArg: ['duration', 'count'],
  condition: ['money', 'count', 'multiplier', 'rate', 'duration', 'percent'],
} satisfies Record<string, A.QuantityKind[]>;

export function tokenRange(t: Token): Range {
  return { start: t.startOffset, end: t.startOffset + t.image.length };
}

/** A real token as a name; undefined for none or one recovery supposed. */
export function name(t: Token | undefined): A.Name | undefined {
  const r = N.real(t);
  return r ? { text: r.image, range: tokenRange(r) } : undefined;
}

/** The real tokens of a list as names. */
export function names(tokens: readonly Token[] | undefined): A.Name[] {
  const out: A.Name[] = [];
  for (const t of tokens ?? []) {
    const n = name(t);
    if (n) out.push(n);
  }
  return out;
}

export class AstBuilder {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    readonly uri: string,
    readonly text: string,
  ) {}

  file(file: N.FileNode): A.PolicyFile {
    const declarations: A.Declaration[] = [];
    for (const d of file.declarations) if (d.decl) declarations.push(this.declaration(d.decl));
    return { kind: 'file', uri: this.uri, declarations, range: { start: 0, end: this.text.length } };
  }

  private declaration(n: N.Decl): A.Declaration {
    const range = N.rangeOf(n);
    switch (n.kind) {
      case 'import': {
        const s = N.real(n.string);
        return { kind: 'import', range, path: s ? { value: unquote(s.image), range: tokenRange(s) } : undefined };
      }
      case 'policy': {
        const s = N.real(n.string);
        return { kind: 'policy', range, title: s ? { value: unquote(s.image), range: tokenRange(s) } : undefined };
      }
      case 'currency':
        return { kind: 'currency', range, value: name(n.word) };
      case 'profile':
        return profileDecl(this, n);
      case 'store':
        return { kind: 'store', range, names: names(n.names) };
      case 'topology':
        return {
          kind: 'topology',
          range,
          name: name(n.name),
          regions: n.regions.map((r) => region(this, r)),
          links: n.links.map((l) => link(this, l)),
          work: n.work.map((w) => replicaWork(this, w)),
        };
      case 'tier':
        return { kind: 'tier', range, name: this.qualifiedName(n.name), body: this.block(n.block) };
      case 'data':
        return { kind: 'data', range, name: name(n.name), body: this.block(n.block) };
      case 'transaction':
        return { kind: 'transaction', range, name: name(n.name), members: names(n.members) };
      case 'scenario':
        return scenario(this, n);
    }
  }

  qualifiedName(n: N.QualifiedNameNode | undefined): A.Name | undefined {
    const first = n?.first;
    const last = n?.last;
    if (!first || !last) return undefined;
    const range = { start: first.startOffset, end: last.startOffset + last.image.length };
    const text = first === last ? first.image : this.text.slice(range.start, range.end).replace(/\s+/g, '');
    return { text, range };
  }

  private block(n: N.BlockNode | undefined): A.Property[] {
    if (!n) return [];
    const out: A.Property[] = [];
    for (const p of n.properties) {
      const prop = this.property(p);
      if (prop) out.push(prop);
    }
    return out;
  }

  /** A property, from the node its keyword chose (parser-properties.ts: the same keyword, the same class). */
  private property(n: N.PropertyNode): A.Property | undefined {
    if (!n.keyword) return undefined;
    const range = N.rangeOf(n);
    const keyword = tokenRange(n.keyword);
    // Object literals written out (no spreads): the key order and the keys present are as before.
    switch (n.keyword.image) {
      case 'topology':
        return { range, keyword, kind: 'topology', ref: name((n as N.WordProp).word) };
      case 'tier':
        return { range, keyword, kind: 'tier', ref: this.qualifiedName((n as N.TierProp).name) };
      case 'consistency':
        return { range, keyword, kind: 'consistency', level: this.levelExpr((n as N.LevelProp).level) };
      case 'replication': {
        const r = n as N.ReplicationProp;
        return {
          range,
          keyword,
          kind: 'replication',
          mode: name(r.quorum ?? r.mode),
          write: this.countToken(r.write),
          read: this.countToken(r.read),
          random: r.random ? tokenRange(r.random) : undefined,
        };
      }
      case 'latency': {
        const l = n as N.LatencyProp;
        const opTok = N.real(l.op);
        const p: A.PropertyOf<'latency'> = {
          range,
          keyword,
          kind: 'latency',
          op: opTok?.image as 'read' | 'write' | undefined,
          opRange: opTok ? tokenRange(opTok) : undefined,
          percentile: name(l.percentile),
        };
        this.setComparator(p, l.comparator);
        p.bound = this.quantityNode(l.quantity, kinds.duration);
        return p;
      }
      case 'availability': {
        const b = n as N.BoundProp;
        const p: A.PropertyOf<'availability'> = { range, keyword, kind: 'availability' };
        this.setComparator(p, b.comparator);
        p.target = this.quantityNode(b.quantity, kinds.percent);
        return p;
      }
      case 'partition': {
        const p = N.real((n as N.PartitionProp).prefer);
        return {
          range,
          keyword,
          kind: 'partition',
          prefer: p?.image as 'consistency' | 'availability' | undefined,
          preferRange: p ? tokenRange(p) : undefined,
        };
      }
      case 'conflict': {
        const c = n as N.ConflictProp;
        return { range, keyword, kind: 'conflict', strategy: name(c.strategy), variant: name(c.variant) };
      }
      case 'workload': {
        const w = n as N.WorkloadProp;
        return {
          range,
          keyword,
          kind: 'workload',
          volume: this.quantityNode(w.volume, kinds.rate),
          peak: this.quantityNode(w.peak, kinds.rate),
          reads: this.quantityNode(w.reads, kinds.percent),
        };
      }
      case 'budget': {
        const b = n as N.BoundProp;
        const p: A.PropertyOf<'budget'> = { range, keyword, kind: 'budget' };
        this.setComparator(p, b.comparator);
        p.amount = this.quantityNode(b.quantity, kinds.money);
        return p;
      }
      case 'staleness': {
        const b = n as N.BoundProp;
        const p: A.PropertyOf<'staleness'> = { range, keyword, kind: 'staleness' };
        this.setComparator(p, b.comparator);
        p.bound = this.quantityNode(b.quantity, kinds.duration);
        return p;
      }
      case 'category':
        return { range, keyword, kind: 'category', value: name((n as N.WordProp).word) };
      case 'sessions':
        return { range, keyword, kind: 'sessions', mode: name((n as N.WordProp).word) };
      case 'money':
        return { range, keyword, kind: 'money', value: name((n as N.WordProp).word) };
      case 'primary':
        return { range, keyword, kind: 'primary', regions: names((n as N.PrimaryProp).regions) };
      case 'when': {
        const w = n as N.WhenProp;
        const conditions = this.conditions(w.conditions);
        return { range, keyword, kind: 'when', conditions, body: this.block(w.block) };
      }
      case 'degrade': {
        const d = n as N.DegradeProp;
        const level = this.levelExpr(d.level);
        return { range, keyword, kind: 'degrade', level, condition: this.condition(d.condition) };
      }
      case 'applies':
        return { range, keyword, kind: 'applies', conditions: this.conditions((n as N.AppliesProp).conditions) };
      default:
        return undefined;
    }
  }

  private conditions(n: N.ConditionsNode | undefined): A.Condition[] {
    if (!n) return [];
    const out: A.Condition[] = [];
    for (const e of n.items) {
      const c = this.condition(e);
      if (c) out.push(c);
    }
    return out;
  }

  private condition(n: N.ConditionNode | undefined): A.Condition | undefined {
    if (!n) return undefined;
    const field = name(n.field);
    const cmp = n.comparator;
    const op = this.comparator(cmp);
    if (!field || !op || !cmp) return undefined;
    const symbol = name(n.symbol);
    const value = symbol ?? this.quantityNode(n.quantity, kinds.condition);
    return { field, op, opRange: N.rangeOf(cmp), value, range: N.rangeOf(n) };
  }

  /** Sets `comparator` and `comparatorRange` only when the comparator is there (the keys stay absent otherwise). */
  private setComparator(p: { comparator?: A.Comparator; comparatorRange?: Range }, n: N.ComparatorNode | undefined) {
    const comparator = this.comparator(n);
    if (comparator && n) {
      p.comparator = comparator;
      p.comparatorRange = N.rangeOf(n);
    }
  }

  private comparator(n: N.ComparatorNode | undefined): A.Comparator | undefined {
    const t = N.real(n?.token);
    return t && comparatorImages.has(t.image) ? (t.image as A.Comparator) : undefined;
  }

  private levelExpr(n: N.LevelExprNode | undefined): A.LevelExpr | undefined {
    const id = name(n?.name);
    if (!n || !id) return undefined;
    const args: (A.Name | A.Quantity)[] = [];
    for (const a of n.args) {
      const arg = a instanceof N.QuantityNode ? this.quantityNode(a, kinds.levelArg) : name(a);
      if (arg) args.push(arg);
    }
    if (args.length > 1) args.sort((x, y) => x.range.start - y.range.start);
    return { name: id, args, range: N.rangeOf(n) };
  }

  countToken(t: Token | undefined): A.Quantity | undefined {
    const r = N.real(t);
    return r ? this.quantity({ number: r.image, text: r.image, range: tokenRange(r) }, kinds.count) : undefined;
  }

  quantityNode(n: N.QuantityNode | undefined, expected: A.QuantityKind[]): A.Quantity | undefined {
    const num = N.real(n?.number);
    if (!n || !num) return undefined;
    const range = N.rangeOf(n);
    return this.quantity(
      {
        currencySign: N.real(n.sign)?.image,
        number: num.image,
        unit: N.real(n.percent)?.image ?? N.real(n.unit)?.image,
        per: N.real(n.per)?.image,
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

/** The value of a string literal: escapes resolved, quotes removed (an unclosed string keeps its text). */
export function unquote(image: string): string {
  const body = image.endsWith('"') && image.length > 1 ? image.slice(1, -1) : image.slice(1);
  return body.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|.)/g, (_, e: string) => {
    if (e.startsWith('u{')) return String.fromCodePoint(Math.min(parseInt(e.slice(2, -1), 16), 0x10ffff));
    if (e.startsWith('u') && e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' } as Record<string, string>)[e] ?? e;
  });
}
