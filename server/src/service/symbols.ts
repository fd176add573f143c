// Document symbols (the outline: topologies with regions and links, tiers, data types with their `when`
// branches, transactions, scenarios) and workspace symbols (every declaration of every file, built-ins included).
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver-types';
import type { SymbolKind as CoreKind } from '../core/model/model';
import type * as A from '../core/syntax/ast';
import type { Range as CoreRange } from '../core/util/range';
import { toRange } from './positions';
import type { Snapshot } from './snapshot';

const kinds: Record<CoreKind, SymbolKind> = {
  topology: SymbolKind.Namespace,
  region: SymbolKind.Variable,
  tier: SymbolKind.Interface,
  data: SymbolKind.Struct,
  transaction: SymbolKind.Function,
  scenario: SymbolKind.Event,
};

export function documentSymbols(s: Snapshot, uri: string): DocumentSymbol[] {
  const doc = s.document(uri);
  if (!doc) return [];
  const lines = s.lines.get(uri);
  const text = (r: CoreRange) => doc.text.slice(r.start, r.end);
  const sym = (
    name: string,
    kind: SymbolKind,
    full: CoreRange,
    selection: CoreRange,
    detail?: string,
    children?: DocumentSymbol[],
  ): DocumentSymbol => ({
    name,
    kind,
    range: toRange(lines, full),
    selectionRange: toRange(lines, selection),
    ...(detail ? { detail } : {}),
    ...(children?.length ? { children } : {}),
  });
  const whens = (body: A.Property[]): DocumentSymbol[] =>
    body.flatMap((p) =>
      p.kind === 'when'
        ? [
            sym(
              text({ start: p.range.start, end: p.conditions.at(-1)?.range.end ?? p.keyword.end }),
              SymbolKind.Event,
              p.range,
              p.keyword,
              undefined,
              whens(p.body),
            ),
          ]
        : [],
    );
  const out: DocumentSymbol[] = [];
  for (const d of doc.ast.declarations) {
    if (d.kind === 'topology' && d.name) {
      const regions = d.regions.flatMap((r) =>
        r.name
          ? [
              sym(
                r.name.text,
                kinds.region,
                r.range,
                r.name.range,
                r.replicas ? `${r.replicas.value} replicas${r.primary ? ', primary' : ''}` : undefined,
              ),
            ]
          : [],
      );
      const links = d.links.flatMap((l) =>
        l.a && l.b ? [sym(`${l.a.text} <-> ${l.b.text}`, SymbolKind.Property, l.range, l.a.range, l.rtt?.text)] : [],
      );
      out.push(sym(d.name.text, kinds.topology, d.range, d.name.range, undefined, [...regions, ...links]));
    } else if (d.kind === 'tier' && d.name) {
      out.push(sym(d.name.text, kinds.tier, d.range, d.name.range, levelText(d.body, doc.text), whens(d.body)));
    } else if (d.kind === 'data' && d.name) {
      out.push(sym(d.name.text, kinds.data, d.range, d.name.range, levelText(d.body, doc.text), whens(d.body)));
    } else if (d.kind === 'transaction' && d.name) {
      out.push(sym(d.name.text, kinds.transaction, d.range, d.name.range, d.members.map((m) => m.text).join(', ')));
    } else if (d.kind === 'scenario' && d.name) {
      const data = d.body.find((p) => p.kind === 'data');
      out.push(
        sym(
          d.name.text,
          kinds.scenario,
          d.range,
          d.name.range,
          data?.kind === 'data' ? data.names.map((n) => n.text).join(', ') : undefined,
        ),
      );
    }
  }
  return out;
}

function levelText(body: A.Property[], text: string): string | undefined {
  const p = body.find((x) => x.kind === 'consistency');
  return p?.kind === 'consistency' && p.level ? text.slice(p.level.range.start, p.level.range.end) : undefined;
}

/** Declarations whose name contains the query's characters in order (case-insensitive). */
export function workspaceSymbols(s: Snapshot, query: string): SymbolInformation[] {
  const q = query.toLowerCase();
  const matches = (name: string) => {
    let i = 0;
    for (const c of name.toLowerCase()) if (c === q[i]) i++;
    return i === q.length;
  };
  return s.analysis.declarations
    .filter((d) => matches(d.name))
    .map((d) => ({
      name: d.name,
      kind: kinds[d.kind],
      location: s.lines.location(d.origin.uri, d.full),
      ...(d.container ? { containerName: d.container } : {}),
    }));
}
