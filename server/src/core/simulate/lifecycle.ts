// A client operation from invoke to completion: history and timeout; on timeout under `prefer availability`
// one retry on the nearest live replica, else fail (reads, unapplied writes) or info (maybe-applied writes).
// Completion feeds metrics, checkers, history and session tokens, then starts the client's next operation.
import { Kind, Op, type Ev } from './ops';
import { startRead } from './read-path';
import type { Sim } from './sim';
import { valueOf, type Version } from './state';
import { tokenUpdate } from './tokens';
import { ABORTED, startWrite } from './write-path';

export function start(sim: Sim, op: Op): void {
  op.invokeT = sim.now;
  const s = op.session!;
  s.busy = true;
  sim.history.invoke(op, s.process, sim.now);
  sim.armTimeout(op);
  if (op.read) startRead(sim, op);
  else startWrite(sim, op);
}

export function onReply(sim: Sim, e: Ev): void {
  const op = e.op!;
  if (op.done || e.att !== op.attempt) return;
  if (op.probe) {
    op.done = true;
    const m = sim.metrics[op.g.index];
    m.visibilityProbes[op.probe.at]++;
    if (e.v!.vv[op.probe.origin] >= op.probe.idx) m.visibilityHits[op.probe.at]++;
    return;
  }
  if (e.flag === ABORTED) complete(sim, op, 'fail', null, 'aborted');
  else complete(sim, op, 'ok', op.read ? e.v : op.w, undefined);
}

/** The operation's timeout (for its current attempt) fired. */
export function onTimeout(sim: Sim, op: Op): void {
  if (op.g.prefer === 'availability' && !op.fallback && fallback(sim, op)) return;
  complete(sim, op, op.read || !op.w ? 'fail' : 'info', null, op.fallback ? 'unavailable' : 'timeout');
}

/** Retries on the client's own region, or the nearest live region it can reach; false when there is none. */
function fallback(sim: Sim, op: Op): boolean {
  const g = op.g;
  let best = -1;
  let bestMs = Infinity;
  for (let r = 0; r < g.regions.length; r++) {
    if (g.faults.down(r, sim.now) || g.faults.cut(op.region, r, sim.now) || g.net.unreachable(op.region, r)) continue;
    const ms = r === op.region ? -1 : (g.data.topology?.rtt(g.regions[op.region], g.regions[r]) ?? Infinity);
    if (ms < bestMs) [best, bestMs] = [r, ms];
  }
  if (best < 0) return false;
  op.attempt++;
  op.fallback = true;
  op.redirected = false;
  if (!op.read) {
    op.coord = best;
    op.w = null;
    op.acks = 0;
    op.committed = false;
  }
  const rs = g.replicas[best];
  const j = op.read ? rs[sim.rng.int(rs.length)] : rs[0];
  sim.send(g, op.region, best, 0, Kind.Req, op, j, op.attempt, null, 0);
  sim.armTimeout(op);
  return true;
}

export function complete(sim: Sim, op: Op, type: 'ok' | 'fail' | 'info', v: Version | null, error: string | undefined): void {
  op.done = true;
  const g = op.g;
  const s = op.session!;
  sim.metrics[g.index].complete(op.read, type, sim.now - op.invokeT, op.invokeT, op.region, error, op.fallback);
  const checker = sim.checkers[g.index];
  sim.history.complete(op, s.process, sim.now, type, v && op.read ? valueOf(v, g.strategy) : null, v ? v.vv : null, error);
  if (type === 'ok' && v) {
    if (op.read) checker.readOk(s.id, op.key, op.invokeT, v.vv);
    else checker.writeOk(s.id, op.key, op.w!.origin, op.w!.idx, sim.now);
    tokenUpdate(op, v.vv);
  } else if (type === 'info') {
    checker.writeInfo(op.key);
    s.process = sim.nextProcess++; // Jepsen: a process with an indeterminate operation is replaced
  }
  s.busy = false;
  const next = s.queue.shift();
  if (next) start(sim, next);
}

/** A t-visibility probe: a read from the writer's region, `at` ms after the write committed. */
export function startProbe(sim: Sim, e: Ev): void {
  const g = sim.groups[e.flag];
  const w = e.w!;
  const op = new Op(sim.nextOp++, g, w.key, true, null, e.node, { origin: w.origin, idx: w.idx, at: e.att });
  op.invokeT = sim.now;
  startRead(sim, op);
}
