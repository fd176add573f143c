// What one simulation run may cost, checked before it starts, the same for the editor and the command line:
// the operations it offers (load × duration) and the memory its per-key replica state takes (keys × replicas
// of each data type's topology, at the measured ~370 bytes each, rounded up). A run over either limit is
// refused with the numbers and what to change — never started into an endless loop or an out-of-memory abort.
// (The wall-time limit, applied while it runs, is the host's.)
import { formatCount, formatRate } from '../core/estimate/format';
import type { PolicyModel } from '../core/model/model';
import { defaults, type Scenario } from '../core/simulate/index';
import { workloadRate } from '../core/simulate/simulate';

export const simulationLimits = {
  /** Operations one run may offer (load × duration): the most the operations setting allows. */
  maxOperations: 1_000_000_000,
  /** Estimated bytes of one run's replica state. */
  maxStateBytes: 1024 * 1024 * 1024,
  /** Bytes of simulated state per key per replica (measured: 345–380 over levels, keys and replicas). */
  bytesPerKeyReplica: 400,
};

/** 1,234,567 below a quadrillion, else 8.6e+16: a count that stays readable however large. */
function count(n: number): string {
  return Number.isFinite(n) && n < 1e15 ? formatCount(n) : n.toPrecision(2);
}

function size(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes >= 1e15) return `${bytes.toPrecision(2)} bytes`;
  if (bytes >= 1024 ** 3) return `${Number((bytes / 1024 ** 3).toFixed(1))} GB`;
  return `${Math.ceil(bytes / 1024 ** 2)} MB`;
}

/** Why `sc` must not run (the message names the numbers and the limit), or undefined. */
export function runRefusal(model: PolicyModel, sc: Scenario, limits = simulationLimits): string | undefined {
  const datas = sc.data.map((n) => model.data.get(n)).filter((d) => d !== undefined);
  const perSec = sc.load?.perSec ?? datas.reduce((s, d) => s + (workloadRate(d, model).perSec ?? 100), 0);
  const seconds = sc.durationMs / 1000;
  const operations = perSec * seconds;
  if (!(operations <= limits.maxOperations)) {
    return (
      `${sc.name} would offer ${count(operations)} operations (${formatRate(perSec)} for ${count(seconds)} s), ` +
      `over the ${formatCount(limits.maxOperations)} one run may simulate: shorten its duration or lower its load.`
    );
  }
  const keys = Math.max(1, Math.floor(sc.keys ?? defaults.keys));
  // Each replica keeps a state per key; leaderless coordinators and proxies keep one more per region.
  const replicas = datas.reduce((s, d) => s + (d.topology ? d.topology.totalReplicas + d.topology.regions.size : 1), 0);
  const bytes = keys * replicas * limits.bytesPerKeyReplica;
  if (!(bytes <= limits.maxStateBytes)) {
    const fit = Math.floor(limits.maxStateBytes / (replicas * limits.bytesPerKeyReplica));
    return (
      `${sc.name} would need about ${size(bytes)} of memory (${count(keys)} keys × ${count(replicas)} replica ` +
      `states × ~${limits.bytesPerKeyReplica} bytes), over the ${size(limits.maxStateBytes)} one run may use: ` +
      `use at most ${formatCount(fit)} keys here, or fewer replicas.`
    );
  }
  return undefined;
}
