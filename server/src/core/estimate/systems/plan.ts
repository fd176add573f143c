// A store model: how a named system (`store cosmos` …) turns a level and a topology into round trips, service
// times, replication delay and availability, from its documented behaviour and the profile's figures. Managed
// services (Cosmos DB, DynamoDB, Spanner) keep their own replica sets per region and publish SLAs;
// self-managed ones (PostgreSQL, MongoDB, Cassandra) run the declared replicas and follow their protocol.
import { cdfOf, type Distribution } from '../../model/delay';
import type { Level } from '../../model/levels';
import type { ReplicationMode } from '../../model/model';
import type { StoreSystem } from '../../model/stores';
import { majority } from '../../util/quorum';
import { quorumProbability, type AvailabilityDetail, leaderSideAvailability } from '../availability';
import { formatAvailability } from '../format';
import type { Net } from '../net';
import type { Profile, ServiceTimes } from '../profile';
import { cite, figureOf } from '../profiles/resolve';
import { leaderThenFollowers, quorumService, serviceOf } from './math';

export const systemTitles: Record<StoreSystem, string> = {
  cosmos: 'Cosmos DB',
  dynamodb: 'DynamoDB',
  spanner: 'Spanner',
  postgres: 'PostgreSQL',
  mongodb: 'MongoDB',
  cassandra: 'Cassandra',
};

export interface SystemInput {
  system: StoreSystem;
  profile: Profile;
  level: Level;
  net: Net;
  mode: ReplicationMode;
  w: number;
  r: number;
  consensus: boolean;
  /** The declared primaries (writes are led from them). */
  primaries: string[];
}

export interface SystemPlan {
  system: StoreSystem;
  /** e.g. `Cosmos DB: 3 regions, one write region, session`. */
  title: string;
  /** The network the routes run on: managed stores keep one replica set per region. */
  net: Net;
  mode: ReplicationMode;
  w: number;
  r: number;
  consensusReads: boolean;
  /** Writes are led from every region (multi-region writes, global tables). */
  leaders?: string[];
  multiWrite: boolean;
  regions: number;
  read: ServiceTimes;
  write: ServiceTimes;
  /** Delay after the one-way network before a replica that was not waited for has the write. */
  replicationDelay: Distribution;
  applyMsP99: number;
  /** The distributions behind `read` and `write` (a replica's own), for the simulator. */
  readDist: Distribution;
  writeDist: Distribution;
  /** Computed once the leaders are known. */
  availability(leaders: string[]): AvailabilityDetail;
  notes: string[];
  capacity?: { perReplica: number; source: string };
}

const p99Of = (d: Distribution) => {
  let lo = 0;
  let hi = 1;
  while (cdfOf(d, hi) < 0.99 && hi < 1e9) hi *= 2;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (cdfOf(d, mid) >= 0.99) hi = mid;
    else lo = mid;
  }
  return hi;
};

/** One replica set per region: how managed stores see a topology. */
function perRegion(net: Net): Net {
  const sites = net.sites.map((s) => ({ name: s.name, replicas: 1 }));
  return { sites, totalReplicas: sites.length, declared: net.declared, hop: net.hop, memo: undefined };
}

function sla(pct: number, what: string, source: string, n: number, w: number): AvailabilityDetail {
  return {
    pct,
    w,
    n,
    basis: 'sla',
    explanation: `the published SLA of ${what}: ${formatAvailability(pct)} (${source})`,
  };
}

export function systemPlan(i: SystemInput): SystemPlan {
  switch (i.system) {
    case 'cosmos':
    case 'dynamodb':
      return managedKeyValue(i);
    case 'spanner':
      return spanner(i);
    default:
      return selfManaged(i);
  }
}

function fig(i: SystemInput, key: string) {
  return figureOf(i.profile, `${i.system}.${key}`);
}

function dist(i: SystemInput, key: string): Distribution {
  return fig(i, key).dist ?? { kind: 'fixed', value: 0 };
}

