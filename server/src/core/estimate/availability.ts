// Write availability: the exact probability that at least W of the N replicas are up and reachable,
// with replicas grouped by region (a region that is down takes all its replicas with it). A dynamic
// programme over regions of the distribution of replicas up; independence between regions and replicas.
import { formatAvailability } from './format';
import type { Net } from './net';
import { majority } from '../util/quorum';

function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - i + 1)) / i;
  return c;
}

/**
 * P(at least `w` replicas up), regions with `groups[i]` replicas, each region up with `regionUp`, each replica with
 * `replicaUp` (fractions).
 */
export function quorumProbability(groups: number[], quorum: number, regionUp: number, replicaUp: number): number {
  const w = Math.ceil(quorum); // a fractional quorum (already an error) needs the next whole replica
  if (!(w > 0)) return 1;
  // dist[k] = P(k replicas up among the regions seen so far), for k < w; dist[w] absorbs "w or more".
  let dist = new Array<number>(w + 1).fill(0);
  dist[0] = 1;
  for (const n of groups) {
    const pmf = new Array<number>(n + 1);
    for (let j = 0; j <= n; j++) pmf[j] = regionUp * binomial(n, j) * replicaUp ** j * (1 - replicaUp) ** (n - j);
    pmf[0] += 1 - regionUp;
    const next = new Array<number>(w + 1).fill(0);
    next[w] = dist[w];
    for (let k = 0; k < w; k++) {
      if (dist[k] === 0) continue;
      for (let j = 0; j <= n; j++) next[Math.min(w, k + j)] += dist[k] * pmf[j];
    }
    dist = next;
  }
  return Math.min(1, dist[w]);
}

export interface AvailabilityDetail {
  pct: number;
  w: number;
  n: number;
  explanation: string;
  /** Where the figure comes from: a managed store's published SLA, the protocol's rule for who must be up
   *  (an async write needs its leader's side), or the exact probability that a write quorum is up. */
  basis: 'sla' | 'protocol' | 'quorum';
}

const sup = (n: number) => String(n).replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]);
const frac = (pct: number) => String(Number((pct / 100).toPrecision(8)));

/** An async write needs only its leader's side: the leader's region up and one replica there (one takes over). */
export function leaderSideAvailability(
  net: Net,
  leaders: string[],
  regionPct: number,
  replicaPct: number,
): AvailabilityDetail {
  const n = net.totalReplicas;
  const sides = leaders.map((l) => net.sites.find((s) => s.name === l)).filter((s): s is Net['sites'][number] => !!s);
  const site = sides[0] ?? net.sites[0];
  const one = quorumProbability([site.replicas], 1, regionPct / 100, replicaPct / 100);
  // Several leaders (multi-primary): a write is taken while any leader's side is up.
  // Rounded to 1e-6 percentage points: the figures it multiplies are known to four or five digits, and a
  // region of 99.95% with three replicas must not read as "below 99.95%" by a billionth.
  const pct = Math.round(1e8 * (1 - (1 - one) ** Math.max(1, sides.length))) / 1e6;
  const many = sides.length > 1 ? `any of ${sides.length} leaders' sides, ` : '';
  const explanation =
    `an async write needs only its leader's side (${many}${site.name}: region up ${regionPct}% × 1 of ` +
    `${site.replicas} replica${site.replicas > 1 ? 's' : ''} up at ${replicaPct}%) ≈ ${formatAvailability(pct)}`;
  return { pct, w: 1, n, explanation, basis: 'protocol' };
}

export function writeAvailability(
  net: Net,
  w: number,
  mode: string,
  regionPct: number,
  replicaPct: number,
  leaders: string[] = [],
): AvailabilityDetail {
  const groups = net.sites.map((s) => s.replicas);
  const n = net.totalReplicas;
  const ww = Math.min(Math.max(1, w), n);
  if (mode === 'async' && n > 1 && leaders.length > 0)
    return leaderSideAvailability(net, leaders, regionPct, replicaPct);
  const pct = 100 * quorumProbability(groups, ww, regionPct / 100, replicaPct / 100);
  let explanation: string;
  if (n === 1) {
    explanation =
      `a single replica, no redundancy: ${frac(regionPct)} (its ` +
      `region) × ${frac(replicaPct)} (the replica) ≈ ${formatAvailability(pct)}`;
  } else if (ww === n) {
    const what = mode === 'sync' ? 'sync replication' : `a write quorum of ${ww}`;
    explanation =
      `${what} needs all ${n} replicas: ${frac(regionPct)}${sup(net.sites.length)} ` +
      `region${net.sites.length > 1 ? 's' : ''} × ${frac(replicaPct)}${sup(n)} ` +
      `replicas ≈ ${formatAvailability(pct)}`;
  } else {
    const what = mode === 'async' ? 'async replication' : ww === majority(n) ? 'a majority quorum' : 'a write quorum';
    const spread = net.declared ? ` (${net.sites.map((s) => `${s.name} ${s.replicas}`).join(', ')})` : '';
    explanation =
      `${what} needs ${ww} of ${n} replicas${spread}; with each region up ${regionPct}% ` +
      `and each replica ${replicaPct}%, P(≥ ${ww} up) ≈ ${formatAvailability(pct)}`;
  }
  return { pct, w: ww, n, explanation, basis: n === 1 || mode === 'async' ? 'protocol' : 'quorum' };
}
