// History checks for counters whose every write is an atomic increment (so on each key, values grow with
// commit order): read-your-writes and monotonic reads per session, and stale reads against real time.

export interface Op {
  client: number;
  kind: 'write' | 'read';
  key: number;
  /** The value written (the increment's result) or read. */
  value: number;
  /** Invocation and completion, in ms on one clock (performance.now()). */
  start: number;
  end: number;
}

export interface Violation {
  read: Op;
  /** The value the read should have seen at least. */
  atLeast: number;
  because: Op;
}

const byStart = (ops: Op[]) => [...ops].sort((a, b) => a.start - b.start);
const clients = (h: Op[]) => [...new Set(h.map((o) => o.client))];

/** Read-your-writes: a session's read sees at least the value of its own last earlier write on that key. */
export function rywViolations(h: Op[]): Violation[] {
  const out: Violation[] = [];
  for (const c of clients(h)) {
    const last = new Map<number, Op>();
    for (const op of byStart(h.filter((o) => o.client === c))) {
      const w = last.get(op.key);
      if (op.kind === 'write') last.set(op.key, op);
      else if (w && op.value < w.value) out.push({ read: op, atLeast: w.value, because: w });
    }
  }
  return out;
}

/** Monotonic reads: a session never reads an older value of a key after a newer one. */
export function monotonicReadViolations(h: Op[]): Violation[] {
  const out: Violation[] = [];
  for (const c of clients(h)) {
    const seen = new Map<number, Op>();
    for (const op of byStart(h.filter((o) => o.client === c && o.kind === 'read'))) {
      const prev = seen.get(op.key);
      if (prev && op.value < prev.value) out.push({ read: op, atLeast: prev.value, because: prev });
      if (!prev || op.value > prev.value) seen.set(op.key, op);
    }
  }
  return out;
}

/**
 * Stale reads (linearizability in real time): a read sees at least every value written or read, by any session,
 * by an operation that completed before the read was invoked.
 */
export function staleReads(h: Op[]): Violation[] {
  const out: Violation[] = [];
  for (const r of h.filter((o) => o.kind === 'read')) {
    let because: Op | undefined;
    for (const o of h) if (o.key === r.key && o.end < r.start && (!because || o.value > because.value)) because = o;
    if (because && r.value < because.value) out.push({ read: r, atLeast: because.value, because });
  }
  return out;
}

/** One line per violation, for assertion messages. */
export function explain(v: Violation[]): string {
  return v
    .slice(0, 5)
    .map(
      (x) =>
        `client ${x.read.client} read ${x.read.value} of key ${x.read.key} at ${x.read.start.toFixed(1)} ms, but ${x.because.kind} by client ${x.because.client} ended at ${x.because.end.toFixed(1)} ms with ${x.atLeast}`,
    )
    .join('\n');
}
