// History export in Jepsen's form: JSON lines {index, time (ns), type invoke|ok|fail|info, process, f
// (add | read), value [key, x]}, completions with the version vector; final reads marked `final`.
// Bounded: after `limit` lines nothing more is written and `truncated` is set.
import type { Op } from './ops';
import type { VV } from './state';

export class History {
  lines = 0;
  truncated = false;

  constructor(
    private out: ((line: string) => void) | undefined,
    private limit: number,
  ) {}

  get enabled(): boolean {
    return this.out !== undefined;
  }

  private emit(o: Record<string, unknown>): void {
    if (!this.out) return;
    if (this.lines >= this.limit) {
      this.truncated = true;
      return;
    }
    this.out(JSON.stringify({ index: this.lines++, ...o }));
  }

  invoke(op: Op, process: number, t: number): void {
    if (!this.out) return;
    this.emit({ time: ns(t), type: 'invoke', process, f: op.read ? 'read' : 'add', value: [`${op.g.name}/${op.key}`, op.read ? null : 1] });
  }

  complete(op: Op, process: number, t: number, type: 'ok' | 'fail' | 'info', value: number | null, vv: VV | null, error?: string): void {
    if (!this.out) return;
    const o: Record<string, unknown> = { time: ns(t), type, process, f: op.read ? 'read' : 'add', value: [`${op.g.name}/${op.key}`, op.read ? value : 1] };
    if (vv) o.version = vv.slice();
    if (error) o.error = error;
    this.emit(o);
  }

  final(group: string, key: number, process: number, t: number, value: number, vv: VV): void {
    if (!this.out) return;
    const k = `${group}/${key}`;
    this.emit({ time: ns(t), type: 'invoke', process, f: 'read', value: [k, null], final: true });
    this.emit({ time: ns(t), type: 'ok', process, f: 'read', value: [k, value], version: vv.slice(), final: true });
  }
}

const ns = (ms: number) => Math.round(ms * 1e6);
