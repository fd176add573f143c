// Simulation in the editor, its pure parts: the targets a file offers (each data type and scenario), the job a
// run needs (texts, analysis options, seed, operations; run by service/simulation-run.ts in the host's worker),
// the response made of its outcome, and the one-line summary shown in the CodeLens and a notification.
import { formatAvailability, formatCount, ms } from '../core/estimate/format';
import { isBuiltin } from '../core/model/build-model';
import type { AnalyzeOptions } from '../core/pipeline';
import type { SimulationResult } from '../core/simulate/index';
import type { SimulationTarget } from '../core/simulate/target';
import type { Range as CoreRange } from '../core/util/range';
import type { Outcome, SimulationJob, SimulationStop } from './simulation-run';
import type { Snapshot } from './snapshot';
import { plural } from '../core/util/plural';

export type { SimulationKind, SimulationTarget } from '../core/simulate/target';

/** `consistency/simulate` parameters: a data type's default scenario or a declared scenario of document `uri`. */
export interface SimulateParams {
  uri: string;
  target: SimulationTarget;
  /** Overrides the scenario's own `seed` and the `consistency.simulation.seed` setting. */
  seed?: number;
  /** Operations a data type's default scenario aims for (default: the `consistency.simulation.operations` setting). */
  ops?: number;
}

export type { SimulationStop } from './simulation-run';

export interface SimulateResponse {
  uri: string;
  target: SimulationTarget;
  /** The results; a stopped run's cover what ran. */
  result?: SimulationResult;
  stopped?: SimulationStop;
  /** Why nothing could be simulated. */
  error?: string;
  /** One line for the CodeLens title and the notification. */
  summary: string;
}

export interface SimulationTargetAt {
  target: SimulationTarget;
  range: CoreRange;
}

/** The data types and scenarios declared in document `uri` (a repeated name only at its first declaration). */
export function simulationTargets(s: Snapshot, uri: string): SimulationTargetAt[] {
  const doc = s.document(uri);
  if (!doc || isBuiltin(uri)) return [];
  const model = s.analysis.modelOf(uri);
  const out: SimulationTargetAt[] = [];
  for (const decl of doc.ast.declarations) {
    if (!(decl.kind === 'data' || decl.kind === 'scenario') || !decl.name) continue;
    const declared = decl.kind === 'data' ? model.data.get(decl.name.text) : model.scenarios.get(decl.name.text);
    if (declared?.decl === decl)
      out.push({ target: { kind: decl.kind, name: decl.name.text }, range: decl.name.range });
  }
  return out;
}

/** The key of a target's last run (the CodeLens shows its summary). */
export function runKey(uri: string, t: SimulationTarget): string {
  return `${uri}#${t.kind}:${t.name}`;
}

export const simulateLensPrefix = '▶ Simulate';

export function simulateLensTitle(lastSummary?: string): string {
  return lastSummary ? `${simulateLensPrefix} · last run: ${lastSummary}` : simulateLensPrefix;
}

/** The job for a request, or why there is none (unknown document or target). */
export function simulationJob(
  s: Snapshot,
  p: SimulateParams,
  options: AnalyzeOptions,
  knobs: { seed: number; ops: number },
): SimulationJob | { error: string } {
  if (!s.document(p.uri)) return { error: `${p.uri} is not a policy file of this workspace` };
  if (!simulationTargets(s, p.uri).some((t) => t.target.kind === p.target.kind && t.target.name === p.target.name)) {
    return { error: `no ${p.target.kind === 'data' ? 'data type' : 'scenario'} '${p.target.name}' in ${p.uri}` };
  }
  // The file first (its scope is the analysis's model in the worker), then the files it imports.
  const seen = s.analysis.units.get(p.uri)?.documents ?? [p.uri];
  const files = [p.uri, ...seen.filter((u) => u !== p.uri)].flatMap((u) => {
    const d = s.document(u);
    return d ? [{ uri: d.uri, text: d.text }] : [];
  });
  const seed = p.seed !== undefined ? { seed: p.seed } : {};
  return { files, options, targets: [p.target], ...seed, defaultSeed: knobs.seed, ops: p.ops ?? knobs.ops };
}

