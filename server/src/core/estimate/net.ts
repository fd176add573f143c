// The network an estimate works on: the data's topology (regions, replica counts, round trips over
// links), or, without one, a single assumed region holding the profile's default replica count.
import type { TopologyModel } from '../model/model';
import { quantileOf, Z99, type Distribution } from '../model/delay';
import { assumedRegion } from '../model/topology';
import type { Memoising } from '../util/memo';

export interface Site {
  name: string;
  replicas: number;
}

/** One round trip between two regions (or inside one), with the links it crosses. */
export interface Hop {
  /** e.g. `delhi↔mumbai`, `delhi↔mumbai↔chennai`, `within mumbai`. */
  label: string;
  rttMs: number;
  jitterMs: number;
}

/** Memoising: the routes worked out on it are kept with it (util/memo.ts). */
export interface Net extends Memoising {
  sites: Site[];
  totalReplicas: number;
  /** False when no topology was declared and one region was assumed. */
  declared: boolean;
  hop(a: string, b: string): Hop | undefined;
}

/** Replica counts above this, per region, are modelled as this many (keeps quorum arithmetic bounded). */
export const maxModelledReplicas = 100;

export function netOf(topology: TopologyModel | undefined, intraRttMs: number, defaultReplicas: number): Net {
  if (!topology || topology.regions.size === 0) {
    const sites = [{ name: assumedRegion, replicas: defaultReplicas }];
    return {
      sites,
      totalReplicas: defaultReplicas,
      declared: false,
      hop: () => ({ label: 'within the region', rttMs: intraRttMs, jitterMs: 0 }),
      memo: undefined,
    };
  }
  const sites = [...topology.regions.values()].map((r) => ({
    name: r.name,
    replicas: Math.min(r.replicas, maxModelledReplicas),
  }));
  // Hops inside a region are worked out once (quantiles of its rtt); a hop between regions is two lookups in
  // the topology's shortest-path trees, kept per pair only for nets of up to maxKeptSites regions: keeping every
  // pair the latency plans ask for (all client regions × all sites) held n² hops for a topology of many regions.
  const within = new Map<string, Hop>();
  const compute = (a: string, b: string): Hop | undefined => {
    if (a === b) {
      let h = within.get(a);
      if (!h) within.set(a, (h = withinRegion(a, topology.regions.get(a)?.rtt, intraRttMs)));
      return h;
    }
    const rtt = topology.rtt(a, b);
    if (rtt === undefined) return undefined;
    return new ChainHop(topology, a, b, rtt, topology.jitter(a, b));
  };
  return {
    sites,
    totalReplicas: sites.reduce((s, x) => s + x.replicas, 0),
    declared: true,
    hop: sites.length <= maxKeptSites ? keptHops(sites, compute) : compute,
    memo: undefined,
  };
}

/** Nets of up to this many regions keep every hop asked for (at most 64² slots); larger ones work each out afresh. */
const maxKeptSites = 64;

/**
 * `compute`, with each pair of the sites' hops kept once asked for: the latency plans, leaders and lag of every core
 * on a net ask for the same few pairs, and each would otherwise look up the shortest paths and make a hop again.
 */
function keptHops(sites: Site[], compute: (a: string, b: string) => Hop | undefined): Net['hop'] {
  const k = sites.length;
  const index = new Map<string, number>();
  sites.forEach((s, i) => index.set(s.name, i));
  let kept: (Hop | null | undefined)[] | undefined; // null: no chain of links joins them
  return (a, b) => {
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined) return compute(a, b);
    kept ??= new Array<Hop | null | undefined>(k * k);
    let h = kept[i * k + j];
    if (h === undefined) kept[i * k + j] = h = compute(a, b) ?? null;
    return h ?? undefined;
  };
}

/** The round trip inside a region: its declared `rtt` (read by median and spread to p99), else the profile's. */
function withinRegion(a: string, rtt: Distribution | undefined, intraRttMs: number): Hop {
  if (!rtt) return { label: `within ${a}`, rttMs: intraRttMs, jitterMs: 0 };
  const median = quantileOf(rtt, 0.5);
  return { label: `within ${a}`, rttMs: median, jitterMs: Math.max(0, (quantileOf(rtt, 0.99) - median) / Z99) };
}

/** A hop over a chain of links; its label spells the chain, built when a message reads it (not per pair asked). */
class ChainHop implements Hop {
  private spelled: string | undefined;

  constructor(
    private readonly topology: TopologyModel,
    private readonly a: string,
    private readonly b: string,
    readonly rttMs: number,
    readonly jitterMs: number,
  ) {}

  get label(): string {
    if (this.spelled === undefined) {
      const seq = [this.a];
      for (const l of this.topology.path(this.a, this.b)) seq.push(l.a === seq[seq.length - 1] ? l.b : l.a);
      this.spelled = seq.join('↔');
    }
    return this.spelled;
  }
}
