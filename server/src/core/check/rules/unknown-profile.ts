// A `profile` that names no built-in or declared cost and latency profile; estimates then fall back to the
// default (india-2024). Built-in profiles live in estimate/profiles/ and the prelude (vendors-2026).
//
// An unknown name: the text cannot be read as written, an error (estimates still run on the default).
import { defaultProfileName } from '../../estimate/profiles/index';
import { knownProfileNames } from '../../estimate/profiles/resolve';
import { closest } from '../../util/suggest';
import type { Rule } from '../rule';

export const rule: Rule = {
  code: 'unknown-profile',
  check({ model, report }) {
    const names = knownProfileNames(model);
    for (const f of model.files) {
      const p = f.profile;
      if (!p || names.includes(p.value)) continue;
      const suggestion = closest(p.value, names) ?? defaultProfileName;
      report({
        uri: p.origin.uri,
        range: p.origin.range,
        message:
          `Unknown profile '${p.value}'; built-in or declared profiles: ${names.join(', ')}. Estimates ` +
          `use ${defaultProfileName}.${closest(p.value, names) ? ` Did you mean '${suggestion}'?` : ''}`,
        fixes: [
          {
            title: `Change to '${suggestion}'`,
            edits: [{ uri: p.origin.uri, range: p.origin.range, newText: suggestion }],
          },
        ],
      });
    }
  },
};
