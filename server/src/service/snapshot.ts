// One analysis of the workspace as the editor features see it: the core's Analysis plus line indexes and
// the versions of the open documents it was computed from. Every feature takes a Snapshot.
import type { Analysis } from '../core/pipeline';
import type { ParsedDocument } from '../core/syntax/parse';
import { LineCache } from './positions';

export interface Snapshot {
  analysis: Analysis;
  lines: LineCache;
  /** Versions of the open documents analysed; undefined for files read from disk and built-ins. */
  versions: ReadonlyMap<string, number>;
  document(uri: string): ParsedDocument | undefined;
  /** The URI of docs/rules.md where the server is installed: diagnostics link to their code's section. */
  rulesDoc?: string;
}

export function createSnapshot(
  analysis: Analysis,
  versions: ReadonlyMap<string, number> = new Map(),
  rulesDoc?: string,
): Snapshot {
  const document = (uri: string) => analysis.documents.get(uri);
  return { analysis, versions, document, lines: new LineCache((uri) => document(uri)?.text), rulesDoc };
}
