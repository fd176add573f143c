// Writes. A request goes to its coordinator (the current leader of a log, the nearest reachable primary,
// the region's own leader, or a leaderless coordinator in the client's region), waits for a worker, then:
// a log leader appends it at the next position and commits in log order at W acknowledgements (visible at
// the leader only then); other coordinators create a new version in their region's slot, apply it at
// once and commit at W acknowledgements. Replication to replicas that are cut off or down is held back and
// delivered when they heal; replicas ignore a deposed leader's writes; under `abort` a conflict aborts.
import { majority } from '../util/quorum';
import { Action } from './capacity';
import { Kind, type Ev, type Op, type WriteRec } from './ops';
import type { Sim } from './sim';
import { Applied, assign } from './state';
import { tokenNeed } from './tokens';
import { onCommitted } from './visibility';

export const ABORTED = 1;

/** The replica that coordinates the client's write, or -1 when none can. */
function coordinatorOf(op: Op): number {
  const g = op.g;
  if (g.writeMode === 'log') return g.lead.leader;
  const region = g.lead.route[op.region];
  return region < 0 ? -1 : g.replicas[region][0];
}

export function startWrite(sim: Sim, op: Op): void {
  const g = op.g;
  if (g.writeMode === 'leaderless') {
    op.coord = op.region;
    accept(sim, op, g.replicas[op.region][0]);
    return;
  }
  const j = coordinatorOf(op);
  if (j < 0) return; // no leader: the write waits for its deadline
  op.coord = g.replicaRegion[j];
  sim.send(g, op.region, op.coord, 0, Kind.Req, op, j, op.attempt, null, 0);
}

/** A write request reaches replica e.node. */
export function writeAt(sim: Sim, e: Ev): void {
  const op = e.op!;
  const g = op.g;
  if (op.done || e.att !== op.attempt) return;
  if (g.faults.any && g.faults.down(g.replicaRegion[e.node], sim.now)) return;
  // not the leader (any more)
  if (g.writeMode === 'log' && !op.fallback && (e.node !== g.lead.leader || !g.lead.valid(sim.now))) return;
  accept(sim, op, e.node);
}

/** The coordinator takes the write: after a worker's service time, it coordinates. */
function accept(sim: Sim, op: Op, j: number): void {
  op.at = j;
  if (op.g.pools.instant) coordinate(sim, op, j);
  else op.g.pools.submit(sim, j, op, Action.Coordinate);
}

/** At the coordinator (replica j; a leaderless write's coordinator sits beside replica j): order the write. */
export function coordinate(sim: Sim, op: Op, j: number): void {
  const g = op.g;
  if (g.writeMode === 'log' && !op.fallback) {
    if (j !== g.lead.leader || !g.lead.valid(sim.now)) return;
    propose(sim, op);
    return;
  }
  const o = op.coord;
  // The version the write builds on: the replica's, or a leaderless coordinator's (which first takes in the
  // replica beside it, unless its region is down).
  let base = g.states;
  let row = op.key * g.n + j;
  if (g.writeMode === 'leaderless') {
    base = g.proxies;
    row = op.key * g.regions.length + o;
    if (!(g.faults.any && g.faults.down(o, sim.now))) base.applyRow(row, g.states, op.key * g.n + j, g.order);
  }
  const need = op.fallback ? undefined : tokenNeed(op, g.needs.writeW, g.needs.writeR);
  if (need && !base.includes(row, need)) {
    sim.wait(g, j, op, need);
    return;
  }
  const vv = base.vector(row);
  const slot = g.slots === 1 ? 0 : o;
  vv[slot]++;
  const w: WriteRec = {
    vv,
    value: g.counter ? base.value(row) + 1 : op.value,
    ts: sim.now + g.skew[o],
    seq: base.seq(row) + 1,
    origin: o,
    idx: vv[slot],
    slot,
    key: op.key,
    term: 0,
  };
  base.apply(row, w, g.order);
  op.w = w;
  op.acks = 0;
  const leaderless = g.writeMode === 'leaderless';
  if (!leaderless) {
    sim.wake(g, j, op.key);
    op.acks = 1;
  }
  if (leaderless && g.randomQuorums) {
    const pool = Array.from({ length: g.n }, (_, i) => i);
    for (let i = 0; i < Math.min(g.w, g.n); i++) {
      const k = i + sim.rng.int(g.n - i);
      [pool[i], pool[k]] = [pool[k], pool[i]];
      replicate(sim, op, w, pool[i], Kind.Write, 0);
    }
  } else for (let r = 0; r < g.n; r++) if (leaderless || r !== j) replicate(sim, op, w, r, Kind.Write, 0);
  checkCommit(sim, op);
}

