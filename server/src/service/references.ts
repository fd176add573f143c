// Find references: every occurrence of the symbol under the cursor in every file, the declaration first
// when asked for, then in document and text order.
import type { Location, Position } from 'vscode-languageserver-types';
import { occurrences, symbolAt } from './locate';
import { toOffset } from './positions';
import type { Snapshot } from './snapshot';

export function references(s: Snapshot, uri: string, position: Position, includeDeclaration: boolean): Location[] {
  if (!s.document(uri)) return [];
  const sym = symbolAt(s, uri, toOffset(s.lines.get(uri), position));
  if (!sym?.target) return [];
  const refs = occurrences(s, sym.target, false).sort((a, b) =>
    a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start - b.range.start,
  );
  return (includeDeclaration ? [sym.target, ...refs] : refs).map((o) => s.lines.location(o.uri, o.range));
}