function common(i: SystemInput) {
  const readDist = dist(i, 'read-service');
  const writeDist = dist(i, 'write-service');
  const replicationDelay = dist(i, 'replication-delay');
  const notes = [
    `service times: ${cite(fig(i, 'read-service'))}; ${cite(fig(i, 'write-service'))}`,
    `replication delay beyond the one-way network: ${cite(fig(i, 'replication-delay'))}`,
  ];
  return { readDist, writeDist, replicationDelay, applyMsP99: p99Of(replicationDelay), notes };
}

/** Cosmos DB and DynamoDB: a replica set per region; writes commit in their region (Cosmos strong: in every region). */
function managedKeyValue(i: SystemInput): SystemPlan {
  const net = perRegion(i.net);
  const regions = net.sites.length;
  const base = common(i);
  const cosmos = i.system === 'cosmos';
  const multiWrite = cosmos ? i.primaries.length > 1 : regions > 1;
  let mode: ReplicationMode = 'async';
  let w = 1;
  let how: string;
  if (cosmos && i.consensus && !multiWrite && regions > 1) {
    mode = 'sync';
    w = regions;
    how =
      'strong: a write commits in every region (global majority), reads read 2 of the 4 local replicas (no WAN trip)';
  } else if (!cosmos && i.consensus && regions === 3) {
    mode = 'quorum';
    w = 2;
    how = 'multi-Region strong consistency (MRSC): a write waits for a second Region';
  } else if (cosmos) {
    const where = multiWrite ? 'every write region commits locally' : 'writes commit in the write region';
    how = `${where} (local majority, 3 of 4 replicas) and replicate asynchronously`;
  } else {
    how =
      regions > 1
        ? 'a global table (MREC): each Region takes writes and replicates asynchronously'
        : 'one Region, three copies in it';
  }
  const slaKey = regions === 1 ? 'sla' : multiWrite && cosmos ? 'sla-multi-write' : cosmos ? 'sla' : 'sla-multi-region';
  const f = fig(i, slaKey);
  const several = `with ${cosmos ? 'several write regions' : 'global tables'}`;
  const scope = regions === 1 ? 'in one region' : multiWrite ? several : 'with one write region';
  const what = `${systemTitles[i.system]} ${scope}`;
  return {
    system: i.system,
    title: `${systemTitles[i.system]}: ${regions} region${regions > 1 ? 's' : ''}, ${how}`,
    net,
    mode,
    w,
    r: 1,
    consensusReads: false,
    leaders: multiWrite ? net.sites.map((s) => s.name) : undefined,
    multiWrite,
    regions,
    read: serviceOf(base.readDist),
    write: serviceOf(base.writeDist),
    ...base,
    availability: () => sla(f.value!, what, cite(f), net.totalReplicas, w),
  };
}

/** Spanner: Paxos over the voting replicas (a majority commits), strong reads confirm with the leader. */
function spanner(i: SystemInput): SystemPlan {
  const base = common(i);
  const regions = i.net.sites.length;
  const n = i.net.totalReplicas;
  const w = majority(n);
  const f = fig(i, regions > 1 ? 'sla-multi-region' : 'sla');
  return {
    system: 'spanner',
    title:
      `Spanner: ${regions > 1 ? `${regions}-region` : 'regional'} instance, ${n} voting replicas, ` +
      `a write commits on a Paxos majority (${w} of ${n})`,
    net: i.net,
    mode: 'quorum',
    w,
    r: 1,
    consensusReads: i.consensus,
    multiWrite: false,
    regions,
    read: serviceOf(base.readDist),
    write: serviceOf(base.writeDist),
    ...base,
    availability: () => sla(f.value!, `Spanner ${regions > 1 ? 'multi-region' : 'regional'} instance`, cite(f), n, w),
  };
}

