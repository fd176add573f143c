// A name that refers to nothing declared: a tier, topology, data type or region (in its topology).
//
// A file sees the built-in prelude, itself and what it imports (docs/language.md#files). When the name is
// declared in a file this one does not import, the message names that file and a fix adds the `import`; a
// close name gets "Did you mean". An error: the text cannot be read as written.
import { closest } from '../../util/suggest';
import type { Rule } from '../rule';

const words = {
  topology: 'topology',
  tier: 'tier',
  data: 'data type',
  transaction: 'transaction',
  region: 'region',
  scenario: 'scenario',
};

export const rule: Rule = {
  code: 'unknown-reference',
  check({ model, report }) {
    for (const ref of model.references) {
      if (ref.target) continue;
      const candidates = model.declarations
        .filter((d) => d.kind === ref.kind && (ref.kind !== 'region' || d.container === ref.scope))
        .map((d) => d.name);
      const suggestion = closest(ref.name, candidates);
      const where =
        ref.kind === 'region' ? (ref.scope ? ` in topology '${ref.scope}'` : ' (the data type has no topology)') : '';
      report({
        uri: ref.uri,
        range: ref.range,
        message:
          `Unknown ${words[ref.kind]} ` + `'${ref.name}'${where}.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`,
        fixes: suggestion
          ? [{ title: `Change to '${suggestion}'`, edits: [{ uri: ref.uri, range: ref.range, newText: suggestion }] }]
          : undefined,
      });
    }
  },
};
