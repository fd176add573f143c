// Reads: at the leader under its lease (committed state), from a read quorum (the first R replies of all
// replicas, or R random ones for PBS's non-expanding quorums; the newest wins, and under ABD it is written
// back to W replicas before the read returns), at the session's own replica (sequential), or at a random
// replica of the client's region, which must first include the session token and staleness bound (else
// the read waits, or is redirected to the leader). A replica's worker serves a single-replica read
// (capacity.ts); a quorum read's coordinator adds its service time before it answers.
import { Action } from './capacity';
import { Kind, type Ev, type Op } from './ops';
import type { Sim } from './sim';
import { apply, type VV } from './state';
import { combine, tokenNeed } from './tokens';

/** The replica that serves a lease read: the log's leader, or the client's (regional or nearest) primary; -1: none. */
function leaseReplica(op: Op): number {
  const g = op.g;
  if (g.writeMode === 'log') return g.lead.leader;
  const region = g.lead.route[op.region];
  return region < 0 ? -1 : g.replicas[region][0];
}

export function startRead(sim: Sim, op: Op): void {
  const g = op.g;
  let j: number;
  if (op.fallback) j = op.at;
  else if (g.readMode === 'quorum' || g.readMode === 'abd') {
    fanOut(sim, op);
    return;
  } else if (g.readMode === 'lease') j = leaseReplica(op);
  else if (g.readMode === 'sticky') j = op.session.home[g.index];
  else {
    const rs = g.replicas[op.region];
    j = rs.length === 1 ? rs[0] : rs[sim.rng.int(rs.length)];
  }
  if (j < 0) return;
  op.at = j;
  sim.send(g, op.region, g.replicaRegion[j], g.net.read(sim.rng), Kind.Req, op, j, op.attempt, null, 0);
}

/** A read request reaches replica e.node: check what it must include, then serve it. */
export function readAt(sim: Sim, e: Ev): void {
  const op = e.op!;
  if (op.done || e.att !== op.attempt) return;
  const g = op.g;
  const j = e.node;
  const b = g.replicaRegion[j];
  if (g.faults.any && g.faults.down(b, sim.now)) return;
  if (
    !op.fallback &&
    g.readMode === 'lease' &&
    g.writeMode === 'log' &&
    (j !== g.lead.leader || !g.lead.valid(sim.now))
  )
    return;
  if (!op.fallback && (g.readMode === 'local' || g.readMode === 'sticky')) {
    const bound = g.bounded ? sim.commits[g.index]!.need(op.key, sim.now, g.bounded.ms, g.bounded.versions) : undefined;
    const need = combine(tokenNeed(op, g.needs.readW, g.needs.readR), bound);
    if (need && !g.states.includes(op.key * g.n + j, need)) {
      behind(sim, op, j, need);
      return;
    }
  }
  serve(sim, op, j);
}

/** The replica lacks what the read needs: redirect it to the leader once, or make it wait there. */
function behind(sim: Sim, op: Op, j: number, need: VV): void {
  const g = op.g;
  const leader = leaseReplica(op);
  if (g.behind === 'redirect' && !op.redirected && leader >= 0 && leader !== j) {
    op.redirected = true;
    op.at = leader;
    sim.send(
      g,
      g.replicaRegion[j],
      g.replicaRegion[leader],
      g.net.read(sim.rng),
      Kind.Req,
      op,
      leader,
      op.attempt,
      null,
      0,
    );
  } else sim.wait(g, j, op, need);
}

/** Replica j takes the read: a worker serves it. */
export function serve(sim: Sim, op: Op, j: number): void {
  if (op.g.pools.instant) answer(sim, op, j);
  else op.g.pools.submit(sim, j, op, Action.Serve);
}

/** Replica j answers with its current version. */
export function answer(sim: Sim, op: Op, j: number): void {
  const g = op.g;
  const v = g.states.read(op.key * g.n + j);
  sim.send(g, g.replicaRegion[j], op.region, g.net.response(sim.rng), Kind.Reply, op, j, op.attempt, v, 0);
}

