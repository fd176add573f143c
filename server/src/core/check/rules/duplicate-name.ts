// Two declarations of the same kind with the same name (regions: within one topology). A user tier may
// replace a built-in one of the same name on purpose, so that is not reported.
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
    for (const d of model.declarations) {
      if (d.builtin) continue;
      const scope = d.container ? `${d.kind}\u0000${d.container}` : d.kind;
      let names = first.get(scope);
      if (!names) first.set(scope, (names = new Map()));
      const earlier = names.get(d.name);
      if (!earlier) {
        names.set(d.name, d);
        continue;
      }
      const sameFile = earlier.origin.uri === d.origin.uri;
      report({
        uri: d.origin.uri,
        range: d.origin.range,
        message: `${d.kind[0].toUpperCase()}${d.kind.slice(1)} '${d.name}' is already declared${sameFile ? '' : ` in ${fileName(earlier.origin.uri)}`}${d.container ? ` in topology '${d.container}'` : ''}; the first declaration is used.`,
        related: [{ uri: earlier.origin.uri, range: earlier.origin.range, message: 'first declared here' }],
      });
    }
  },
};
