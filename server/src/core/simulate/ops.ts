// The engine's runtime records: events on the queue, client operations in flight, sessions (clients)
// with their tokens, and writes as they travel.
import type { Group } from './group';
import type { Queued } from './calendar';
import type { Version, VV } from './state';

/** Event kinds. */
export const Kind = {
  Arrive: 0,
  /** A request reaches a replica (a write at its coordinator, a read at the replica serving it). */
  Req: 1,
  /** A write reaches a replica. */
  Write: 2,
  Ack: 3,
  /** A quorum read's request reaches a replica, and its reply comes back. */
  ReadReq: 4,
  ReadResp: 5,
  /** The answer reaches the client. */
  Reply: 6,
  /** A replica's worker finishes an operation's service time. */
  Served: 7,
  /** A committed write reaches a follower that shows only committed writes (sequential). */
  Commit: 8,
  /** A quorum read writes back what it read (ABD), and a replica confirms it holds it. */
  WriteBack: 9,
  WriteBackAck: 10,
  /** A fault window starts or ends: leadership, routes and rejoining replicas are re-evaluated. */
  Change: 11,
  /** An election's outcome takes effect. */
  Elected: 12,
} as const;

export interface WriteRec extends Version {
  /** This write's position in its slot (its entry in `vv`). */
  idx: number;
  slot: number;
  key: number;
  /** The leader's term when it was proposed (single-leader groups; 0 otherwise). */
  term: number;
}

export class Session {
  busy = false;
  queue: Op[] = [];
  /** Per data type: what the session wrote and read, per key (see tokens.ts). */
  tokens: (Int32Array | undefined)[] = [];
  /** When the session's last operation completed (history times per process are strictly increasing). */
  lastDone = -1;
  constructor(
    readonly id: number,
    public process: number,
    readonly region: string,
    /** The region index in each group. */
    readonly regionIn: Int32Array,
    /** Per group: the replica the session sticks to (its own region's), for sticky reads. */
    readonly home: number[],
  ) {}
}

export class Op {
  done = false;
  started = false;
  attempt = 0;
  /** Served by the fallback path (`prefer availability`) after the normal path did not answer in time. */
  fallback = false;
  /** When the operation reached its client (its deadline is the timer queue's). */
  arrival = 0;
  /** The history's record of it: the process, the invocation's and completion's stamps (ns, strictly
   *  increasing over the run), the outcome, and the value it returned (reads) or wrote. */
  process = 0;
  invokeNs = 0;
  completeNs = 0;
  outcome: 'ok' | 'fail' | 'info' | '' = '';
  result: number | null = null;
  /** The version it returned (a read) or made (a write): its place in the replicas' write order. */
  version: number[] | null = null;
  /** Coordinator region (writes). */
  coord = -1;
  /** The replica that coordinates (writes) or serves (reads) the current attempt. */
  at = -1;
  w: WriteRec | null = null;
  acks = 0;
  committed = false;
  conflict = false;
  /** Quorum reads: replies needed and received, merged; write-back acks needed. */
  need = 0;
  replies = 0;
  merged: Version | null = null;
  redirected = false;
  /** A register write's value, unique per key (0 for reads and counter adds). */
  value = 0;
  constructor(
    readonly id: number,
    readonly g: Group,
    readonly key: number,
    readonly read: boolean,
    readonly session: Session,
    readonly region: number,
  ) {}
}

/** An event; the engine recycles them once handled, so handlers must not keep one. */
export class Ev implements Queued {
  seq = 0;
  t = 0;
  kind = 0;
  op: Op | null = null;
  /** A replica id, or a region index, by kind. */
  node = 0;
  att = 0;
  w: WriteRec | null = null;
  v: Version | null = null;
  flag = 0;
  /** The group an event without an operation is for (elections; set by `Sim.atGroup`, stale on others). */
  gi = 0;
  /** The next handled event in the engine's pool of them, for reuse. */
  free: Ev | null = null;
  /** The next event in its bucket of the queue, and the queue's day for it (calendar.ts). */
  next: Ev | null = null;
  day = 0;
}

/** A read or write waiting at a replica for its state to include `need`. */
export interface Waiter {
  op: Op;
  att: number;
  need: VV;
  key: number;
}