function fanOut(sim: Sim, op: Op): void {
  const g = op.g;
  op.need = Math.min(g.r, g.n);
  op.replies = 0;
  op.acks = 0;
  op.merged = null;
  if (g.randomQuorums) {
    const pool = Array.from({ length: g.n }, (_, i) => i);
    for (let i = 0; i < op.need; i++) {
      const k = i + sim.rng.int(g.n - i);
      [pool[i], pool[k]] = [pool[k], pool[i]];
      sim.send(
        g,
        op.region,
        g.replicaRegion[pool[i]],
        g.net.read(sim.rng),
        Kind.ReadReq,
        op,
        pool[i],
        op.attempt,
        null,
        0,
      );
    }
  } else
    for (let r = 0; r < g.n; r++)
      sim.send(g, op.region, g.replicaRegion[r], g.net.read(sim.rng), Kind.ReadReq, op, r, op.attempt, null, 0);
}

export function onReadReq(sim: Sim, e: Ev): void {
  const op = e.op!;
  if (op.done || e.att !== op.attempt || op.replies >= op.need) return;
  const g = op.g;
  const b = g.replicaRegion[e.node];
  if (g.faults.any && g.faults.down(b, sim.now)) return;
  // From the pool: the reply is folded into the read's merged version and handed back (onReadResp).
  const v = g.states.take(op.key * g.n + e.node);
  sim.send(g, b, op.region, g.net.response(sim.rng), Kind.ReadResp, op, e.node, e.att, v, 0);
}

export function onReadResp(sim: Sim, e: Ev): void {
  const op = e.op!;
  const g = op.g;
  const v = e.v!;
  if (op.done || e.att !== op.attempt || op.replies >= op.need) {
    g.states.recycle(v);
    return;
  }
  if (!op.merged) {
    op.merged = v; // kept: the read returns it
    op.acks = 1;
  } else {
    if (sameVersion(op.merged.vv, v.vv)) op.acks++;
    else if (apply(op.merged, v, g.order) !== 0) op.acks = sameVersion(op.merged.vv, v.vv) ? 1 : 0;
    g.states.recycle(v);
  }
  if (++op.replies < op.need) return;
  if (g.readMode !== 'abd' || op.acks >= g.w) {
    sim.at(g.net.service(sim.rng), Kind.Reply, op, -1, op.attempt, null, op.merged, 0);
    return;
  }
  // ABD's second phase: write the newest version back to a write quorum before returning it.
  op.acks = 0;
  for (let r = 0; r < g.n; r++)
    sim.send(g, op.region, g.replicaRegion[r], 0, Kind.WriteBack, op, r, op.attempt, g.states.takeCopy(op.merged), 0);
}

/** A write-back reaches replica e.node: it keeps the newer of the two, and confirms. */
export function onWriteBack(sim: Sim, e: Ev): void {
  const op = e.op!;
  const g = op.g;
  const r = e.node;
  const b = g.replicaRegion[r];
  const v = e.v!;
  if (g.faults.any && g.faults.down(b, sim.now)) {
    g.states.recycle(v);
    return;
  }
  const res = g.states.apply(op.key * g.n + r, v, g.order);
  g.states.recycle(v); // copied into the table, or older
  if (res !== 0) {
    sim.wake(g, r, op.key);
    sim.observeApply(g, r, op.key);
  }
  if (!op.done && e.att === op.attempt)
    sim.send(g, b, op.region, g.net.ack(sim.rng), Kind.WriteBackAck, op, r, e.att, null, 0);
}

export function onWriteBackAck(sim: Sim, e: Ev): void {
  const op = e.op!;
  if (op.done || e.att !== op.attempt) return;
  if (++op.acks === op.g.w) sim.at(op.g.net.service(sim.rng), Kind.Reply, op, -1, op.attempt, null, op.merged, 0);
}

function sameVersion(a: VV, b: VV): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
