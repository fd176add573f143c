// What a file sees: the built-in prelude, itself, and the files its `import "…"` declarations name, and what
// those import in turn (docs/language.md#files). Paths are relative to the importing file; a URI's key is its
// normalised spelling (`file:///a%20b` and `file:///a b` are one file).
import type * as A from '../syntax/ast';
import type { ParsedDocument } from '../syntax/parse';
import type { Range } from '../util/range';
import { remembered } from '../util/remembered';

/** One spelling per document URI, for lookups (remembered: an analysis asks for every declaration's). */
export const uriKey = remembered((uri) => {
  try {
    return new URL(uri).href;
  } catch {
    return uri;
  }
}, 10_000);

/** The URI an import path names, relative to the importing file; undefined when it cannot name one. */
export function resolveImport(from: string, path: string): string | undefined {
  if (path.trim() === '' || /^[a-z][a-z0-9+.-]*:/i.test(path)) return undefined; // absolute URIs are not imports
  try {
    const base = new URL(from);
    if (base.protocol !== 'file:' && !base.pathname.includes('/')) return undefined; // `untitled:x` has no folder
    return new URL(path.replace(/\\/g, '/'), base).href;
  } catch {
    return undefined;
  }
}

/** The path to write in `import "…"` for `to` from `from` (both file-like URIs), e.g. `../shared/aws.consistency`. */
export function importPath(from: string, to: string): string {
  try {
    const a = decodeURIComponent(new URL(from).pathname).split('/').slice(0, -1);
    const b = decodeURIComponent(new URL(to).pathname).split('/');
    let i = 0;
    while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
    const up = a.length - i;
    return [...(up > 0 ? Array<string>(up).fill('..') : []), ...b.slice(i)].join('/');
  } catch {
    return to;
  }
}

export interface ImportEdge {
  decl: A.ImportDecl;
  /** The key of the imported document, when the path names one that is known. */
  target?: string;
}

/** The imports of every document, resolved against the known documents (by key). */
export function importEdges(doc: ParsedDocument, known: (key: string) => boolean): ImportEdge[] {
  const out: ImportEdge[] = [];
  for (const d of doc.ast.declarations) {
    if (d.kind !== 'import' || !d.path) continue;
    const uri = resolveImport(doc.uri, d.path.value);
    const key = uri && uriKey(uri);
    out.push({ decl: d, target: key && known(key) ? key : undefined });
  }
  return out;
}

/**
 * The documents `root` sees through its imports, transitively, dependencies first (each once, the root
 * itself left out): the order their declarations are registered in, so a name declared twice is reported on
 * the file that sees the other.
 */
export function visibleFrom(root: string, edges: (key: string) => ImportEdge[]): string[] {
  // A depth-first walk with its own stack (a chain of thousands of imports must not exhaust the call stack);
  // a file comes after everything it imports.
  const out: string[] = [];
  const seen = new Set<string>([root]);
  const stack: { key: string; edges: ImportEdge[]; next: number }[] = [{ key: root, edges: edges(root), next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next === top.edges.length) {
      stack.pop();
      if (top.key !== root) out.push(top.key);
      continue;
    }
    const target = top.edges[top.next++].target;
    if (!target || seen.has(target)) continue;
    seen.add(target);
    stack.push({ key: target, edges: edges(target), next: 0 });
  }
  return out;
}

/** The root's own import through which it sees `target` (directly or transitively), for re-anchoring. */
export function importLeadingTo(
  root: string,
  target: string,
  edges: (key: string) => ImportEdge[],
): { decl: A.ImportDecl; range: Range } | undefined {
  for (const e of edges(root)) {
    if (!e.target) continue;
    if (e.target !== target && !visibleFrom(e.target, edges).includes(target)) continue;
    return { decl: e.decl, range: e.decl.path?.range ?? e.decl.range };
  }
  return undefined;
}