/** The leader appends the write at the key's next log position and replicates it. */
function propose(sim: Sim, op: Op): void {
  const g = op.g;
  const L = g.lead;
  const K = g.keys;
  const key = op.key;
  const head = L.head[key];
  const slot = L.slot;
  const vv = head.vv.slice();
  const pos = ++vv[slot];
  const o = g.replicaRegion[L.leader];
  const w: WriteRec = {
    vv,
    value: g.counter ? head.value + 1 : op.value,
    ts: sim.now + g.skew[o],
    seq: head.seq + 1,
    origin: o,
    idx: pos,
    slot,
    key,
    term: L.term,
  };
  assign(head, w);
  op.w = w;
  L.match[L.leader * K + key] = pos;
  (L.pending[key] ??= []).push(op);
  const stored = g.accepted ?? g.states;
  for (let r = 0; r < g.n; r++) {
    if (r === L.leader) continue;
    replicate(sim, op, w, r, Kind.Write, 0);
  }
  if (g.accepted) stored.apply(key * g.n + L.leader, w, g.order);
  tryCommit(sim, g.lead.leader, op.g, key);
}

/** Sends w to replica r (held back while r is cut off from the sender or down). */
function replicate(sim: Sim, op: Op, w: WriteRec, r: number, kind: number, flag: number): void {
  const g = op.g;
  const a = w.origin;
  const b = g.replicaRegion[r];
  if (g.net.unreachable(a, b)) return;
  const t0 = g.faults.any ? g.faults.clearAt(a, b, sim.now) : sim.now;
  if (a !== b && kind === Kind.Write) sim.metrics[g.index].crossRegionWrites++;
  const work = kind === Kind.Write ? g.net.write(sim.rng) : 0;
  sim.at(t0 - sim.now + g.net.oneWay(a, b, t0) + work, kind, op, r, op.attempt, w, null, flag);
}

/** A write reaches replica e.node: apply it (later, if the replica is down), wake waiters, acknowledge. */
export function onWrite(sim: Sim, e: Ev): void {
  const op = e.op!;
  const g = op.g;
  const w = e.w!;
  const r = e.node;
  const b = g.replicaRegion[r];
  if (g.faults.any && g.faults.down(b, sim.now)) {
    sim.at(g.faults.clearAt(b, b, sim.now) - sim.now, e.kind, op, r, e.att, w, null, e.flag);
    return;
  }
  if (g.writeMode === 'log') {
    const L = g.lead;
    if (w.term < L.termOf[r]) return; // a deposed leader's write
    const res = (g.accepted ?? g.states).apply(w.key * g.n + r, w, g.order);
    if (res !== Applied.Old && !g.accepted) {
      sim.wake(g, r, w.key);
      sim.observeApply(g, r, w.key);
    }
    // The follower reports what it holds; like a leader's retried AppendEntries, the report gets through once healed.
    if (w.term === L.term && w.idx > L.committed[w.key] && !g.net.unreachable(b, w.origin)) {
      const t0 = g.faults.any ? g.faults.clearAt(b, w.origin, sim.now) : sim.now;
      sim.at(
        t0 - sim.now + g.net.oneWay(b, w.origin, t0) + g.net.ack(sim.rng),
        Kind.Ack,
        op,
        r,
        e.att,
        null,
        null,
        w.idx,
      );
    }
    return;
  }
  const res = g.states.apply(w.key * g.n + r, w, g.order);
  if (res >= Applied.Won) sim.metrics[g.index].conflicts++;
  if (res !== Applied.Old) {
    sim.wake(g, r, w.key);
    sim.observeApply(g, r, w.key);
  }
  if (op.done || op.committed || op.w !== w || e.att !== op.attempt) return;
  const conflict = res === Applied.Lost && g.strategy === 'abort' ? ABORTED : 0;
  sim.send(g, b, op.coord, g.net.ack(sim.rng), Kind.Ack, op, r, e.att, null, conflict);
}

