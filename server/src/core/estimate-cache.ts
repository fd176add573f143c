// Estimates kept between analyses (the editor's): a data type's estimate is a function of its own declaration
// and of the declarations around it that are not data (topologies, tiers, profiles, stores, file settings,
// imports) in the files its scope sees, never of positions (an estimate holds numbers and words, no ranges).
// So after an edit inside one data type, every other data type's estimate is reused; an edit to anything
// else that is not data starts afresh. test/property/incremental.property.test.ts compares the estimates of
// every data type with a fresh analysis after random edits.
import type { DataEstimate } from './estimate/estimate';
import type { DataModel } from './model/model';
import type * as A from './syntax/ast';
import type { ParsedDocument } from './syntax/parse';

const ownKinds = ['data', 'transaction', 'scenario'];

const keys = new WeakMap<A.Declaration, string>();

/**
 * A declaration's file and text as one string: equal keys, equal declarations. Remembered per AST node (an
 * edit elsewhere keeps the node, moved, and its text), so an analysis slices and hashes only new declarations.
 */
export function declarationKey(doc: ParsedDocument, d: A.Declaration): string {
  let key = keys.get(d);
  if (key === undefined) {
    key = `${doc.uri}\u0000${doc.text.slice(d.range.start, d.range.end)}`;
    key.charCodeAt(0); // flattens the concatenation: the key must not hold on to the whole text it was cut from
    keys.set(d, key);
  }
  return key;
}

/** What the findings of one scope rest on besides each data type's own text (the other kinds), as keys. */
export function contextOf(docs: ParsedDocument[], options: string, own: string[] = ownKinds): string[] {
  const parts = [options];
  for (const doc of docs) {
    parts.push(doc.uri);
    if (doc.uri.startsWith('builtin:')) continue; // the prelude never changes within a process
    for (const d of doc.ast.declarations) if (!own.includes(d.kind)) parts.push(declarationKey(doc, d));
  }
  return parts;
}

/** Whether two contexts are the same (their keys compared one by one: the same string objects, mostly). */
export function sameContext(a: string[] | undefined, b: string[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class EstimateCache {
  private readonly scopes = new Map<string, { context: string[]; byText: Map<string, DataEstimate> }>();

  /**
   * The estimate function of one analysis of a scope: an estimate of the last analysis is reused when the
   * context and the data type's text are the same; what this analysis does not use is forgotten after it.
   */
  scope(docs: ParsedDocument[], options: string, compute: (d: DataModel) => DataEstimate) {
    const root = docs[docs.length - 1].uri;
    const context = contextOf(docs, options);
    const before = this.scopes.get(root);
    const reuse = sameContext(before?.context, context) ? before!.byText : undefined;
    const byText = new Map<string, DataEstimate>();
    this.scopes.set(root, { context, byText });
    const byUri = new Map(docs.map((doc) => [doc.uri, doc]));
    return (d: DataModel): DataEstimate => {
      const doc = byUri.get(d.origin.uri);
      if (doc === undefined) return compute(d);
      const key = declarationKey(doc, d.decl);
      let e = byText.get(key) ?? reuse?.get(key);
      if (!e) e = compute(d);
      byText.set(key, e);
      return e;
    };
  }

  /** Forget the scopes of files no longer analysed. */
  keep(roots: Set<string>): void {
    for (const r of [...this.scopes.keys()]) if (!roots.has(r)) this.scopes.delete(r);
  }
}
