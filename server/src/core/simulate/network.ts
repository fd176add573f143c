// Delays of one replica group: one-way network delays between regions (half a sampled round trip per link
// along the fastest path, slowed by faults), the replicas' work (apply, ack, read, response) and the
// coordinator's service time; defaults from the topology and the profile, overridden by the scenario.
import type { CostClass } from '../model/levels';
import type { LinkModel, TopologyModel } from '../model/model';
import type { StoreDelays } from '../estimate/delays';
import type { Profile } from '../estimate/profile';
import { describe, fixed, fromRtt, type Distribution } from '../model/delay';
import { samplerOf, type Sampler } from './sampler';
import type { GroupFaults } from './faults';
import type { Rng } from './prng';
import type { DelayOverrides } from './scenario';

export interface DelayModel {
  intraRegion: Distribution;
  /** The scenario set `intraRegion` itself (it then holds in every region). */
  intraRegionDeclared?: boolean;
  write: Distribution;
  ack: Distribution;
  read: Distribution;
  response: Distribution;
  service: Distribution;
}

/** The delays: the scenario's overrides, else the topology's declared `replica` work, else the store model's
 *  (a named `store`), else defaults from the profile; and the assumptions behind them. */
export function defaultDelays(
  profile: Profile,
  costClass: CostClass,
  over: DelayOverrides = {},
  topology?: TopologyModel,
  store?: StoreDelays,
): { model: DelayModel; notes: string[] } {
  const o: DelayOverrides = { ...topology?.work, ...over };
  const s = profile.classes[costClass].serviceMs;
  const ev = profile.classes.eventual.serviceMs;
  // A named store's model: each replica's own time to apply a write and to read (its W and R), no other service time.
  const sys = store?.system ? store : undefined;
  const model: DelayModel = {
    intraRegion: o.intraRegion ?? fixed(profile.intraRegionRttMs),
    intraRegionDeclared: over.intraRegion !== undefined,
    // A replica applies a write like a local eventual write: median = the eventual class's p50, p99 = the
    // profile's apply time (india-2024: 6 ms and 24 ms, from the Flipkart benchmark, source L1901).
    write: o.write ??
      sys?.replica.write[costClass] ?? {
        kind: 'lognormal',
        median: Math.min(ev.p50, profile.applyMsP99),
        p99: profile.applyMsP99,
      },
    ack: o.ack ?? fixed(0),
    read: o.read ?? sys?.replica.read[costClass] ?? fixed(0),
    response: o.response ?? fixed(0),
    // The time inside the store per operation, as the estimate uses it: the level class's p50 and p99.
    service: o.service ?? (sys ? fixed(0) : { kind: 'lognormal', median: s.p50, p99: Math.max(s.p50, s.p99) }),
  };
  const own = [...(topology?.regions.values() ?? [])].filter((r) => r.rtt).map((r) => `${r.name} ${describe(r.rtt!)}`);
  const inside =
    own.length && !model.intraRegionDeclared
      ? `${own.join(', ')} as declared, else ${describe(model.intraRegion)}`
      : describe(model.intraRegion);
  const notes = [
    `delays: intra-region round trip ${inside}; a replica applies a write in ${describe(model.write)}, ` +
      `acknowledges in ${describe(model.ack)}, reads in ${describe(model.read)}, ` +
      `responds in ${describe(model.response)}; ` +
      `the coordinator's service time per operation ${describe(model.service)}`,
    'links: one-way delay = half a round trip sampled per link along the fastest path ' +
      "(the link's declared distribution, else normal with its jitter as sd, clamped at 0)",
  ];
  if (sys)
    notes.push(`${sys.notes[0]}: each replica's write and read times from it (W and R); no service time beside them`);
  const declared = Object.keys(topology?.work ?? {}).filter((k) => !(k in over));
  if (declared.length) notes.push(`replica work ${declared.join(', ')}: as declared in topology ${topology!.name}`);
  return { model, notes };
}

export class Network {
  private paths: Sampler[][];
  readonly write: Sampler;
  readonly ack: Sampler;
  readonly read: Sampler;
  readonly response: Sampler;
  readonly service: Sampler;
  private R: number;

  constructor(
    regions: string[],
    topology: TopologyModel | undefined,
    delays: DelayModel,
    links: Record<string, Distribution> | undefined,
    private rng: Rng,
    private faults: GroupFaults,
  ) {
    const R = (this.R = regions.length);
    const intra = samplerOf(delays.intraRegion);
    // A region's declared `rtt` replaces the profile's round trip inside it (a scenario override replaces both).
    const within = (r: string): Sampler => {
      const own = delays.intraRegionDeclared ? undefined : topology?.regions.get(r)?.rtt;
      return own ? samplerOf(own) : intra;
    };
    const linkSampler = new Map<string, Sampler>();
    const sampler = ({ a, b, dist, rttMs, jitterMs }: LinkModel) => {
      const key = a < b ? `${a}<->${b}` : `${b}<->${a}`;
      let s = linkSampler.get(key);
      if (!s)
        linkSampler.set(
          key,
          (s = samplerOf(links?.[`${a}<->${b}`] ?? links?.[`${b}<->${a}`] ?? dist ?? fromRtt(rttMs, jitterMs))),
        );
      return s;
    };
    this.paths = [];
    for (let a = 0; a < R; a++)
      for (let b = 0; b < R; b++) {
        if (a === b || !topology) this.paths.push([within(regions[a])]);
        else this.paths.push(topology.path(regions[a], regions[b]).map(sampler));
      }
    this.write = samplerOf(delays.write);
    this.ack = samplerOf(delays.ack);
    this.read = samplerOf(delays.read);
    this.response = samplerOf(delays.response);
    this.service = samplerOf(delays.service);
  }

  /** True when b cannot be reached from a at all (no path over links). */
  unreachable(a: number, b: number): boolean {
    return this.paths[a * this.R + b].length === 0;
  }

  /** A one-way delay from region a to region b sent at time t, ms. */
  oneWay(a: number, b: number, t: number): number {
    const path = this.paths[a * this.R + b];
    let ms = 0;
    for (let i = 0; i < path.length; i++) ms += path[i](this.rng);
    ms /= 2;
    return this.faults.any ? this.faults.slowed(a, b, this.R, t, ms) : ms;
  }
}
