// Writes: request to the coordinator (nearest leader, or for leaderless stores one in the client's region),
// session needs, the new version, fan-out (all replicas, or W random ones: PBS non-expanding), reliable apply
// (held back while cut off or down), acks, commit at the W-th; under `abort` a conflicting ack aborts.
import { Kind, type Ev, type Op, type WriteRec } from './ops';
import type { Sim } from './sim';
import { apply, Applied, includes } from './state';
import { tokenNeed } from './tokens';
import { majority } from '../util/quorum';

export const ABORTED = 1;

export function startWrite(sim: Sim, op: Op): void {
  const g = op.g;
  if (g.leaderless) {
    op.coord = op.region;
    coordinate(sim, op, -1);
    return;
  }
  const leader = g.nearestLeader[op.region];
  op.coord = leader;
  sim.send(g, op.region, leader, 0, Kind.Req, op, g.replicas[leader][0], op.attempt, null, 0);
}

/** A write request reaches the replica that coordinates it. */
export function writeAt(sim: Sim, e: Ev): void {
  const op = e.op!;
  if (op.done || e.att !== op.attempt) return;
  if (op.g.faults.any && op.g.faults.down(op.g.replicaRegion[e.node], sim.now)) return;
  coordinate(sim, op, e.node);
}

/** At the coordinator (replica j, or -1 for a leaderless coordinator): wait for the session's needs, then create. */
export function coordinate(sim: Sim, op: Op, j: number): void {
  const g = op.g;
  const K = g.keys;
  let base = j >= 0 ? g.states[j * K + op.key] : g.proxies[op.coord * K + op.key];
  if (j < 0) {
    const local = g.replicas[op.coord][0];
    if (!(g.faults.any && g.faults.down(op.coord, sim.now))) apply(base, g.states[local * K + op.key], g.strategy);
    base = g.proxies[op.coord * K + op.key];
  }
  const need = op.fallback ? undefined : tokenNeed(op, g.needs.writeW, g.needs.writeR);
  if (need && !includes(base.vv, need)) {
    sim.wait(g, j >= 0 ? j : g.replicas[op.coord][0], op, need);
    return;
  }
  const o = op.coord;
  const vv = base.vv.slice();
  vv[o]++;
  const w: WriteRec = { vv, value: base.value + 1, ts: sim.now + g.skew[o], seq: base.seq + 1, origin: o, idx: vv[o], key: op.key };
  apply(base, w, g.strategy);
  op.w = w;
  op.acks = 0;
  if (j >= 0) {
    sim.wake(g, j, op.key);
    if (!g.regional || g.replicaRegion[j] === o) op.acks = 1;
  }
  if (j < 0 && g.randomQuorums) {
    const pool = Array.from({ length: g.n }, (_, i) => i);
    for (let i = 0; i < Math.min(g.w, g.n); i++) {
      const k = i + sim.rng.int(g.n - i);
      [pool[i], pool[k]] = [pool[k], pool[i]];
      sendWrite(sim, op, w, pool[i]);
    }
  } else {
    for (let r = 0; r < g.n; r++) if (r !== j) sendWrite(sim, op, w, r);
  }
  checkCommit(sim, op);
}

function sendWrite(sim: Sim, op: Op, w: WriteRec, r: number): void {
  const g = op.g;
  const a = w.origin;
  const b = g.replicaRegion[r];
  if (g.net.unreachable(a, b)) return;
  const t0 = g.faults.any ? g.faults.clearAt(a, b, sim.now) : sim.now;
  if (a !== b) sim.metrics[g.index].crossRegionWrites++;
  sim.at(t0 - sim.now + g.net.oneWay(a, b, t0) + g.net.write(sim.rng), Kind.Write, op, r, op.attempt, w, null, 0);
}

/** A write reaches replica e.node: apply it (later, if the replica is down), wake waiters, acknowledge if anyone waits. */
export function onWrite(sim: Sim, e: Ev): void {
  const op = e.op!;
  const g = op.g;
  const w = e.w!;
  const r = e.node;
  const b = g.replicaRegion[r];
  if (g.faults.any && g.faults.down(b, sim.now)) {
    sim.at(g.faults.clearAt(b, b, sim.now) - sim.now, Kind.Write, op, r, e.att, w, null, 0);
    return;
  }
  const res = apply(g.states[r * g.keys + w.key], w, g.strategy);
  if (res >= Applied.Won) sim.metrics[g.index].conflicts++;
  if (res !== Applied.Old) sim.wake(g, r, w.key);
  if (op.done || op.committed || op.w !== w || e.att !== op.attempt) return;
  const conflict = res === Applied.Lost && g.strategy === 'abort' ? ABORTED : 0;
  sim.send(g, b, op.coord, g.net.ack(sim.rng), Kind.Ack, op, r, e.att, null, conflict);
}

export function onAck(sim: Sim, e: Ev): void {
  const op = e.op!;
  const g = op.g;
  if (op.done || op.committed || e.att !== op.attempt) return;
  if (!g.leaderless && g.faults.any && g.faults.down(op.coord, sim.now)) return;
  if (g.regional && g.replicaRegion[e.node] !== op.coord) return;
  op.acks++;
  if (e.flag === ABORTED) op.conflict = true;
  checkCommit(sim, op);
}

function checkCommit(sim: Sim, op: Op): void {
  const g = op.g;
  const needed = op.fallback ? 1 : g.regional ? majority(g.replicas[op.coord].length) : g.w;
  if (op.acks < needed) return;
  op.committed = true;
  const w = op.w!;
  if (!op.conflict) {
    sim.commits[g.index].push(w.key, w.origin, w.idx, sim.now);
    probe(sim, op, w);
  }
  const service = g.net.service(sim.rng);
  const flag = op.conflict ? ABORTED : 0;
  if (g.leaderless) sim.at(service, Kind.Reply, op, -1, op.attempt, null, null, flag);
  else sim.send(g, op.coord, op.region, service, Kind.Reply, op, -1, op.attempt, null, flag);
}

/** Every `stride`-th commit (up to the budget) is probed: reads at each t of the visibility curve. */
function probe(sim: Sim, op: Op, w: WriteRec): void {
  const gi = op.g.index;
  if (sim.probesLeft[gi] <= 0 || ++sim.commitCount[gi] % sim.stride[gi] !== 0) return;
  sim.probesLeft[gi]--;
  sim.metrics[gi].probedWrites++;
  const at = sim.cfg.visibilityAt;
  for (let i = 0; i < at.length; i++) sim.at(at[i], Kind.Probe, null, op.region, i, w, null, gi);
}
