// Issue 5, "proven on a real database": on a PostgreSQL primary and a delayed streaming replica, the exported
// settings of each data type give its declared guarantee (the history check finds no violation), and the naive
// settings (reading the replica without waiting) break it. Linux only; needs PostgreSQL's
// server binaries (.ci/postgres.sh installs them; skipped without them, except in CI, where that fails).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { driverSettings } from '../../server/src/core/stores/index';
import type { PostgresSettings } from '../../server/src/core/stores/postgres';
import { analyze } from '../../server/src/core/pipeline';
import { applyStandbyNames, naive, serverStandbyNames } from './client';
import { missingBinaries, startCluster, type Cluster } from './cluster';
import { explain, monotonicReadViolations, rywViolations, staleReads, type Op, type Violation } from './history';
import { createTable, runWorkload, type Workload } from './workload';

const POLICY = `topology loopback {
  region local { replicas 2 primary }
}
data cart    { topology loopback consistency read_your_writes }
data feed    { topology loopback consistency session }
data balance { topology loopback consistency linearizable }
`;

type Check = (h: Op[]) => Violation[];
/** Per data type, the checks of its declared guarantee; the first one is what the naive settings must break. */
const cases: { data: string; checks: Record<string, Check> }[] = [
  { data: 'cart', checks: { 'read-your-writes': rywViolations } },
  { data: 'feed', checks: { 'read-your-writes': rywViolations, 'monotonic reads': monotonicReadViolations } },
  { data: 'balance', checks: { 'stale reads': staleReads } },
];

/** The exported PostgreSQL settings of every data type of the policy, as the export module gives them. */
function exported(): Map<string, PostgresSettings> {
  const a = analyze([{ uri: 'file:///proof.consistency', text: POLICY }]);
  assert.deepEqual(
    a.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message),
    [],
  );
  return new Map(
    [...a.model.data.values()].map((d) => [d.name, driverSettings(d.effective, d.topology).postgres.settings]),
  );
}

const workload = (table: string): Workload => ({ table, clients: 4, keys: 3, opsPerClient: 30, deadlineMs: 15_000 });
/** Reads by a session after its own write of the same key: what read-your-writes speaks about. */
const readsAfterOwnWrite = (h: Op[]) =>
  h.filter(
    (r) =>
      r.kind === 'read' &&
      h.some((w) => w.kind === 'write' && w.client === r.client && w.key === r.key && w.end <= r.start),
  ).length;

/** Linux with the binaries; in CI (CI=true) missing binaries are a failure, not a skip. */
function skipReason(): string | false {
  if (process.platform !== 'linux') return 'needs Linux';
  return process.env.CI !== 'true' && (missingBinaries() ?? false);
}

describe(
  'PostgreSQL primary + streaming replica: exported settings hold, naive ones do not',
  { skip: skipReason(), timeout: 180_000 },
  () => {
    const settings = exported();
    const all = [...settings.values()];
    const standby = all[0].standbys[0];
    let cluster: Cluster | undefined;
    let setupMs = 0;
    const ports = () => ({ primary: cluster!.primary.port, standby: cluster!.replica.port });

    before(
      async () => {
        const t0 = performance.now();
        assert.ok(
          all.every((s) => s.standbys.length === 1 && s.standbys[0] === standby),
          'one standby, named alike by every data type',
        );
        // The replica's application_name is the standby name the exported synchronous_standby_names refers to.
        cluster = await startCluster({ standbyName: standby, applyDelayMs: 200 });
        await applyStandbyNames(cluster.primary.port, serverStandbyNames(all), [standby]);
        for (const { data } of cases) await createTable(ports(), workload(data));
        setupMs = Math.round(performance.now() - t0);
      },
      { timeout: 150_000 },
    );

    after(async () => {
      await cluster?.stop();
    });

    test('the cluster runs the exported server settings', async (t) => {
      t.diagnostic(`install (if needed) + primary + replica + tables: ${setupMs} ms; binaries ${cluster!.bin}`);
      assert.equal(settings.get('balance')!.synchronousStandbyNames, `ANY 1 ("${standby}")`);
      assert.equal(settings.get('balance')!.readFrom, 'primary');
      assert.equal(settings.get('cart')!.readFrom, 'standby');
      assert.ok(settings.get('cart')!.lsnToken, 'read-your-writes waits for an LSN token');
    });

    for (const { data, checks } of cases) {
      const names = Object.keys(checks);

      test(`${data}: generated settings, no ${names.join(' or ')} violation`, async (t) => {
        const s = settings.get(data)!;
        const run = await runWorkload(s, ports(), workload(data));
        t.diagnostic(
          `${run.history.length} ops in ${run.ms} ms; ${run.waits} reads waited for the standby, ${run.fallbacks} fell back to the primary`,
        );
        assert.ok(readsAfterOwnWrite(run.history) >= 10, 'enough reads follow their own session’s writes');
        for (const [name, check] of Object.entries(checks)) {
          const v = check(run.history);
          assert.equal(v.length, 0, `${name}: ${v.length} violations\n${explain(v)}`);
        }
        if (s.lsnToken) assert.ok(run.waits > 0, 'the replica lagged, and sessions waited for their token');
      });

      test(`${data}: naive settings (read the replica without waiting) violate ${names[0]}`, async (t) => {
        const run = await runWorkload(naive(settings.get(data)!), ports(), workload(data));
        const v = checks[names[0]](run.history);
        t.diagnostic(
          `${run.history.length} ops in ${run.ms} ms; ${v.length} ${names[0]} violations, e.g. ${explain(v.slice(0, 1))}`,
        );
        assert.ok(v.length >= 1, `expected at least one ${names[0]} violation with naive settings`);
      });
    }
  },
);
