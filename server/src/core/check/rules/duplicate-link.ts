// The same pair of regions linked twice (either direction), or a link from a region to itself. Only the
// fastest duplicate is used for round trips, so the others are dead text; a self-link is not a network hop.
//
// The later duplicate is ignored, like a duplicate property; which one the author meant is a guess: a warning.
import type { LinkModel } from '../../model/model';
import type { Rule } from '../rule';

/** The fix that removes a link (built only when one is reported). */
const removeLink = (link: LinkModel) => [
  { title: 'Remove this link', edits: [{ uri: link.origin.uri, range: link.decl.range, newText: '' }] },
];

export const rule: Rule = {
  code: 'duplicate-link',
  check({ model, report }) {
    for (const topo of model.topologies.values()) {
      const seen = new Map<string, LinkModel>();
      for (const link of topo.links) {
        const { a, b } = link.decl;
        if (!a || !b) continue;
        if (a.text === b.text) {
          report({
            uri: link.origin.uri,
            range: { start: a.range.start, end: b.range.end },
            message:
              `Link ${a.text} <-> ${b.text} joins region '${a.text}' ` +
              'to itself; a round trip inside a region is not a link.',
            fixes: removeLink(link),
          });
          continue;
        }
        // the pair in either direction
        const key = a.text < b.text ? `${a.text}\u0000${b.text}` : `${b.text}\u0000${a.text}`;
        const earlier = seen.get(key);
        if (!earlier) {
          seen.set(key, link);
          continue;
        }
        const used = earlier.rttMs <= link.rttMs ? earlier : link;
        report({
          uri: link.origin.uri,
          range: { start: a.range.start, end: b.range.end },
          message:
            `${a.text}↔${b.text} is linked twice (${earlier.decl.rtt?.text} and ` +
            `${link.decl.rtt?.text}); only the faster, ${used.decl.rtt?.text}, is used.`,
          related: [{ uri: earlier.origin.uri, range: earlier.decl.range, message: 'first link here' }],
          fixes: removeLink(link),
        });
      }
    }
  },
};