export function onAck(sim: Sim, e: Ev): void {
  const op = e.op!;
  const g = op.g;
  if (g.writeMode === 'log') {
    const L = g.lead;
    if (L.leader < 0 || g.replicaRegion[L.leader] !== op.coord || !op.w || op.w.term !== L.term) return;
    if (g.faults.any && g.faults.down(op.coord, sim.now)) return;
    const i = e.node * g.keys + op.key;
    if (e.flag > L.match[i]) L.match[i] = e.flag;
    tryCommit(sim, L.leader, g, op.key);
    return;
  }
  if (op.done || op.committed || e.att !== op.attempt) return;
  if (g.writeMode !== 'leaderless' && g.faults.any && g.faults.down(op.coord, sim.now)) return;
  if (g.writeMode === 'regional' && g.replicaRegion[e.node] !== op.coord) return;
  op.acks++;
  if (e.flag === ABORTED) op.conflict = true;
  checkCommit(sim, op);
}

/** Commits the key's pending log writes, in order, while W replicas (the leader included) hold them. */
export function tryCommit(sim: Sim, leader: number, g: Op['g'], key: number): void {
  const L = g.lead;
  const list = L.pending[key];
  const K = g.keys;
  while (list && list.length > 0) {
    const pos = list[0].w!.idx;
    let holders = 0;
    for (let r = 0; r < g.n; r++) if (L.match[r * K + key] >= pos) holders++;
    if (holders < g.w) return;
    const op = list.shift()!;
    L.committed[key] = pos;
    g.states.apply(key * g.n + leader, op.w!, g.order);
    sim.wake(g, leader, key);
    sim.observeApply(g, leader, key);
    committed(sim, op);
    if (g.accepted) {
      // Sequential (sticky) sessions hear back from their own replica once it applied the write.
      const home = g.readMode === 'sticky' ? op.session.home[g.index] : leader;
      for (let r = 0; r < g.n; r++) if (r !== leader) replicate(sim, op, op.w!, r, Kind.Commit, r === home ? 1 : 0);
      if (home !== leader) continue;
    }
    if (!op.done) sim.send(g, op.coord, op.region, 0, Kind.Reply, op, leader, op.attempt, null, 0);
  }
}

/** A committed write reaches a follower that shows only committed writes: it becomes visible there; at a
 *  sequential session's own replica, the client hears back. */
export function onCommit(sim: Sim, e: Ev): void {
  const op = e.op!;
  const g = op.g;
  const w = e.w!;
  const r = e.node;
  if (g.faults.any && g.faults.down(g.replicaRegion[r], sim.now)) {
    sim.at(
      g.faults.clearAt(g.replicaRegion[r], g.replicaRegion[r], sim.now) - sim.now,
      e.kind,
      op,
      r,
      e.att,
      w,
      null,
      e.flag,
    );
    return;
  }
  if (w.term < g.lead.termOf[r]) return;
  if (g.states.apply(w.key * g.n + r, w, g.order) !== Applied.Old) {
    sim.wake(g, r, w.key);
    sim.observeApply(g, r, w.key);
  }
  if (e.flag === 1 && !op.done && e.att === op.attempt)
    sim.send(g, g.replicaRegion[r], op.region, 0, Kind.Reply, op, r, op.attempt, null, 0);
}

function checkCommit(sim: Sim, op: Op): void {
  const g = op.g;
  const needed = op.fallback ? 1 : g.writeMode === 'regional' ? majority(g.replicas[op.coord].length) : g.w;
  if (op.acks < needed) return;
  op.committed = true;
  if (!op.conflict) committed(sim, op);
  const flag = op.conflict ? ABORTED : 0;
  if (g.writeMode === 'leaderless') sim.at(0, Kind.Reply, op, -1, op.attempt, null, null, flag);
  else sim.send(g, op.coord, op.region, 0, Kind.Reply, op, -1, op.attempt, null, flag);
}

/** What every commit feeds: the bounded-staleness log (bounded levels) and the t-visibility probe. */
function committed(sim: Sim, op: Op): void {
  const w = op.w!;
  sim.commits[op.g.index]?.push(w.key, w.slot, w.idx, sim.now);
  onCommitted(sim, op, w);
}