/** "write p99 48 ms, 0 anomalies, 99.9% available (seed 42)": the worst write p99 over the data types, the
 *  anomalies their levels promise never to show yet showed, and the availability of all operations. */
export function summaryLine(r: SimulationResult, stopped?: SimulationStop): string {
  const writeP99 = Math.max(...r.data.map((d) => d.write.latencyMs.p99));
  const anomalies = r.data.reduce((n, d) => n + d.checks.reduce((m, c) => m + (c.promised ? c.violations : 0), 0), 0);
  const ok = r.data.reduce((n, d) => n + d.read.ok + d.write.ok, 0);
  const all = r.data.reduce((n, d) => n + d.read.offered + d.write.offered, 0);
  const available = formatAvailability(all > 0 ? (100 * ok) / all : 100);
  const head = stopped
    ? `${stopped === 'cancelled' ? 'cancelled' : 'time limit'} at ${ms(r.simulatedMs / 1000)} s simulated: `
    : '';
  return (
    `${head}write p99 ${ms(writeP99)} ms, ${plural(formatCount(anomalies), 'anomaly', 'anomalies')}, ` +
    `${available} available (seed ${r.scenario.seed})`
  );
}

/** The parameters of a request, checked (they come from outside). */
export function readParams(raw: unknown): SimulateParams | { error: string } {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const t = (o.target && typeof o.target === 'object' ? o.target : {}) as Record<string, unknown>;
  const whole = (v: unknown, min: number, max: number) =>
    v === undefined || (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max);
  if (typeof o.uri !== 'string' || (t.kind !== 'data' && t.kind !== 'scenario') || typeof t.name !== 'string') {
    return { error: 'consistency/simulate needs { uri, target: { kind: "data" | "scenario", name } }' };
  }
  if (!whole(o.seed, 0, 2 ** 32 - 1)) return { error: 'the seed must be a whole number from 0 to 4294967295' };
  if (!whole(o.ops, 1, 1e9)) return { error: 'ops must be a whole number from 1 to 1,000,000,000' };
  const p: SimulateParams = { uri: o.uri, target: { kind: t.kind, name: t.name } };
  if (o.seed !== undefined) p.seed = o.seed as number;
  if (o.ops !== undefined) p.ops = o.ops as number;
  return p;
}

export type SimulationAnswer =
  | { result: SimulationResult; stopped?: SimulationStop }
  | { error: string; stopped?: SimulationStop };

/** What a one-target job's outcome says: its result, or why there is none. */
export function answerOf(o: Outcome): SimulationAnswer {
  const stopped = o.stopped ? { stopped: o.stopped } : {};
  if (o.runs.length > 0) return { result: o.runs[0], ...stopped };
  if (o.failed.length > 0) return { error: o.failed[0].error, ...stopped };
  return {
    error: o.stopped === 'time-limit' ? 'stopped by the time limit before it started' : 'cancelled before it started',
    ...stopped,
  };
}

/** The response to a request, from what the worker answered. */
export function responseOf(p: Pick<SimulateParams, 'uri' | 'target'>, answer: SimulationAnswer): SimulateResponse {
  if ('error' in answer) {
    const stopped = answer.stopped ? { stopped: answer.stopped } : {};
    return {
      uri: p.uri,
      target: p.target,
      error: answer.error,
      ...stopped,
      summary: answer.stopped === 'cancelled' ? 'cancelled' : `failed: ${answer.error}`,
    };
  }
  return {
    uri: p.uri,
    target: p.target,
    result: answer.result,
    ...(answer.stopped ? { stopped: answer.stopped } : {}),
    summary: summaryLine(answer.result, answer.stopped),
  };
}
