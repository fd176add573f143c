// Replication lag: how far the slowest replica trails a committed write at p99 — the one-way delay
// from a leader to its farthest replica (half the round trip, jitter at p99 included) plus apply time.
import { ms } from './format';
import type { Routing } from './latency';
import type { Hop } from './net';
import { zAt } from './percentile';

export interface LagDetail {
  lagMs: number;
  /** The leader and the replica region the lag is measured between (absent when nothing trails). */
  from?: string;
  to?: string;
  rttMs: number;
  jitterMs: number;
  applyMs: number;
  explanation: string;
}

export function replicationLag(rt: Routing, applyMs: number): LagDetail {
  const { net } = rt;
  const none = (explanation: string): LagDetail => ({ lagMs: 0, rttMs: 0, jitterMs: 0, applyMs: 0, explanation });
  if (!rt.regional && rt.mode !== 'async' && rt.w >= net.totalReplicas) {
    return none(`every replica acknowledges a write before it commits (W = N = ${net.totalReplicas}), so none trails`);
  }
  if (net.totalReplicas <= 1) return none('one replica: nothing to replicate');
  const z = zAt(99);
  const leaders = rt.regional ? net.sites.map((s) => s.name) : rt.leaders;
  // The farthest replica so far, in locals (no object per candidate).
  let worstHop: Hop | undefined;
  let worstFrom = '';
  let worstTo = '';
  let worstOneWay = 0;
  for (const from of leaders) {
    for (const s of net.sites) {
      if (s.name === from && s.replicas <= 1) continue;
      const h = net.hop(from, s.name);
      if (!h) continue;
      const oneWay = (h.rttMs + z * h.jitterMs) / 2;
      if (worstHop && !(oneWay > worstOneWay)) continue;
      worstHop = h;
      worstFrom = from;
      worstTo = s.name;
      worstOneWay = oneWay;
    }
  }
  if (!worstHop) return none('no other replica is reachable');
  const worst = { from: worstFrom, to: worstTo, rtt: worstHop.rttMs, jitter: worstHop.jitterMs, oneWay: worstOneWay };
  const lagMs = worst.oneWay + applyMs;
  const jit = worst.jitter > 0 ? ` (+ jitter ${ms(worst.jitter)} ms at p99 ≈ ${ms(z * worst.jitter)} ms)` : '';
  const where = worst.from === worst.to ? `inside ${worst.from}` : `from ${worst.from} to ${worst.to}`;
  const how = rt.regional
    ? 'cross-region replication is asynchronous'
    : rt.mode === 'async'
      ? 'async replication'
      : `a write quorum of ${rt.w} of ${net.totalReplicas} leaves the others behind`;
  return {
    lagMs,
    from: worst.from,
    to: worst.to,
    rttMs: worst.rtt,
    jitterMs: worst.jitter,
    applyMs,
    explanation:
      `${how}: ${where} ${ms(worst.rtt)} ms round trip${jit} ÷ 2 ≈ ${ms(worst.oneWay)} ` +
      `ms one way, + apply ${ms(applyMs)} ms (p99) ≈ ${ms(lagMs)} ms`,
  };
}
