// The run's history, in Jepsen's form, for outside checkers and for the product's own: a header line per run
// (format, scenario, seed, and per data type its model, level, replication, conflict strategy and protocol),
// then one JSON line per invoke and completion: {index, time (ns), type invoke|ok|fail|info, process,
// f (write | read | add), value [key, v]}. Register writes carry unique values per key; reads return the
// value read. Times are strictly increasing over the whole run (events at one instant keep their order,
// a nanosecond apart), so each process's operations are strictly ordered. The same stamped operations
// feed the in-process checkers. Bounded: after `limit` lines nothing more is written.
import type { Group } from './group';
import type { Op } from './ops';
import type { HistOp } from './verify/index';
import type { VV } from './state';

/** One completed operation as the history checkers see it (times in ms, from the stamped nanoseconds). */
export interface HistoryOp extends HistOp {
  region: number;
  /** Served by the `prefer availability` fallback. */
  fallback: boolean;
  /** The version the replicas returned or made: their own write order, a hint checkers may verify, never trust. */
  version?: number[];
}

export interface HistorySink {
  /** An operation is invoked (in time order, before its completion); the record is reused after the call. */
  invoke(inv: { key: string; f: HistoryOp['f']; invoke: number; region?: number }): void;
  add(op: HistoryOp): void;
}

/** A completed operation as the history checkers and witnesses show it. */
export function historyOpOf(op: Op): HistoryOp {
  const value = op.read ? op.result : op.value;
  const type = op.outcome === '' ? 'info' : op.outcome;
  return {
    id: op.id,
    process: op.process,
    key: keyOf(op),
    f: fOf(op),
    value,
    invoke: op.invokeNs / 1e6,
    complete: op.completeNs / 1e6,
    type,
    region: op.region,
    fallback: op.fallback,
    ...(op.version ? { version: op.version } : {}),
  };
}

export interface RunHeader {
  scenario: string;
  seed: number;
  data: {
    name: string;
    model: 'register' | 'counter';
    level: string;
    replication: string;
    conflict: string;
    protocol: string;
  }[];
}

export class Recorder {
  lines = 0;
  truncated = false;
  private last = -1;
  /** One invocation record, reused: sinks read it at once and keep none. */
  private inv: { key: string; f: HistoryOp['f']; invoke: number; region: number } = {
    key: '',
    f: 'read',
    invoke: 0,
    region: 0,
  };

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
    op.invokeNs = t;
    op.process = process;
    const f = fOf(op);
    if (this.out) this.emit({ time: t, type: 'invoke', process, f, value: [keyOf(op), op.read ? null : op.value] });
    const sink = this.sinks[op.g.index];
    if (sink) {
      const inv = this.inv;
      inv.key = keyOf(op);
      inv.f = f;
      inv.invoke = t / 1e6;
      inv.region = op.region;
      sink.invoke(inv);
    }
  }

  /** Records the completion on the operation, in the file, and for the history checkers. */
  complete(op: Op, type: 'ok' | 'fail' | 'info', value: number | null, vv: VV | null, error?: string): void {
    op.completeNs = this.stamp();
    op.outcome = type;
    op.result = value;
    if (this.out) {
      const o: Record<string, unknown> = {
        time: op.completeNs,
        type,
        process: op.process,
        f: fOf(op),
        value: [keyOf(op), value],
      };
      if (vv) o.version = vv.slice();
      if (error) o.error = error;
      if (op.fallback) o.fallback = true;
      this.emit(o);
    }
    this.sinks[op.g.index]?.add(historyOpOf(op));
  }

  /** Every key's converged value, read once after the run by a process of its own. */
  final(g: Group, key: number, process: number, value: number, vv: VV): void {
    const k = `${g.name}/${key}`;
    this.emit({ time: this.stamp(), type: 'invoke', process, f: 'read', value: [k, null], final: true });
    this.emit({
      time: this.stamp(),
      type: 'ok',
      process,
      f: 'read',
      value: [k, value],
      version: vv.slice(),
      final: true,
    });
  }
}

/** The key's name as the history has it (`data/index`); the group's names are made once. */
function keyOf(op: Op): string {
  const g = op.g;
  const names = (g.keyNames ??= Array.from({ length: g.keys }, (_, k) => `${g.name}/${k}`));
  return names[op.key];
}
const fOf = (op: Op): HistoryOp['f'] => (op.read ? 'read' : op.g.counter ? 'add' : 'write');
