// Go to definition: from a reference (or a declaration's own name) to the declared name, including into
// the built-in prelude, whose `builtin:` documents the client fetches with `builtinText`.
import type { Location, Position } from 'vscode-languageserver-types';
import { builtinScheme } from '../core/model/build-model';
import { preludeDocuments } from '../core/pipeline';
import { symbolAt } from './locate';
import { toOffset } from './positions';
import type { Snapshot } from './snapshot';

export function definition(s: Snapshot, uri: string, position: Position): Location | null {
  if (!s.document(uri)) return null;
  const sym = symbolAt(s, uri, toOffset(s.lines.get(uri), position));
  return sym?.target ? s.lines.location(sym.target.uri, sym.target.range) : null;
}

/** The text of a built-in document (`builtin:///rbi.consistency`), or undefined for any other URI. */
/** The text of a built-in document, by `builtin:///rbi.consistency` or the `builtin:/rbi.consistency` VS Code prints. */
export function builtinText(uri: string): string | undefined {
  if (!uri.startsWith(builtinScheme)) return undefined;
  const path = uri.slice(builtinScheme.length).replace(/^\/+/, '');
  return preludeDocuments().find((d) => d.uri === `${builtinScheme}///${path}`)?.text;
}
