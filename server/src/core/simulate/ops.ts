// The engine's runtime records: events on the queue, client operations in flight, sessions (clients)
// with their tokens, writes as they travel, and t-visibility probes.
import type { Group } from './group';
import type { Timed } from './heap';
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
  Probe: 7,
} as const;

export interface WriteRec extends Version {
  /** This write's number among its origin's writes to the key (its entry in `vv`). */
  idx: number;
  key: number;
}

export interface Probe {
  origin: number;
  idx: number;
  at: number;
}

export class Session {
  busy = false;
  queue: Op[] = [];
  /** Per data type: what the session wrote and read, per key (see tokens.ts). */
  tokens: (Int32Array | undefined)[] = [];
  constructor(
    readonly id: number,
    public process: number,
    readonly region: string,
    /** The region index in each group. */
    readonly regionIn: Int32Array,
  ) {}
}

export class Op {
  done = false;
  attempt = 0;
  fallback = false;
  invokeT = 0;
  /** Coordinator region (writes). */
  coord = -1;
  w: WriteRec | null = null;
  acks = 0;
  committed = false;
  conflict = false;
  /** Quorum reads: replies needed and received, merged. */
  need = 0;
  replies = 0;
  merged: Version | null = null;
  redirected = false;
  constructor(
    readonly id: number,
    readonly g: Group,
    readonly key: number,
    readonly read: boolean,
    readonly session: Session | null,
    readonly region: number,
    readonly probe: Probe | null,
  ) {}
}

/** An event; the engine recycles them once handled, so handlers must not keep one. */
export class Ev implements Timed {
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
}

/** A read or write waiting at a replica for its state to include `need`. */
export interface Waiter {
  op: Op;
  att: number;
  need: VV;
  key: number;
}
