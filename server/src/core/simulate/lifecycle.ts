// A client operation from arrival to completion. It arrives (open-loop) at its client, waits there while the
// client is busy (bounded: beyond, it is shed), is sent, and must answer by its deadline (arrival + timeout):
// else a read or a write that never took effect fails, and a write that may have taken effect is
// indeterminate (info). Under `prefer availability` an operation without an answer at half its timeout is
// retried once on a reachable replica (a fallback). Latency runs from arrival. Completion feeds the
// metrics, the history, the checkers and the session's token, then the client's next operation starts.
import { Kind, Op, type Ev } from './ops';
import { startRead } from './read-path';
import type { Sim } from './sim';
import { valueOf, type Version } from './state';
import { tokenUpdate } from './tokens';
import { ABORTED, startWrite } from './write-path';

/** An operation reaches its client. */
export function admit(sim: Sim, op: Op): void {
  const s = op.session;
  const m = sim.metrics[op.g.index];
  op.arrival = sim.now;
  m.offered(op.read, sim.now);
  if (s.busy && s.queue.length >= sim.cfg.queueCap) {
    op.done = true;
    m.shed(op.read);
    return;
  }
  sim.armDeadline(op);
  if (op.g.prefer === 'availability') sim.armAttempt(op);
  if (s.busy) s.queue.push(op);
  else start(sim, op);
}

function start(sim: Sim, op: Op): void {
  const s = op.session;
  const g = op.g;
  s.busy = true;
  op.started = true;
  if (!op.read) op.value = g.counter ? 1 : ++g.nextValue[op.key];
  sim.record.invoke(op, s.process);
  if (op.read) startRead(sim, op);
  else startWrite(sim, op);
}

export function onReply(sim: Sim, e: Ev): void {
  const op = e.op!;
  if (op.done || e.att !== op.attempt) return;
  if (e.flag === ABORTED) complete(sim, op, 'info', null, 'aborted by a conflict (it may have been applied)');
  else complete(sim, op, 'ok', op.read ? e.v : op.w, undefined);
}

/** The operation's deadline passed without an answer. */
export function onDeadline(sim: Sim, op: Op): void {
  if (op.done) return;
  if (!op.started) {
    const q = op.session.queue;
    q.splice(q.indexOf(op), 1);
    complete(sim, op, 'fail', null, 'timed out waiting for its client');
    return;
  }
  // A write no replica ever took definitely did not happen; one that some replica took may yet appear.
  const type = op.read || !op.w ? 'fail' : 'info';
  complete(sim, op, type, null, op.fallback ? 'no answer from the fallback either' : 'timeout');
}

/** Half the timeout passed without an answer (`prefer availability`): retry once on a reachable replica. */
export function onAttempt(sim: Sim, op: Op): void {
  if (op.done || !op.started || op.fallback) return;
  const g = op.g;
  if (!op.read && g.writeMode === 'log') return; // only the leader can order a log's writes
  let best = -1;
  let bestMs = Infinity;
  for (let r = 0; r < g.regions.length; r++) {
    if (g.faults.down(r, sim.now) || g.faults.cut(op.region, r, sim.now) || g.net.unreachable(op.region, r)) continue;
    const ms = r === op.region ? -1 : (g.data.topology?.rtt(g.regions[op.region], g.regions[r]) ?? Infinity);
    if (ms < bestMs) [best, bestMs] = [r, ms];
  }
  if (best < 0) return;
  op.attempt++;
  op.fallback = true;
  op.redirected = false;
  const rs = g.replicas[best];
  op.at = op.read ? rs[sim.rng.int(rs.length)] : rs[0];
  if (op.read) {
    startRead(sim, op);
    return;
  }
  op.coord = best;
  op.w = null;
  op.acks = 0;
  op.committed = false;
  sim.send(g, op.region, best, 0, Kind.Req, op, op.at, op.attempt, null, 0);
}

export function complete(
  sim: Sim,
  op: Op,
  type: 'ok' | 'fail' | 'info',
  v: Version | null,
  error: string | undefined,
): void {
  op.done = true;
  const g = op.g;
  const s = op.session;
  sim.metrics[g.index].complete(op.read, type, sim.now - op.arrival, op.arrival, op.region, error, op.fallback);
  if (!op.started) return;
  const value = op.read ? (v ? valueOf(v, g.strategy) : null) : op.value;
  // The version it returned or made (an indeterminate write's too: it may yet take effect at that place).
  op.version = v ? v.vv : !op.read && op.w ? op.w.vv : null;
  sim.record.complete(op, type, value, v ? v.vv : null, error);
  const checker = sim.checkers[g.index];
  if (type === 'ok' && v) {
    if (op.read) checker?.readOk(s.id, op.key, v.vv, op, op.fallback);
    else checker?.writeOk(s.id, op.key, op.w!.slot, op.w!.idx, op);
    // The client library's session tokens are part of the protocol, with or without the checks.
    tokenUpdate(op, v.vv);
  } else if (type === 'info') {
    checker?.writeInfo(op.key);
    s.process = sim.nextProcess++; // Jepsen: a process with an indeterminate operation is replaced
  }
  s.busy = false;
  s.lastDone = sim.now;
  const next = s.queue.shift();
  if (next) start(sim, next);
}
