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

/** Groups of regions joined by links, in declaration order (union–find over the links: linear). */
function components(topo: TopologyModel): RegionModel[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    for (let y = x; y !== r; ) {
      const next = parent.get(y)!;
      parent.set(y, r);
      y = next;
    }
    return r;
  };
  for (const name of topo.regions.keys()) parent.set(name, name);
  for (const l of topo.links) {
    if (l.a === l.b || !parent.has(l.a) || !parent.has(l.b) || !(l.rttMs < Infinity)) continue;
    parent.set(find(l.a), find(l.b));
  }
  const groups = new Map<string, RegionModel[]>();
  for (const r of topo.regions.values()) {
    const root = find(r.name);
    const g = groups.get(root);
    if (g) g.push(r);
    else groups.set(root, [r]);
  }
  return [...groups.values()];
}

/** At most eight names, then how many more. */
function someNames(rs: RegionModel[]): string {
  const shown = rs
    .slice(0, 8)
    .map((r) => r.name)
    .join(', ');
  return rs.length > 8 ? `${shown} and ${rs.length - 8} more` : shown;
}

function linkFix(topo: TopologyModel, from: RegionModel[], to: RegionModel, at: number): Fix | undefined {
  let best: { r: RegionModel; ms: number } | undefined;
  for (const r of from) {
    const f = fibreFloor(r, to);
    if (f && (!best || f.rttMs < best.ms)) best = { r, ms: f.rttMs };
  }
  if (!best) return undefined;
  const ms = Math.max(1, Math.ceil(best.ms));
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
      const read = new Set(topo.links.map((m) => m.decl));
      if (topo.decl.links.some((l) => l.a && l.b && !read.has(l))) continue;
      const groups = components(topo);
      if (groups.length < 2) continue;
      const main = groups.find((g) => g.some((r) => r.primary)) ?? [...groups].sort((x, y) => y.length - x.length)[0];
      const names = someNames(main);
      let at = 0; // where a fix adds a link: after the topology's last region or link
      for (const x of [...topo.decl.regions, ...topo.decl.links]) at = Math.max(at, x.range.end);
      for (const g of groups) {
        if (g === main) continue;
        for (const r of g) {
          const fix = linkFix(topo, main, r, at);
          report({
            uri: r.origin.uri,
            range: r.origin.range,
            message:
              `Region '${r.name}' of topology '${topo.name}' is reached by no chain of links from ${names}: its ` +
              `${plural(r.replicas, 'replica')} cannot replicate with them, and round trips to it are unknown.`,
            fixes: fix ? [fix] : undefined,
          });
        }
      }
    }
  },
};
