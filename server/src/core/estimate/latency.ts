// Latency model: for each client region, the round trips a read or a write needs (to the leader, to
// the W-th replica acknowledgement, to a read quorum, or to a local replica), then percentiles from
// round trips + jitter × z + the profile's service time. Also leader placement and replication lag.
import type { ReplicationMode } from '../model/model';
import type { Hop, Net } from './net';
import { isCentral, serviceAt, zAt, type Pct } from './percentile';
import type { ServiceTimes } from './profile';
import { majority } from '../util/quorum';

export interface Leg {
  label: string;
  rttMs: number;
  jitterMs: number;
  /** What the round trip is for, e.g. `to the leader in mumbai`, `for the 4th of 7 acks`. */
  role: string;
}

export interface ClientTrip {
  client: string;
  legs: Leg[];
  rttMs: number;
  jitterMs: number;
}

/**
 * The round trips an operation takes, whatever the store's service time (shared by the level classes that route alike).
 */
export interface Route {
  /** What the operation needs, for messages: `need a majority quorum (4 of 7) led from mumbai`. */
  needs: string;
  trips: ClientTrip[];
}

export interface LatencyPlan extends Route {
  service: ServiceTimes;
}

export interface Routing {
  net: Net;
  leaders: string[];
  mode: ReplicationMode;
  w: number;
  r: number;
  /** `regional`: each region leads its own writes, with a majority inside the region. */
  regional: boolean;
  /** Reads go to the leader or a read quorum (linearizable, sequential, strict serializable). */
  consensusReads: boolean;
}

