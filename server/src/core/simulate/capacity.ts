// Finite replicas: each replica serves client operations with a pool of workers, each busy for one service
// time per operation (the coordinator's work for a write, the serving replica's for a read). The pool is
// sized so that it sustains the profile's capacity per replica at the mean service time (Little's law:
// workers = capacity × mean service time); operations beyond it wait in FIFO order, so overload shows as
// queueing delay and then timeouts. Replicated writes, acknowledgements and quorum replies are delays only.
import { describe, meanOf, type Distribution } from '../model/delay';
import { formatCount } from '../estimate/format';
import { Kind, type Op } from './ops';
import type { Sim } from './sim';

/** What a worker does once its service time is over. */
export const Action = { Serve: 0, Coordinate: 1 } as const;

interface Job {
  op: Op;
  att: number;
  action: number;
}

export class Pools {
  /** Workers per replica (Infinity: unlimited). */
  readonly workers: number;
  /** Service time is always 0: operations act at once, with no event of their own. */
  readonly instant: boolean;
  private busy: Int32Array;
  private queues: Job[][];
  private heads: Int32Array;
  readonly capacityPerSec: number;

  constructor(
    n: number,
    private service: Distribution,
    profileCapacity: number,
    override?: number,
  ) {
    const mean = meanOf(service);
    this.instant = service.kind === 'fixed' && service.value === 0;
    this.capacityPerSec = override ?? profileCapacity;
    this.workers =
      mean > 0 && Number.isFinite(mean) && this.capacityPerSec > 0
        ? Math.max(1, Math.ceil((this.capacityPerSec * mean) / 1000))
        : Infinity;
    this.busy = new Int32Array(n);
    this.queues = Array.from({ length: n }, () => []);
    this.heads = new Int32Array(n);
  }

  describe(source: string): string {
    if (this.instant) return 'replicas serve operations in no time (service time 0), so they never queue';
    if (!Number.isFinite(this.workers))
      return `replicas serve operations in ${describe(this.service)} with no capacity limit`;
    return (
      `each replica serves client operations with ${this.workers} workers ` +
      `(${formatCount(this.capacityPerSec)} ops/s at a mean service time of ` +
      `${Math.round(meanOf(this.service) * 100) / 100} ms; ${source}); operations beyond them queue`
    );
  }

  /** Runs `action` for `op` at replica j after a service time, once a worker is free. */
  submit(sim: Sim, j: number, op: Op, action: number): void {
    if (this.busy[j] < this.workers) {
      this.busy[j]++;
      sim.at(op.g.net.service(sim.rng), Kind.Served, op, j, op.attempt, null, null, action);
    } else this.queues[j].push({ op, att: op.attempt, action });
  }

  /** A worker at replica j is free again: it takes the next live job. */
  release(sim: Sim, j: number): void {
    const q = this.queues[j];
    while (this.heads[j] < q.length) {
      const job = q[this.heads[j]++];
      if (job.op.done || job.att !== job.op.attempt) continue;
      sim.at(job.op.g.net.service(sim.rng), Kind.Served, job.op, j, job.att, null, null, job.action);
      this.compact(j);
      return;
    }
    this.busy[j]--;
    this.compact(j);
  }

  private compact(j: number): void {
    if (this.heads[j] >= 1024 && this.heads[j] * 2 >= this.queues[j].length) {
      this.queues[j] = this.queues[j].slice(this.heads[j]);
      this.heads[j] = 0;
    }
  }

  /** Operations waiting for a worker, over all replicas. */
  queued(): number {
    let s = 0;
    for (let j = 0; j < this.queues.length; j++) s += this.queues[j].length - this.heads[j];
    return s;
  }
}
