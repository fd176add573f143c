// A small concurrent workload on one data type's table: a few sessions, each incrementing a key and then
// reading keys it shares with the others, bounded in operations and time; returns the recorded history.
import { performance } from 'node:perf_hooks';
import type { PostgresSettings } from '../../server/src/core/stores/postgres';
import { connect } from './cluster';
import { Session, type Ports } from './client';
import type { Op } from './history';

export interface Workload {
  table: string;
  clients: number;
  keys: number;
  opsPerClient: number;
  /** Sessions stop issuing operations after this long. */
  deadlineMs: number;
}

export interface Run {
  history: Op[];
  /** Reads that waited for the standby to replay the session's token. */
  waits: number;
  /** Reads that gave up waiting and read the primary. */
  fallbacks: number;
  ms: number;
}

/** `table(k, v)` with `keys` counters at 0, on the primary, and waits until the standby has them. */
export async function createTable(ports: Ports, w: Workload): Promise<void> {
  const p = connect(ports.primary);
  const s = connect(ports.standby);
  await Promise.all([p.connect(), s.connect()]);
  try {
    const t = p.escapeIdentifier(w.table);
    await p.query(`CREATE TABLE ${t} (k int PRIMARY KEY, v bigint NOT NULL)`);
    await p.query(`INSERT INTO ${t} SELECT g, 0 FROM generate_series(0, $1::int - 1) g`, [w.keys]);
    for (const end = Date.now() + 10_000; ; await new Promise((r) => setTimeout(r, 20))) {
      const r = await s.query('SELECT to_regclass($1) IS NOT NULL AS ok', [w.table]);
      if (r.rows[0].ok && (await s.query(`SELECT count(*)::int AS n FROM ${t}`)).rows[0].n === w.keys) return;
      if (Date.now() > end) throw new Error(`the standby did not replay table ${w.table} within 10 s`);
    }
  } finally {
    await Promise.allSettled([p.end(), s.end()]);
  }
}

/** Each session: increment a key, read it twice, move to the next key; sessions start on different keys. */
export async function runWorkload(settings: PostgresSettings, ports: Ports, w: Workload): Promise<Run> {
  const t0 = performance.now();
  const sessions = await Promise.all(Array.from({ length: w.clients }, () => Session.open(settings, ports)));
  const history: Op[] = [];
  const t = w.table.replace(/"/g, '""');
  try {
    await Promise.all(
      sessions.map(async (s, client) => {
        for (let i = 0; i < w.opsPerClient && performance.now() - t0 < w.deadlineMs; i++) {
          const key = (client + Math.floor(i / 3)) % w.keys;
          const kind = i % 3 === 0 ? 'write' : 'read';
          const start = performance.now();
          const row =
            kind === 'write'
              ? await s.write(`UPDATE "${t}" SET v = v + 1 WHERE k = $1 RETURNING v`, [key])
              : await s.read(`SELECT v FROM "${t}" WHERE k = $1`, [key]);
          history.push({ client, kind, key, value: Number(row[0]), start, end: performance.now() });
        }
      }),
    );
  } finally {
    await Promise.all(sessions.map((s) => s.close()));
  }
  return {
    history,
    waits: sessions.reduce((n, s) => n + s.waits, 0),
    fallbacks: sessions.reduce((n, s) => n + s.fallbacks, 0),
    ms: Math.round(performance.now() - t0),
  };
}
