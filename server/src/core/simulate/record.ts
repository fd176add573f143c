// The run's history, in Jepsen's form, for outside checkers and for the product's own: a header line per run
// (format, scenario, seed, and per data type its model, level, replication, conflict strategy and protocol),
// then one JSON line per invoke and completion: {index, time (ns), type invoke|ok|fail|info, process,
// f (write | read | add), value [key, v]}. Register writes carry unique values per key; reads return the
// value read. Times are strictly increasing over the whole run (events at one instant keep their order,
// a nanosecond apart), so each process's operations are strictly ordered. The same stamped operations
// feed the in-process checkers. Bounded: after `limit` lines nothing more is written.
import type { Group } from './group';
import type { Op, Session } from './ops';
import type { VV } from './state';

/** One completed operation as the history checkers see it (times in ms, from the stamped nanoseconds). */
export interface HistoryOp {
  id: number;
  process: number;
  key: string;
  f: 'read' | 'write' | 'add';
  value: number | null;
  invoke: number;
  complete: number;
  type: 'ok' | 'fail' | 'info';
  region: number;
  /** Served by the `prefer availability` fallback. */
  fallback: boolean;
}

export interface HistorySink {
  add(op: HistoryOp): void;
}

export interface RunHeader {
  scenario: string;
  seed: number;
  data: { name: string; model: 'register' | 'counter'; level: string; replication: string; conflict: string; protocol: string }[];
}

export class Recorder {
  lines = 0;
  truncated = false;
  private last = -1;
  private invokes = new Map<Op, number>();

  constructor(
    private out: ((line: string) => void) | undefined,
    private limit: number,
    private sinks: (HistorySink | undefined)[],
    private clock: () => number,
  ) {}

  header(h: RunHeader): void {
    if (this.out) this.out(JSON.stringify({ type: 'header', format: 'consistency-history/1', ...h }));
  }

  /** The current time in ns, strictly after the last stamp. */
  private stamp(): number {
    const ns = Math.max(Math.round(this.clock() * 1e6), this.last + 1);
    this.last = ns;
    return ns;
  }

  private emit(o: Record<string, unknown>): void {
    if (!this.out) return;
    if (this.lines >= this.limit) {
      this.truncated = true;
      return;
    }
    this.out(JSON.stringify({ index: this.lines++, ...o }));
  }

  invoke(op: Op, process: number): void {
    const t = this.stamp();
    this.invokes.set(op, t);
    const f = fOf(op);
    this.emit({ time: t, type: 'invoke', process, f, value: [keyOf(op), op.read ? null : op.value] });
  }

  /** Records the completion; returns the operation as the checkers see it. */
  complete(op: Op, s: Session, type: 'ok' | 'fail' | 'info', value: number | null, vv: VV | null, error?: string): HistoryOp {
    const t = this.stamp();
    const invoke = this.invokes.get(op)!;
    this.invokes.delete(op);
    const f = fOf(op);
    const o: Record<string, unknown> = { time: t, type, process: s.process, f, value: [keyOf(op), value] };
    if (vv) o.version = vv.slice();
    if (error) o.error = error;
    if (op.fallback) o.fallback = true;
    this.emit(o);
    const h: HistoryOp = { id: op.id, process: s.process, key: keyOf(op), f, value, invoke: invoke / 1e6, complete: t / 1e6, type, region: op.region, fallback: op.fallback };
    this.sinks[op.g.index]?.add(h);
    return h;
  }

  /** Every key's converged value, read once after the run by a process of its own. */
  final(g: Group, key: number, process: number, value: number, vv: VV): void {
    const k = `${g.name}/${key}`;
    this.emit({ time: this.stamp(), type: 'invoke', process, f: 'read', value: [k, null], final: true });
    this.emit({ time: this.stamp(), type: 'ok', process, f: 'read', value: [k, value], version: vv.slice(), final: true });
  }
}

const keyOf = (op: Op) => `${op.g.name}/${op.key}`;
const fOf = (op: Op): HistoryOp['f'] => (op.read ? 'read' : op.g.counter ? 'add' : 'write');
