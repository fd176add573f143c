// Hover on a scenario: what the simulator will run — data types, duration, load, clients, faults, seed —
// read from the same Scenario the ▶ Simulate lens and the CLI run (defaults named as defaults).
import type { ScenarioModel } from '../core/model/model';
import { defaults, scenarioFor } from '../core/simulate/index';
import { describeFault } from '../core/simulate/report';

export function scenarioMarkdown(s: ScenarioModel): string {
  const sc = scenarioFor(s);
  const dflt = (set: boolean) => (set ? '' : ' (default)');
  const load = sc.load
    ? `${sc.load.perSec}/s${sc.load.readsPct !== undefined ? `, ${sc.load.readsPct}% reads` : ''}`
    : "the data types' own workloads";
  const shares = sc.clients?.regions;
  const total = shares?.reduce((sum, c) => sum + c.share, 0) ?? 0;
  const clients = shares
    ? `${sc.clients!.count} in ` +
      `${shares.map((c) => `${c.region} ${Math.round((1000 * c.share) / total) / 10}%`).join(', ')}`
    : sc.clients
      ? `${sc.clients.count} spread evenly over the first data type's regions`
      : `enough that none waits (at least ${defaults.clients}; the load × the timeout) (default), ` +
        "spread evenly over the first data type's regions";
  return [
    `**scenario ${s.name}** · ${sc.data.length ? sc.data.join(', ') : 'no data types'}`,
    '',
    `- ${sc.durationMs / 1000} s${dflt(s.durationMs !== undefined)} of load at ${load}`,
    `- clients: ${clients}`,
    ...(sc.faults ?? []).map((f) => `- fault: ${describeFault(f)}`),
    `- seed ${sc.seed}${dflt(s.seed !== undefined)} · ` +
      `timeout ${(sc.timeoutMs ?? defaults.timeoutMs) / 1000} s${dflt(s.timeoutMs !== undefined)} · ` +
      `${sc.keys ?? defaults.keys} keys${dflt(s.keys !== undefined)}`,
    '',
    '**▶ Simulate** above it runs it in the embedded simulator (same seed, same results).',
  ].join('\n');
}
