// A link round trip shorter than light in fibre allows between its regions' locations (`coordinates`, else
// `city`, else the region's name as a known city or cloud region): great-circle distance at 200 km per ms one
// way (≈ 2/3 c, geo/distance.ts). Usually a typo or a one-way time; every estimate built on it is too optimistic.
//
// Physics: no network can beat light in fibre, so this is an error, on the round trip. The fix sets the
// fibre minimum, a lower bound to replace with a measured figure.
import { ceilTenth, groupThousands } from '../../geo/distance';
import { fibreFloor } from '../../geo/region-location';
import type { Rule } from '../rule';

export const rule: Rule = {
  code: 'link-faster-than-light',
  check({ model, report }) {
    for (const topo of model.topologies.values()) {
      for (const link of topo.links) {
        const a = topo.regions.get(link.a);
        const b = topo.regions.get(link.b);
        const rtt = link.decl.rtt;
        if (!a || !b || a === b || !rtt) continue;
        const floor = fibreFloor(a, b);
        if (!floor || link.rttMs >= floor.rttMs) continue;
        const min = ceilTenth(floor.rttMs);
        report({
          uri: link.origin.uri,
          range: rtt.range,
          message:
            `${link.a}↔${link.b} is ${groupThousands(floor.km)} km great-circle: light ` +
            `in fibre needs ≥ ${min} ms round trip, but the link says ${rtt.text}.`,
          fixes: [
            {
              title: `Set the round trip to the fibre minimum, ${min}ms`,
              edits: [{ uri: link.origin.uri, range: rtt.range, newText: `${min}ms` }],
            },
          ],
        });
      }
    }
  },
};