const suffixes = ['th', 'st', 'nd', 'rd'];
const ordinal = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (suffixes[n % 10] ?? 'th')}`;

/** Replicas that reply after the same round trip. */
interface ReplyGroup {
  hop: Hop;
  count: number;
}

const fastestFirst = (a: ReplyGroup, b: ReplyGroup) => a.hop.rttMs - b.hop.rttMs || a.hop.jitterMs - b.hop.jitterMs;

/**
 * Adds `g` after every group not slower than it: the order a stable sort gives (a handful of groups, no sort's
 * temporary arrays).
 */
function addInOrder(groups: ReplyGroup[], g: ReplyGroup): void {
  if (groups.length >= 16) {
    // Many regions: append, and sort once when the k-th is asked for (insertion would be quadratic).
    groups.push(g);
    return;
  }
  let i = groups.length;
  groups.push(g);
  for (; i > 0 && fastestFirst(groups[i - 1], g) > 0; i--) groups[i] = groups[i - 1];
  groups[i] = g;
}

/** The reply of the replica `from` holds itself: at once, so it never becomes a leg (its label is never shown). */
const ownReply: Hop = { label: '', rttMs: 0, jitterMs: 0 };

/**
 * The k-th fastest reply among the replicas of the sites (or only one site), seen from `from`, which holds one replica
 * itself when `self`.
 */
function kthReply(
  net: Net,
  from: string,
  k: number,
  only: string | undefined,
  self: boolean,
  what: string,
): Leg | undefined {
  const groups: ReplyGroup[] = [];
  let n = 0;
  for (const s of net.sites) {
    if (only !== undefined && s.name !== only) continue;
    const h = net.hop(from, s.name);
    if (!h) continue;
    const mine = self && s.name === from ? 1 : 0;
    if (mine) addInOrder(groups, { hop: ownReply, count: 1 });
    if (s.replicas - mine > 0) addInOrder(groups, { hop: h, count: s.replicas - mine });
  }
  if (groups.length > 16) groups.sort(fastestFirst); // stable: the order insertion gives
  for (const g of groups) n += g.count;
  const kk = Math.min(Math.max(k, 1), n);
  let seen = 0;
  let x: Hop | undefined;
  for (const g of groups) {
    if ((seen += g.count) < kk) continue;
    x = g.hop;
    break;
  }
  if (!x || x.rttMs === 0) return undefined;
  return {
    label: x.label,
    rttMs: x.rttMs,
    jitterMs: x.jitterMs,
    role: kk === n && n > 1 ? `for all ${n} ${what}` : `for the ${ordinal(kk)} of ${n} ${what}`,
  };
}

/** A client's trip over the legs that are there (one or two). */
function trip(client: string, first: Leg | undefined, second?: Leg): ClientTrip {
  const legs: Leg[] = [];
  if (first) legs.push(first);
  if (second) legs.push(second);
  // Sums from 0 in leg order, as a reduce would.
  let rttMs = 0;
  let jitterMs = 0;
  for (const l of legs) {
    rttMs += l.rttMs;
    jitterMs += l.jitterMs;
  }
  return { client, legs, rttMs, jitterMs };
}

function nearest(net: Net, client: string, leaders: string[]): string | undefined {
  let best: string | undefined;
  let bestRtt = Infinity;
  for (const l of leaders) {
    const h = net.hop(client, l);
    if (h && h.rttMs < bestRtt) {
      best = l;
      bestRtt = h.rttMs;
    }
  }
  return best;
}

function toLeader(net: Net, client: string, leader: string): Leg | undefined {
  const h = net.hop(client, leader);
  // Written out, not `{ ...h, role }`: one object instead of a copy that then grows.
  return h && { label: h.label, rttMs: h.rttMs, jitterMs: h.jitterMs, role: `to the leader in ${leader}` };
}

export function writeRoute(rt: Routing): Route {
  const { net } = rt;
  const n = net.totalReplicas;
  const trips: ClientTrip[] = [];
  const acks = new Map<string, Leg | undefined>(); // the replication wait depends only on the leader
  for (const c of net.sites) {
    if (rt.regional) {
      trips.push(
        trip(c.name, toLeader(net, c.name, c.name), kthReply(net, c.name, majority(c.replicas), c.name, true, 'acks')),
      );
      continue;
    }
    const leader = nearest(net, c.name, rt.leaders);
    if (!leader) continue;
    if (!acks.has(leader))
      acks.set(leader, rt.mode === 'async' ? undefined : kthReply(net, leader, rt.w, undefined, true, 'acks'));
    trips.push(trip(c.name, toLeader(net, c.name, leader), acks.get(leader)));
  }
  const led =
    rt.leaders.length === 1 ? `led from ${rt.leaders[0]}` : `led from the nearest of ${rt.leaders.join(', ')}`;
  const needs = rt.regional
    ? 'need a majority of the replicas in their own region'
    : rt.mode === 'async'
      ? 'go to the leader ' +
        `${rt.leaders.length === 1 ? `in ${rt.leaders[0]}` : `nearest of ${rt.leaders.join(', ')}`} ` +
        'and replicate asynchronously'
      : rt.w >= n
        ? `need all ${n} replicas (${rt.mode === 'sync' ? 'sync replication' : `write quorum ${rt.w}`}) ${led}`
        : rt.w === majority(n)
          ? `need a majority quorum (${rt.w} of ${n}) ${led}`
          : `need a write quorum of ${rt.w} of ${n} ${led}`;
  return { needs, trips };
}

export function readRoute(rt: Routing): Route {
  const { net } = rt;
  const quorum = rt.consensusReads && rt.mode === 'quorum' && rt.r > 1;
  const trips: ClientTrip[] = [];
  for (const c of net.sites) {
    if (!rt.consensusReads) {
      const h = net.hop(c.name, c.name)!;
      trips.push(trip(c.name, { label: h.label, rttMs: h.rttMs, jitterMs: h.jitterMs, role: 'to a local replica' }));
    } else if (quorum) trips.push(trip(c.name, kthReply(net, c.name, rt.r, undefined, false, 'read replies')));
    else {
      const leader = nearest(net, c.name, rt.leaders);
      if (leader) trips.push(trip(c.name, toLeader(net, c.name, leader)));
    }
  }
  const needs = !rt.consensusReads
    ? 'are served by a local replica'
    : quorum
      ? `need a read quorum of ${rt.r} of ${net.totalReplicas}`
      : `go to the leader in ${rt.leaders.join(' or ')}`;
  return { needs, trips };
}

/**
 * The part of the latency physics fixes at a percentile: round trips + z × jitter; mean over client regions at or below
 * the median, else the worst region.
 */
export function physicalAt(plan: LatencyPlan, p: Pct): { ms: number; trip?: ClientTrip } {
  const z = zAt(p);
  const trips = plan.trips;
  if (trips.length === 0) return { ms: 0 };
  // One pass, no intermediate arrays (this runs three times per plan); same arithmetic, same order.
  let worst = trips[0];
  let worstV = worst.rttMs + z * worst.jitterMs;
  let sum = 0 + worstV;
  for (let i = 1; i < trips.length; i++) {
    const v = trips[i].rttMs + z * trips[i].jitterMs;
    sum += v;
    if (v > worstV) {
      worst = trips[i];
      worstV = v;
    }
  }
  if (isCentral(p)) return { ms: sum / trips.length, trip: worst };
  return { ms: worstV, trip: worst };
}

/** The estimated latency at a percentile: the physical part plus the service time. */
export function latencyAt(plan: LatencyPlan, p: Pct): number {
  return physicalAt(plan, p).ms + serviceAt(plan.service, p);
}

export function percentiles(plan: LatencyPlan): { p50: number; p95: number; p99: number } {
  return { p50: latencyAt(plan, 50), p95: latencyAt(plan, 95), p99: latencyAt(plan, 99) };
}

/** Writes are led from the declared primaries, else the best region: the one with the lowest mean write round trip. */
export function chooseLeaders(
  net: Net,
  primaries: string[],
  base: Omit<Routing, 'leaders'>,
): { leaders: string[]; note: string } {
  const known = primaries.filter((p) => net.sites.some((s) => s.name === p));
  if (known.length > 0)
    return {
      leaders: known,
      note:
        `writes are led from ${known.join(', ')} (declared ` +
        `primar${known.length > 1 ? 'ies; each client writes to the nearest' : 'y'})`,
    };
  // Mean write round trip with leader l: the mean client→leader round trip plus the leader's replication wait.
  const mean = (l: string) => {
    let sum = 0;
    for (const c of net.sites) {
      const h = net.hop(c.name, l);
      if (!h) return Infinity;
      sum += h.rttMs;
    }
    const ack = base.mode === 'async' || base.regional ? undefined : kthReply(net, l, base.w, undefined, true, 'acks');
    return sum / net.sites.length + (ack?.rttMs ?? 0);
  };
  const best = [...net.sites]
    .map((s) => ({ s: s.name, m: mean(s.name) }))
    .sort((a, b) => a.m - b.m || (a.s < b.s ? -1 : 1))[0];
  return {
    leaders: [best.s],
    note: net.declared
      ? `no primary declared: writes are led from ${best.s}, the region with the lowest mean write round trip`
      : 'writes are led from the single region',
  };
}
