// Semantic tokens: names coloured by what they denote (topology, tier, data, transaction, region, level),
// keywords, numbers with their units, strings and operators, encoded as LSP relative 5-tuples.
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { SymbolKind } from '../core/model/model';
import { isBuiltin } from '../core/model/build-model';
import type { DistExpr, Name } from '../core/syntax/ast';
import { properties } from './locate';
import type { Snapshot } from './snapshot';

export const tokenTypes = [
  'namespace',
  'type',
  'struct',
  'function',
  'variable',
  'enumMember',
  'keyword',
  'number',
  'string',
  'operator',
  'property',
] as const;
export const tokenModifiers = ['declaration', 'defaultLibrary'] as const;
export const semanticTokensLegend: SemanticTokensLegend = {
  tokenTypes: [...tokenTypes],
  tokenModifiers: [...tokenModifiers],
};

type TokenType = (typeof tokenTypes)[number];
const symbolTypes: Record<SymbolKind, TokenType> = {
  topology: 'namespace',
  tier: 'type',
  data: 'struct',
  transaction: 'function',
  region: 'variable',
  scenario: 'function',
};
const byTokenName: Record<string, TokenType> = {
  NumberLiteral: 'number',
  Percentile: 'number',
  CurrencySign: 'number',
  PercentSign: 'number',
  StringLiteral: 'string',
  UnclosedString: 'string',
  Arrow: 'operator',
  LessEq: 'operator',
  GreaterEq: 'operator',
  EqEq: 'operator',
  NotEq: 'operator',
  Less: 'operator',
  Greater: 'operator',
};

export function semanticTokens(s: Snapshot, uri: string): SemanticTokens {
  const doc = s.document(uri);
  if (!doc) return { data: [] };
  /** By start offset: type, modifier bits, end offset (qualified names span several tokens). */
  const names = new Map<number, [TokenType, number, number?]>();
  const mark = (n: Name | undefined, type: TokenType, mods = 0) =>
    n && names.set(n.range.start, [type, mods, n.range.end]);
  for (const d of s.analysis.declarations)
    if (d.origin.uri === uri) names.set(d.origin.range.start, [symbolTypes[d.kind], 1, d.origin.range.end]);
  for (const r of s.analysis.references)
    if (r.uri === uri)
      names.set(r.range.start, [
        symbolTypes[r.kind],
        r.target !== undefined && isBuiltin(r.target.uri) ? 2 : 0,
        r.range.end,
      ]);
  for (const d of doc.ast.declarations) {
    if (d.kind === 'currency' || d.kind === 'profile') mark(d.value, 'enumMember');
    else if (d.kind === 'store') d.names.forEach((n) => mark(n, 'enumMember'));
    else if (d.kind === 'topology') {
      const dist = (e: DistExpr | undefined): void => {
        if (!e) return;
        mark(e.name, 'function');
        for (const a of e.args) (mark(a.label, 'property'), dist(a.dist));
      };
      d.links.forEach((l) => dist(l.dist));
      d.work.forEach((w) => (mark(w.op, 'property'), dist(w.dist)));
    }
  }
  for (const { prop: p } of properties(doc.ast)) {
    if (p.kind === 'consistency' || p.kind === 'degrade') {
      mark(p.level?.name, 'enumMember');
      for (const a of p.level?.args ?? []) if (!('kind' in a)) mark(a, 'enumMember');
    } else if (p.kind === 'conflict') [p.strategy, p.variant].forEach((n) => mark(n, 'enumMember'));
    else if (p.kind === 'replication' && p.mode?.text !== 'quorum') mark(p.mode, 'enumMember');
    else if (p.kind === 'category') mark(p.value, 'enumMember');
    else if (p.kind === 'sessions') mark(p.mode, 'enumMember');
    else if (p.kind === 'money') mark(p.value, 'enumMember');
    else if (p.kind === 'latency' && p.percentile) mark(p.percentile, 'number');
    const conditions =
      p.kind === 'when' || p.kind === 'applies'
        ? p.conditions
        : p.kind === 'degrade' && p.condition
          ? [p.condition]
          : [];
    for (const c of conditions) {
      mark(c.field, 'property');
      if (c.value && !('kind' in c.value)) mark(c.value, 'enumMember');
    }
  }
  const lines = s.lines.get(uri);
  const data: number[] = [];
  let line = 0;
  let char = 0;
  let covered = 0;
  doc.tokens.forEach((t, i) => {
    if (t.startOffset < covered) return; // inside a qualified name already emitted
    const name = t.tokenType.name;
    const prev = doc.tokens[i - 1]?.tokenType.name;
    let entry: [TokenType, number, number?] | undefined = names.get(t.startOffset);
    if (!entry && name.startsWith('Kw_')) entry = ['keyword', 0];
    if (!entry && byTokenName[name]) entry = [byTokenName[name], 0];
    // a unit
    if (!entry && name === 'Identifier' && (prev === 'NumberLiteral' || prev === 'Slash')) entry = ['number', 0];
    if (!entry) return;
    const p = lines.position(t.startOffset);
    const end =
      entry[2] !== undefined && lines.position(entry[2]).line === p.line ? entry[2] : t.startOffset + t.image.length;
    covered = end;
    data.push(
      p.line - line,
      p.line === line ? p.character - char : p.character,
      end - t.startOffset,
      tokenTypes.indexOf(entry[0]),
      entry[1],
    );
    line = p.line;
    char = p.character;
  });
  return { data };
}
