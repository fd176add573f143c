// The same pair of regions linked twice (either direction), or a link from a region to itself. Only the
// fastest duplicate is used for round trips, so the others are dead text; a self-link is not a network hop.
import type { LinkModel } from '../../model/model';
import type { Rule } from '../rule';

export const rule: Rule = {
  code: 'duplicate-link',
  defaultSeverity: 'warning',
  summary: 'Two links join the same pair of regions, or a link joins a region to itself.',
  check({ model, report }) {
    for (const topo of model.topologies.values()) {
      const seen = new Map<string, LinkModel>();
      for (const link of topo.links) {
        const { a, b } = link.decl;
        if (!a || !b) continue;
        const range = { start: a.range.start, end: b.range.end };
        const remove = [{ title: 'Remove this link', edits: [{ uri: link.origin.uri, range: link.decl.range, newText: '' }] }];
        if (a.text === b.text) {
          report({ uri: link.origin.uri, range, message: `Link ${a.text} <-> ${b.text} joins region '${a.text}' to itself; a round trip inside a region is not a link.`, fixes: remove });
          continue;
        }
        const key = [a.text, b.text].sort().join('\u0000');
        const earlier = seen.get(key);
        if (!earlier) {
          seen.set(key, link);
          continue;
        }
        const used = earlier.rttMs <= link.rttMs ? earlier : link;
        report({
          uri: link.origin.uri,
          range,
          message: `${a.text}↔${b.text} is linked twice (${earlier.decl.rtt?.text} and ${link.decl.rtt?.text}); only the faster, ${used.decl.rtt?.text}, is used.`,
          related: [{ uri: earlier.origin.uri, range: earlier.decl.range, message: 'first link here' }],
          fixes: remove,
        });
      }
    }
  },
};
