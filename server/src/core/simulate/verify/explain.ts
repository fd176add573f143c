// Names the pattern of a minimal witness and says it in one line: a read of a value not yet written, a new–old
// inversion, a stale read, a read of a failed write or of a value never written, a lost counter increment — or,
// failing those, that no order of its operations explains the values read. Descriptive only: the verdict is the
// search's; this looks at real-time order and values to find words for it.
import type { HistOp, ModelKind, WitnessStart } from './types';
import { plural } from '../../util/plural';

/** What the witness does not hold but the explanation may use. */
export interface ExplainContext {
  /** Register: the write that set a start value, by value. */
  sources?: ReadonlyMap<number, HistOp>;
  /** Register: writes of the key seen before or in the window, failed ones included (bounded by the caller). */
  recent?: readonly HistOp[];
  /** The start is the key's initial state (nothing before it). */
  initial: boolean;
}

/** A witness's pattern name and its one-line explanation. */
export interface Explanation {
  pattern: string;
  explanation: string;
}

type Pending = readonly [number, number][];

const ms = (t: number): string => (Number.isFinite(t) ? t.toFixed(1) : t > 0 ? '∞' : '−∞');
const span = (op: HistOp): string => `${ms(op.invoke)}–${ms(op.complete)} ms`;
const read = (r: HistOp): string => `read by p${r.process} at ${span(r)} returned ${r.value}`;
const num = (op: HistOp): number => op.value as number;
const say = (pattern: string, explanation: string): Explanation => ({ pattern, explanation });
const values = (start: readonly WitnessStart[]): number[] => start.flatMap((s) => (s.value === 'any' ? [] : [s.value]));

/** The pattern and one-line explanation of a witness (`sequential`: of the sequential-consistency check). */
export function explain(
  model: ModelKind,
  ops: readonly HistOp[],
  start: readonly WitnessStart[],
  pending: Pending,
  ctx: ExplainContext,
  sequential = false,
): Explanation {
  const starts = values(start);
  const lone = ops.length === 1 && ops[0].f === 'read' && !starts.includes(num(ops[0]));
  if (model === 'register' && lone) return unexplained(ops[0], starts, ctx);
  const found = sequential ? null : model === 'register' ? register(ops, starts) : counter(ops, start, pending);
  const keeping = sequential ? ` that keeps each process's own order` : '';
  return found ?? say('generic', `no order of these ${ops.length} operations${keeping} explains the values read`);
}

function register(ops: readonly HistOp[], starts: number[]): Explanation | null {
  const reads = ops.filter((o) => o.f === 'read');
  const writes = ops.filter((o) => o.f === 'write');
  const writeOf = (v: number) => writes.find((w) => w.value === v);
  // Is b older than a, which r1 returned: can b not come back once a was read?
  const older = (b: number, a: number, r1: HistOp): boolean => {
    const wa = writeOf(a);
    const wb = writeOf(b);
    if (wb) return wb.complete < r1.invoke || (wa !== undefined && wb.complete < wa.invoke);
    if (starts.includes(b) && !starts.includes(a)) return true;
    return reads.some((r0) => r0.value === b && r0.complete < r1.invoke);
  };
  for (const r of reads) {
    const w = writeOf(num(r));
    if (w && r.complete < w.invoke) {
      const began = `p${w.process}'s write of ${w.value} began (${ms(w.invoke)} ms)`;
      return say('future-read', `${read(r)} before ${began}: read of a value not yet written`);
    }
  }
  for (const r1 of reads) {
    for (const r2 of reads) {
      if (r1.complete < r2.invoke && r1.value !== r2.value && older(num(r2), num(r1), r1)) {
        const after = `p${r1.process}'s read returned ${r1.value} (ended ${ms(r1.complete)} ms)`;
        return say('new-old-inversion', `${read(r2)} after ${after}: new-old inversion`);
      }
    }
  }
  for (const r of reads) {
    const wv = writeOf(num(r));
    for (const w of writes) {
      if (w.value === r.value || w.type !== 'ok' || !(w.complete < r.invoke)) continue;
      const seen = reads.some((r0) => r0.value === r.value && r0.complete < w.invoke);
      if ((wv && wv.complete < w.invoke) || (!wv && (starts.includes(num(r)) || seen))) {
        const ended = `p${w.process}'s write of ${w.value} ended at ${ms(w.complete)} ms`;
        return say('stale-read', `${read(r)}, but ${ended}, before the read began: stale read`);
      }
    }
  }
  return null;
}

/** A lone read of a value that no write in the witness and no start state explains. */
function unexplained(r: HistOp, starts: number[], ctx: ExplainContext): Explanation {
  const v = num(r);
  const failed = ctx.recent?.find((o) => o.value === v && o.type === 'fail');
  if (failed) {
    const whose = `p${failed.process}'s failed write (${span(failed)})`;
    return say('failed-write', `${read(r)}, the value of ${whose}: read of a failed write`);
  }
  const old = ctx.recent?.find((o) => o.value === v && o.f === 'write');
  if (old) {
    const now = starts.length === 1 ? ctx.sources?.get(starts[0]) : undefined;
    const by = now ? ` by p${now.process}'s write of ${now.value} (ended ${ms(now.complete)} ms)` : '';
    const written = `written by p${old.process} (ended ${ms(old.complete)} ms)`;
    return say('stale-read', `${read(r)}, ${written} and overwritten${by} before the read began: stale read`);
  }
  const when = ctx.initial ? '' : ' (or one overwritten long before)';
  return say('never-written', `${read(r)}, a value never written${when}: read of a value never written`);
}

function counter(ops: readonly HistOp[], start: readonly WitnessStart[], pending: Pending): Explanation | null {
  const reads = ops.filter((o) => o.f === 'read');
  const adds = ops.filter((o) => o.f === 'add');
  const positive = (p: Pending | undefined) => (p ?? []).every(([d]) => d > 0);
  if (!adds.every((a) => num(a) > 0) || !positive(pending)) return null;
  if (start.some((s) => s.value === 'any' || !positive(s.pending))) return null;
  const lo = Math.min(...start.map((s) => s.value as number));
  const free = (p: Pending) => p.reduce((a, [d, n]) => a + d * n, 0);
  const hi = Math.max(...start.map((s) => (s.value as number) + free(s.pending ?? []))) + free(pending);
  const sum = (l: HistOp[]) => l.reduce((a, o) => a + num(o), 0);
  for (const r of reads) {
    const done = adds.filter((a) => a.type === 'ok' && a.complete < r.invoke);
    const floor = lo + sum(done);
    if (num(r) < floor) {
      const from = start.length === 1 && lo === 0 ? '' : `, from ${lo}`;
      const n = `${plural(done.length, 'increment')} summing to ${floor - lo}`;
      return say('lost-increment', `${read(r)}, but ${n} had completed before it began${from}: lost increment`);
    }
    const ceiling = hi + sum(adds.filter((a) => a.invoke < r.complete));
    if (num(r) > ceiling) {
      const most = `the ${ceiling} every increment invoked before it ended could make`;
      return say('never-written', `${read(r)}, more than ${most}: read of a value never written`);
    }
  }
  for (const r1 of reads) {
    for (const r2 of reads) {
      if (r1.complete < r2.invoke && num(r2) < num(r1)) {
        const after = `p${r1.process}'s read returned ${r1.value} (ended ${ms(r1.complete)} ms)`;
        return say('new-old-inversion', `${read(r2)} after ${after}: the counter went back, new-old inversion`);
      }
    }
  }
  return null;
}
