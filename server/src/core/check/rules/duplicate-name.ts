// Two declarations of the same kind with the same name (regions: within one topology) that one file sees:
// in the file itself, or in the file and what it imports (docs/language.md#files). Which one a reference
// means is then not defined (the first is used). Unrelated files never collide: each sees only the prelude,
// itself and its imports. When two files a file imports collide with each other, it is reported on the
// import that brings the second. A user tier may replace a built-in one of the same name on purpose, so
// that is not reported.
import type { Declared } from '../../model/model';
import type { Rule } from '../rule';

/** The last path segment of a URI, for messages (the related location carries the full path). */
function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

export const rule: Rule = {
  code: 'duplicate-name',
  check({ model, report }) {
    // By kind (and topology, for regions), then name: no key string per declaration.
    const first = new Map<string, Map<string, Declared>>();
    const regions = new Map<string, Map<string, Declared>>(); // by topology
    // A topology declared again is not used at all: its regions are not duplicates of their own (no cascade).
    const unused: Declared[] = [];
    const within = (d: Declared, t: Declared) =>
      d.origin.uri === t.origin.uri && t.full.start <= d.origin.range.start && d.origin.range.end <= t.full.end;
    for (const d of model.declarations) {
      if (d.builtin) continue;
      if (d.kind === 'region' && unused.length > 0 && unused.some((t) => within(d, t))) continue;
      const table = d.kind === 'region' && d.container ? regions : first;
      const scope = table === regions ? d.container! : d.container ? `${d.kind}\u0000${d.container}` : d.kind;
      let names = table.get(scope);
      if (!names) table.set(scope, (names = new Map()));
      const earlier = names.get(d.name);
      if (!earlier) {
        names.set(d.name, d);
        continue;
      }
      if (d.kind === 'topology') unused.push(d);
      const sameFile = earlier.origin.uri === d.origin.uri;
      const inFile = sameFile ? '' : ` in ${fileName(earlier.origin.uri)}`;
      const inTopology = d.container ? ` in topology '${d.container}'` : '';
      report({
        uri: d.origin.uri,
        range: d.origin.range,
        message:
          `${d.kind[0].toUpperCase()}${d.kind.slice(1)} '${d.name}' is already declared${inFile}${inTopology}; ` +
          'the first declaration is used.',
        related: [{ uri: earlier.origin.uri, range: earlier.origin.range, message: 'first declared here' }],
      });
    }
  },
};
