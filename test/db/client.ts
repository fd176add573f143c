// A client session of one data type on the primary/replica pair, driven only by the exported PostgresSettings:
// server-wide synchronous_standby_names, per-session synchronous_commit and isolation, writes on the primary,
// reads routed by `readFrom`, and the LSN token (`lsnToken`) waited for on the standby before reading.
import type pg from 'pg';
import type { PostgresSettings } from '../../server/src/core/stores/postgres';
import { connect } from './cluster';

export interface Ports {
  primary: number;
  standby: number;
}

/** How long a read waits for the standby to replay the session's token before reading the primary instead. */
const waitTimeoutMs = 5_000;
const pollMs = 5;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The naive settings: the same, but reads go to the standby without waiting for anything. */
export function naive(s: PostgresSettings): PostgresSettings {
  return { ...s, readFrom: 'standby', lsnToken: null };
}

/** One synchronous_standby_names serves every data type on a primary: the one the data types that set one agree on. */
export function serverStandbyNames(all: PostgresSettings[]): string {
  const names = [...new Set(all.map((s) => s.synchronousStandbyNames).filter((n) => n !== ''))];
  if (names.length > 1)
    throw new Error(`data types on one primary need different synchronous_standby_names: ${names.join(' | ')}`);
  return names[0] ?? '';
}

/** ALTER SYSTEM on the primary, reload, and wait until the named standbys are synchronous (or async when none). */
export async function applyStandbyNames(port: number, names: string, standbys: string[]): Promise<void> {
  const c = connect(port);
  await c.connect();
  try {
    await c.query(`ALTER SYSTEM SET synchronous_standby_names = ${c.escapeLiteral(names)}`);
    await c.query('SELECT pg_reload_conf()');
    const want = names === '' ? ['async'] : ['sync', 'quorum'];
    for (const end = Date.now() + 10_000; Date.now() < end; await sleep(20)) {
      const r = await c.query('SELECT sync_state FROM pg_stat_replication WHERE application_name = ANY($1)', [
        standbys,
      ]);
      if (r.rowCount && r.rows.every((row) => want.includes(row.sync_state))) return;
    }
    throw new Error(
      `standbys ${standbys.join(', ')} did not become ${want.join('/')} after synchronous_standby_names = '${names}'`,
    );
  } finally {
    await c.end();
  }
}

const parseLsn = (lsn: string): bigint => {
  const [hi, lo] = lsn.split('/');
  return (BigInt(`0x${hi}`) << 32n) | BigInt(`0x${lo}`);
};
const formatLsn = (lsn: bigint): string =>
  `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;

export class Session {
  /** Reads that found the standby behind the session's token and waited. */
  waits = 0;
  /** Reads that gave up waiting and went to the primary. */
  fallbacks = 0;
  private token: bigint | null = null;

  private constructor(
    readonly settings: PostgresSettings,
    private readonly primary: pg.Client,
    private readonly standby: pg.Client | null,
  ) {}

  static async open(settings: PostgresSettings, ports: Ports): Promise<Session> {
    const primary = connect(ports.primary);
    await primary.connect();
    await primary.query(
      "SELECT set_config('synchronous_commit', $1, false), set_config('default_transaction_isolation', $2, false)",
      [settings.synchronousCommit, settings.defaultTransactionIsolation],
    );
    let standby: pg.Client | null = null;
    if (settings.readFrom === 'standby') {
      standby = connect(ports.standby);
      await standby.connect();
    }
    return new Session(settings, primary, standby);
  }

  /** On the primary; then the token rises to the session's WAL position. Returns the first row. */
  async write(sql: string, values: unknown[]): Promise<unknown[]> {
    const r = await this.primary.query({ text: sql, values, rowMode: 'array' });
    const t = this.settings.lsnToken;
    if (t) this.raise(String(await scalar(this.primary, t.afterWrite)));
    return r.rows[0];
  }

  /** Where `readFrom` says; on a standby, first wait until it has replayed the token. Returns the first row. */
  async read(sql: string, values: unknown[]): Promise<unknown[]> {
    const onStandby = this.standby !== null && (await this.caughtUp(this.standby));
    const target = onStandby ? this.standby! : this.primary;
    const r = await target.query({ text: sql, values, rowMode: 'array' });
    const after = this.settings.lsnToken?.afterRead;
    if (onStandby && after) this.raise(String(await scalar(target, after)));
    return r.rows[0];
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.primary.end(), this.standby?.end()]);
  }

  private raise(lsn: string): void {
    const v = parseLsn(lsn);
    if (this.token === null || v > this.token) this.token = v;
  }

  private async caughtUp(standby: pg.Client): Promise<boolean> {
    const t = this.settings.lsnToken;
    if (!t || this.token === null) return true;
    for (let waited = false, end = Date.now() + waitTimeoutMs; ; waited = true, await sleep(pollMs)) {
      if ((await scalar(standby, t.waitOnStandby, [formatLsn(this.token)])) === true) {
        if (waited) this.waits++;
        return true;
      }
      if (Date.now() >= end) {
        this.fallbacks++;
        return false;
      }
    }
  }
}

async function scalar(c: pg.Client, sql: string, values: unknown[] = []): Promise<unknown> {
  const r = await c.query({ text: sql, values, rowMode: 'array' });
  return r.rows[0]?.[0];
}
