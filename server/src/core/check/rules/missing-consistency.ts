// A data type that states no consistency level, directly or through a tier: its guarantees are then
// whatever the database defaults to, which is the fail-open default the source warns about (digest §8.3).
//
// Estimates then assume `eventual`, an assumption: a warning, with a fix that writes that level out (or choose
// the one the data needs).
import type { Rule } from '../rule';

export const rule: Rule = {
  code: 'missing-consistency',
  check({ model, report }) {
    for (const d of model.data.values()) {
      if (d.effective.level || d.props.consistency) continue;
      const nameRange = d.decl.name?.range ?? d.decl.range;
      const open = d.decl.body[0]?.range.start;
      report({
        uri: d.origin.uri,
        range: nameRange,
        message:
          `Data type '${d.name}' declares no consistency level and ` +
          'names no tier that sets one; estimates assume eventual.',
        fixes:
          open === undefined
            ? undefined
            : [
                {
                  title: "Add 'consistency eventual'",
                  edits: [
                    { uri: d.origin.uri, range: { start: open, end: open }, newText: 'consistency eventual\n  ' },
                  ],
                },
              ],
      });
    }
  },
};