/** PostgreSQL, MongoDB, Cassandra on instances: the declared replicas, their protocol's quorum and failover. */
function selfManaged(i: SystemInput): SystemPlan {
  const base = common(i);
  const { net, w, r } = i;
  const n = net.totalReplicas;
  const regionPct = i.profile.regionAvailabilityPct;
  const instancePct = i.profile.replicaAvailabilityPct;
  const odds = `each region ${regionPct}% and instance ${instancePct}%`;
  let write: ServiceTimes;
  let read: ServiceTimes;
  let how: string;
  const response = i.profile.figures?.get(`${i.system}.response`)?.dist;
  const plus = (d: Distribution) => (response ? [d, response] : [d]);
  if (i.system === 'cassandra') {
    write = quorumService(plus(base.writeDist), w, n);
    read = quorumService(plus(base.readDist), r, n);
    how = `the coordinator sends to all ${n} replicas and waits for the first ${w} (writes) or ${r} (reads)`;
  } else if (i.system === 'mongodb') {
    write = leaderThenFollowers(base.writeDist, base.replicationDelay, w - 1, n - 1);
    read = serviceOf(base.readDist);
    const secondaries = `waits until ${w - 1} secondar${w > 2 ? 'ies have' : 'y has'} pulled and applied it`;
    how = `the primary journals the write, then ${w > 1 ? secondaries : 'answers'}`;
  } else {
    write = quorumService(plus(base.writeDist), w, Math.max(w, 1));
    read = serviceOf(base.readDist);
    how =
      w > 1
        ? `a commit waits until ${w - 1} standby${w > 2 ? 's have' : ' has'} flushed the WAL (the slowest of ${w})`
        : 'a commit flushes the WAL on the primary only';
  }
  const managed = i.profile.figures?.get(`${i.system}.managed-sla`);
  const availability = (leaders: string[]): AvailabilityDetail => {
    if (managed?.value !== undefined)
      return sla(managed.value, `managed ${systemTitles[i.system]}`, cite(managed), n, w);
    if (i.system === 'mongodb') {
      const need = Math.max(w, majority(n));
      const pct =
        100 *
        quorumProbability(
          net.sites.map((s) => s.replicas),
          need,
          regionPct / 100,
          instancePct / 100,
        );
      return {
        pct,
        w: need,
        n,
        basis: 'quorum',
        explanation:
          `a replica set takes writes while a majority can elect a primary` +
          `${w > majority(n) ? ` and ${w} acknowledge` : ''}: ` +
          `P(≥ ${need} of ${n} up), ${odds} ≈ ${formatAvailability(pct)}`,
      };
    }
    if (i.system === 'postgres' && w === n && n > 1) {
      const pct =
        100 *
        quorumProbability(
          net.sites.map((s) => s.replicas),
          1,
          regionPct / 100,
          instancePct / 100,
        );
      return {
        pct,
        w,
        n,
        basis: 'protocol',
        explanation:
          `every standby is synchronous, so any of the ${n} can be promoted with every commit; ` +
          'when a standby is lost, commits go on without it (Patroni synchronous_mode, RDS Multi-AZ): ' +
          `P(≥ 1 of ${n} up), ${odds} ≈ ${formatAvailability(pct)}`,
      };
    }
    if (w <= 1 && n > 1) return leaderSideAvailability(net, leaders, regionPct, instancePct);
    const pct =
      100 *
      quorumProbability(
        net.sites.map((s) => s.replicas),
        Math.min(w, n),
        regionPct / 100,
        instancePct / 100,
      );
    return {
      pct,
      w,
      n,
      basis: 'quorum',
      explanation: `a write needs ${w} of ${n} replicas: P(≥ ${w} up), ${odds} ≈ ${formatAvailability(pct)}`,
    };
  };
  const cap = fig(i, 'capacity');
  return {
    system: i.system,
    title: `${systemTitles[i.system]} on ${n} instance${n > 1 ? 's' : ''}: ${how}`,
    net,
    mode: i.mode,
    w,
    r,
    consensusReads: i.consensus,
    multiWrite: i.primaries.length > 1,
    regions: net.sites.length,
    read,
    write,
    ...base,
    availability,
    capacity: { perReplica: cap.value!, source: cite(cap) },
  };
}
