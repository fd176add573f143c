// Session tokens as a client library carries them: per data type and key, the version vectors of what the
// session wrote and read (flat per session: keys × 2 × origins). Read-your-writes and monotonic writes need
// the writes, monotonic reads and writes-follow-reads the reads, at the replica that serves the operation.
import type { Op } from './ops';
import type { VV } from './state';

function store(op: Op, create: boolean): Int32Array | undefined {
  const s = op.session!;
  let t = s.tokens[op.g.index];
  if (!t && create) s.tokens[op.g.index] = t = new Int32Array(op.g.keys * 2 * op.g.slots);
  return t;
}

/** What the operation's session requires, or undefined when nothing. */
export function tokenNeed(op: Op, writes: boolean, reads: boolean): VV | undefined {
  if (!op.session || (!writes && !reads)) return undefined;
  const t = store(op, false);
  if (!t) return undefined;
  const o = op.g.slots;
  const w = op.key * 2 * o;
  const out: VV = [];
  let any = false;
  for (let i = 0; i < o; i++) {
    const x = Math.max(writes ? t[w + i] : 0, reads ? t[w + o + i] : 0);
    if (x > 0) any = true;
    out.push(x);
  }
  return any ? out : undefined;
}

/** Records what a session saw (a read) or made (a write), for data types that use tokens. */
export function tokenUpdate(op: Op, vv: VV): void {
  const n = op.g.needs;
  if (!op.session || !(n.readW || n.readR || n.writeW || n.writeR)) return;
  const t = store(op, true)!;
  const base = op.key * 2 * vv.length + (op.read ? vv.length : 0);
  for (let i = 0; i < vv.length; i++) if (vv[i] > t[base + i]) t[base + i] = vv[i];
}

/** Combines two requirements (either may be undefined). */
export function combine(a: VV | undefined, b: VV | undefined): VV | undefined {
  if (!a) return b;
  if (!b) return a;
  const out = a.slice();
  for (let i = 0; i < out.length; i++) if (b[i] > out[i]) out[i] = b[i];
  return out;
}
