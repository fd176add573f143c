// A region of a multi-region topology that no chain of links joins to the others (to the part holding the
// primary, else the largest): its replicas cannot replicate and its round trips are unknown. The fix adds a
// link at the fibre minimum to the nearest located region: a lower bound to replace with a measured figure.
//
// Without a path the declared topology cannot replicate to that region at all: an error, on the region.
import { fibreFloor } from '../../geo/region-location';
import type { RegionModel, TopologyModel } from '../../model/model';
import type { Fix } from '../../diagnostic';
import type { Rule } from '../rule';
import { plural } from '../../util/plural';

/** Groups of regions joined by links, in declaration order. */
function components(topo: TopologyModel): RegionModel[][] {
  const groups: RegionModel[][] = [];
  for (const r of topo.regions.values()) {
    const g = groups.find((x) => topo.rtt(x[0].name, r.name) !== undefined);
    if (g) g.push(r);
    else groups.push([r]);
  }
  return groups;
}

function linkFix(topo: TopologyModel, from: RegionModel[], to: RegionModel): Fix | undefined {
  let best: { r: RegionModel; ms: number } | undefined;
  for (const r of from) {
    const f = fibreFloor(r, to);
    if (f && (!best || f.rttMs < best.ms)) best = { r, ms: f.rttMs };
  }
  if (!best) return undefined;
  const ms = Math.max(1, Math.ceil(best.ms));
  const at = Math.max(...[...topo.decl.regions, ...topo.decl.links].map((x) => x.range.end));
  const line = `link ${best.r.name} <-> ${to.name} ${ms}ms`;
  return {
    title: `Add '${line}' (the fibre minimum; replace with a measured round trip)`,
    edits: [{ uri: topo.origin.uri, range: { start: at, end: at }, newText: `\n  ${line}` }],
  };
}

export const rule: Rule = {
  code: 'unreachable-region',
  check({ model, report }) {
    for (const topo of model.topologies.values()) {
      if (topo.regions.size < 2) continue;
      // A link whose round trip could not be read is already an error; judge connectivity once it is fixed.
      if (topo.decl.links.some((l) => l.a && l.b && !topo.links.some((m) => m.decl === l))) continue;
      const groups = components(topo);
      if (groups.length < 2) continue;
      const main = groups.find((g) => g.some((r) => r.primary)) ?? [...groups].sort((x, y) => y.length - x.length)[0];
      const names = main.map((r) => r.name).join(', ');
      for (const g of groups) {
        if (g === main) continue;
        for (const r of g) {
          const fix = linkFix(topo, main, r);
          report({
            uri: r.origin.uri,
            range: r.origin.range,
            message: `Region '${r.name}' of topology '${topo.name}' is reached by no chain of links from ${names}: its ${plural(r.replicas, 'replica')} cannot replicate with them, and round trips to it are unknown.`,
            fixes: fix ? [fix] : undefined,
          });
        }
      }
    }
  },
};
