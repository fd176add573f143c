// Reader of history files (consistency-history/1): JSON lines, each run opened by a header naming its data types
// and their models, then Jepsen-style invoke/ok/fail/info lines with `value: [key, x]`, `time` in ns, the data
// type being the key before its last "/". A process's invocation is followed by its completion before its next
// invocation. Pairs them into operations (ids in invoke order, times in ms) per data type; an invocation still
// open when its run ends becomes indeterminate. Fields other than those read here are ignored; an optional
// numeric `region` on an invocation is kept. Errors name the line.
import type { HistOp, ModelKind } from './types';

/** The `format` of the history files this reads. */
export const HISTORY_FORMAT = 'consistency-history/1';

/** A data type declared in a run's header. */
export interface HistoryData {
  name: string;
  model: ModelKind;
  level?: string;
  [field: string]: unknown;
}

/** A run's first line. */
export interface HistoryHeader {
  type: 'header';
  format: string;
  scenario?: string;
  seed?: number;
  data: HistoryData[];
  [field: string]: unknown;
}

/** One run: its header and its operations per data type (in id order; every declared type has a list). */
export interface HistoryRun {
  header: HistoryHeader;
  ops: Map<string, HistOp[]>;
}

/** A malformed history line. */
export class HistoryError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

interface Open {
  id: number;
  f: HistOp['f'];
  key: string;
  data: string;
  value: number | null;
  time: number;
  region?: number;
}

const F = new Set(['read', 'write', 'add']);
const COMPLETIONS = new Set(['ok', 'fail', 'info']);

/** Parses a history file: its runs, each with its header and its operations per data type. */
export function parseHistory(text: string): HistoryRun[] {
  const runs: HistoryRun[] = [];
  let run: HistoryRun | null = null;
  let open = new Map<number, Open>();
  let nextId = 0;
  let last = 0;
  const endRun = () => {
    if (!run) return;
    for (const [process, o] of open) {
      run.ops.get(o.data)!.push(opOf(o, process, 'info', o.value, last));
    }
    for (const list of run.ops.values()) list.sort((a, b) => a.id - b.id);
  };
  const lines = text.split('\n');
  for (let n = 1; n <= lines.length; n++) {
    const raw = lines[n - 1].trim();
    if (raw === '') continue;
    const fail = (msg: string): never => {
      throw new HistoryError(n, msg);
    };
    let j: unknown;
    try {
      j = JSON.parse(raw);
    } catch (e) {
      fail(`not JSON (${(e as Error).message})`);
    }
    if (typeof j !== 'object' || j === null || Array.isArray(j)) fail('expected a JSON object');
    const o = j as Record<string, unknown>;
    if (o.type === 'header') {
      endRun();
      run = { header: headerOf(o, fail), ops: new Map() };
      for (const d of run.header.data) run.ops.set(d.name, []);
      runs.push(run);
      open = new Map();
      nextId = 0;
      continue;
    }
    if (!run) return fail('the history does not start with a header');
    if (typeof o.type !== 'string' || (o.type !== 'invoke' && !COMPLETIONS.has(o.type))) {
      fail(`unknown type ${JSON.stringify(o.type)}`);
    }
    if (!Number.isInteger(o.process)) fail('process must be an integer');
    if (typeof o.time !== 'number' || !Number.isFinite(o.time)) fail('time must be a number (ns)');
    if (typeof o.f !== 'string' || !F.has(o.f)) fail(`f must be read, write or add, not ${JSON.stringify(o.f)}`);
    const v = o.value;
    const pair = Array.isArray(v) && v.length === 2 && typeof v[0] === 'string';
    if (!pair || (v[1] !== null && typeof v[1] !== 'number')) {
      fail('value must be [key, number or null]');
    }
    const [key, x] = v as [string, number | null];
    const process = o.process as number;
    const time = (o.time as number) / 1e6;
    last = Math.max(last, time);
    const f = o.f as HistOp['f'];
    if (o.type === 'invoke') {
      const slash = key.lastIndexOf('/');
      const data = key.slice(0, slash);
      const decl = run.header.data.find((d) => d.name === data);
      if (slash < 0 || !decl) fail(`key ${JSON.stringify(key)} is not of a data type the run's header declares`);
      if (open.has(process)) fail(`process ${process} invoked again before its last operation completed`);
      if (decl!.model === 'register' ? f === 'add' : f === 'write') fail(`${f} on ${data}, a ${decl!.model}`);
      if (f !== 'read' && x === null) fail(`${f} without a value`);
      const region = typeof o.region === 'number' ? o.region : undefined;
      open.set(process, { id: nextId++, f, key, data, value: f === 'read' ? null : x, time, region });
      continue;
    }
    const inv = open.get(process);
    if (!inv) return fail(`process ${process} completes an operation it did not invoke`);
    if (inv.f !== f || inv.key !== key) fail(`completion ${f} ${key} does not match invocation ${inv.f} ${inv.key}`);
    if (f !== 'read' && x !== null && x !== inv.value) fail(`completion value ${x} is not the invoked ${inv.value}`);
    if (f === 'read' && o.type === 'ok' && x === null) fail('an ok read without a value');
    open.delete(process);
    const value = f === 'read' ? (o.type === 'ok' ? x : null) : inv.value;
    run.ops.get(inv.data)!.push(opOf(inv, process, o.type as HistOp['type'], value, time));
  }
  endRun();
  return runs;
}

function opOf(o: Open, process: number, type: HistOp['type'], value: number | null, complete: number): HistOp {
  const op: HistOp = { id: o.id, process, key: o.key, f: o.f, value, invoke: o.time, complete, type };
  if (o.region !== undefined) op.region = o.region;
  return op;
}

function headerOf(o: Record<string, unknown>, fail: (msg: string) => never): HistoryHeader {
  if (o.format !== HISTORY_FORMAT) fail(`unknown format ${JSON.stringify(o.format)} (expected ${HISTORY_FORMAT})`);
  if (!Array.isArray(o.data)) fail('the header has no data list');
  const names = new Set<string>();
  for (const d of o.data as unknown[]) {
    const r = d as Record<string, unknown>;
    if (typeof d !== 'object' || d === null || typeof r.name !== 'string') fail('each data type needs a name');
    if (r.model !== 'register' && r.model !== 'counter') fail(`data type ${r.name}: model must be register or counter`);
    if (names.has(r.name as string)) fail(`data type ${r.name} declared twice`);
    names.add(r.name as string);
  }
  return o as unknown as HistoryHeader;
}
