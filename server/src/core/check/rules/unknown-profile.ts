// A `profile` that names no built-in cost and latency profile; estimates then fall back to the default
// (india-2024). Built-in profiles live in estimate/profiles/.
//
// An unknown name: the text cannot be read as written, an error (estimates still run on the default).
import { defaultProfileName, profiles } from '../../estimate/profiles/index';
import { closest } from '../../util/suggest';
import type { Rule } from '../rule';

export const rule: Rule = {
  code: 'unknown-profile',
  check({ model, report }) {
    const names = [...profiles.keys()];
    for (const f of model.files) {
      const p = f.profile;
      if (!p || profiles.has(p.value)) continue;
      const suggestion = closest(p.value, names) ?? defaultProfileName;
      report({
        uri: p.origin.uri,
        range: p.origin.range,
        message: `Unknown profile '${p.value}'; built-in profiles: ${names.join(', ')}. Estimates use ${defaultProfileName}.${closest(p.value, names) ? ` Did you mean '${suggestion}'?` : ''}`,
        fixes: [{ title: `Change to '${suggestion}'`, edits: [{ uri: p.origin.uri, range: p.origin.range, newText: suggestion }] }],
      });
    }
  },
};
