// Go to definition: from a reference (or a declaration's own name) to the declared name, including into
// the built-in prelude, whose `builtin:` documents the client fetches with `builtinText`; from an import's
// path to the file it names.
import type { Location, Position } from 'vscode-languageserver-types';
import { isBuiltin, builtinScheme } from '../core/model/build-model';
import { resolveImport, uriKey } from '../core/model/imports';
import { preludeDocuments } from '../core/pipeline';
import { contains } from '../core/util/range';
import { symbolAt } from './locate';
import { toOffset } from './positions';
import type { Snapshot } from './snapshot';

export function definition(s: Snapshot, uri: string, position: Position): Location | null {
  const doc = s.document(uri);
  if (!doc) return null;
  const offset = toOffset(s.lines.get(uri), position);
  const imp = doc.ast.declarations.find((d) => d.kind === 'import' && d.path && contains(d.path.range, offset));
  if (imp?.kind === 'import' && imp.path) {
    const target = resolveImport(uri, imp.path.value);
    const known = target && [...s.analysis.documents.keys()].find((u) => uriKey(u) === uriKey(target));
    return known ? { uri: known, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } } : null;
  }
  const sym = symbolAt(s, uri, offset);
  return sym?.target ? s.lines.location(sym.target.uri, sym.target.range) : null;
}

/** The text of a built-in document (`builtin:///rbi.consistency`), or undefined for any other URI. */
/**
 * The text of a built-in document, by `builtin:///rbi.consistency` or the `builtin:/rbi.consistency` VS Code prints.
 */
export function builtinText(uri: string): string | undefined {
  if (!isBuiltin(uri)) return undefined;
  const path = uri.slice(builtinScheme.length).replace(/^\/+/, '');
  return preludeDocuments().find((d) => d.uri === `${builtinScheme}///${path}`)?.text;
}
