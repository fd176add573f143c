// Reads: at the leader (linearizable, sequential, regional), from a quorum (first R replies of all replicas,
// or R random ones for PBS's non-expanding quorums; the newest version wins), or at a random replica of the
// client's region, which must first include the session token and staleness bound (else wait or redirect).
import { Kind, type Ev, type Op } from './ops';
import type { Sim } from './sim';
import { apply, copyVersion, includes } from './state';
import { combine, tokenNeed } from './tokens';

export function startRead(sim: Sim, op: Op): void {
  const g = op.g;
  if (g.readMode === 'quorum' && !op.fallback) {
    fanOut(sim, op);
    return;
  }
  let region = op.region;
  let j: number;
  if (g.readMode === 'leader' && !op.fallback) {
    region = g.nearestLeader[op.region];
    j = g.replicas[region][0];
  } else {
    const rs = g.replicas[region];
    j = rs.length === 1 ? rs[0] : rs[sim.rng.int(rs.length)];
  }
  sim.send(g, op.region, region, g.net.read(sim.rng), Kind.Req, op, j, op.attempt, null, 0);
}

/** A read request reaches replica e.node: serve it, or wait / redirect when the replica is behind what the read needs. */
export function readAt(sim: Sim, e: Ev): void {
  const op = e.op!;
  if (op.done || e.att !== op.attempt) return;
  const g = op.g;
  const j = e.node;
  const b = g.replicaRegion[j];
  if (g.faults.any && g.faults.down(b, sim.now)) return;
  if (g.readMode === 'local' && !op.fallback) {
    const bound = g.bounded ? sim.commits[g.index].need(op.key, sim.now, g.bounded.ms, g.bounded.versions) : undefined;
    const need = combine(tokenNeed(op, g.needs.readW, g.needs.readR), bound);
    if (need && !includes(g.states[j * g.keys + op.key].vv, need)) {
      if (g.behind === 'redirect' && !op.redirected && g.leaders.length > 0) {
        op.redirected = true;
        const leader = g.nearestLeader[op.region];
        sim.send(g, b, leader, g.net.read(sim.rng), Kind.Req, op, g.replicas[leader][0], op.attempt, null, 0);
      } else sim.wait(g, j, op, need);
      return;
    }
  }
  serve(sim, op, j);
}

/** Replica j answers with its current version. */
export function serve(sim: Sim, op: Op, j: number): void {
  const g = op.g;
  const v = copyVersion(g.states[j * g.keys + op.key]);
  sim.send(g, g.replicaRegion[j], op.region, g.net.service(sim.rng) + g.net.response(sim.rng), Kind.Reply, op, j, op.attempt, v, 0);
}

function fanOut(sim: Sim, op: Op): void {
  const g = op.g;
  op.need = Math.min(g.r, g.n);
  op.replies = 0;
  op.merged = null;
  if (g.randomQuorums) {
    const pool = Array.from({ length: g.n }, (_, i) => i);
    for (let i = 0; i < op.need; i++) {
      const k = i + sim.rng.int(g.n - i);
      [pool[i], pool[k]] = [pool[k], pool[i]];
      sim.send(g, op.region, g.replicaRegion[pool[i]], g.net.read(sim.rng), Kind.ReadReq, op, pool[i], op.attempt, null, 0);
    }
  } else for (let r = 0; r < g.n; r++) sim.send(g, op.region, g.replicaRegion[r], g.net.read(sim.rng), Kind.ReadReq, op, r, op.attempt, null, 0);
}

export function onReadReq(sim: Sim, e: Ev): void {
  const op = e.op!;
  if (op.done || e.att !== op.attempt || op.replies >= op.need) return;
  const g = op.g;
  const b = g.replicaRegion[e.node];
  if (g.faults.any && g.faults.down(b, sim.now)) return;
  const v = copyVersion(g.states[e.node * g.keys + op.key]);
  sim.send(g, b, op.region, g.net.response(sim.rng), Kind.ReadResp, op, e.node, e.att, v, 0);
}

export function onReadResp(sim: Sim, e: Ev): void {
  const op = e.op!;
  if (op.done || e.att !== op.attempt || op.replies >= op.need) return;
  if (op.merged) apply(op.merged, e.v!, op.g.strategy);
  else op.merged = e.v;
  if (++op.replies === op.need) sim.at(op.g.net.service(sim.rng), Kind.Reply, op, -1, op.attempt, null, op.merged, 0);
}
