// Estimates kept between analyses (the editor's): a data type's estimate is a function of its own declaration
// and of the declarations around it that are not data (topologies, tiers, profiles, stores, file settings,
// imports) in the files its scope sees, never of positions (an estimate holds numbers and words, no ranges).
// So after an edit inside one data type, every other data type's estimate is reused; an edit to anything
// else that is not data starts afresh. test/property/incremental.property.test.ts compares the estimates of
// every data type with a fresh analysis after random edits.
import type { DataEstimate } from './estimate/estimate';
import type { DataModel } from './model/model';
import type { ParsedDocument } from './syntax/parse';

const ownKinds = ['data', 'transaction', 'scenario'];

/** What the findings of one scope rest on besides each data type's own text (the other kinds), as one string. */
export function contextOf(docs: ParsedDocument[], options: string, own: string[] = ownKinds): string {
  const parts = [options];
  for (const doc of docs) {
    parts.push(`\u0000${doc.uri}`);
    if (doc.uri.startsWith('builtin:')) continue; // the prelude never changes within a process
    for (const d of doc.ast.declarations) {
      if (!own.includes(d.kind)) parts.push(`\u0001${doc.text.slice(d.range.start, d.range.end)}`);
    }
  }
  return parts.join('');
}

export class EstimateCache {
  private readonly scopes = new Map<string, { context: string; byText: Map<string, DataEstimate> }>();

  /**
   * The estimate function of one analysis of a scope: an estimate of the last analysis is reused when the
   * context and the data type's text are the same; what this analysis does not use is forgotten after it.
   */
  scope(docs: ParsedDocument[], options: string, compute: (d: DataModel) => DataEstimate) {
    const root = docs[docs.length - 1].uri;
    const context = contextOf(docs, options);
    const before = this.scopes.get(root);
    const reuse = before?.context === context ? before.byText : undefined;
    const byText = new Map<string, DataEstimate>();
    this.scopes.set(root, { context, byText });
    const texts = new Map(docs.map((doc) => [doc.uri, doc.text]));
    return (d: DataModel): DataEstimate => {
      const text = texts.get(d.origin.uri);
      if (text === undefined) return compute(d);
      const key = `${d.origin.uri}\u0000${text.slice(d.decl.range.start, d.decl.range.end)}`;
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
