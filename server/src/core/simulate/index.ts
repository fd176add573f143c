// The simulator's public API: run a scenario against a policy model, or a data type's default scenario
// (its own workload, its topology's regions); the types the later `scenario` syntax and the editor and
// CLI shells map onto. Engine: sim.ts; PRNG: prng.ts (sfc32); queue: calendar.ts; histograms: histogram.ts.
import type { DataModel, PolicyModel } from '../model/model';
import type { SimulationResult } from './results';
import { defaults, type Scenario, type SimulateOptions } from './scenario';
import { simulate, workloadRate } from './simulate';

export { simulate, scenarioProblems } from './simulate';
export { createRng, seedOf, type Rng } from './prng';
export { meanOf, describe as describeDistribution, problemOf, type Distribution } from '../model/delay';
export { samplerOf } from './sampler';
export { Histogram, type Bin, type Summary } from './histogram';
export { defaults } from './scenario';
export { scenarioFor } from './from-model';
export type { Scenario, Fault, ClientShare, DelayOverrides, SimulateOptions } from './scenario';
export type * from './results';

/**
 * A data type's default scenario: its own workload (100/s when it declares none) for about `ops` operations
 * (at least 1 s), clients in every region of its topology, no faults.
 */
export function defaultScenario(
  model: PolicyModel,
  data: DataModel,
  o: { seed?: number; ops?: number } = {},
): Scenario {
  const perSec = workloadRate(data, model).perSec ?? 100;
  const ops = o.ops ?? defaults.defaultOps;
  return {
    name: `${data.name} (default)`,
    data: [data.name],
    durationMs: Math.max(1000, Math.round((ops / perSec) * 1000)),
    seed: o.seed ?? 1,
  };
}

/** Runs a data type's default scenario; `events` is what the bench divides by wall time. */
export function simulateData(
  model: PolicyModel,
  data: DataModel,
  o: SimulateOptions & { seed?: number; ops?: number } = {},
): { result: SimulationResult; events: number } {
  const result = simulate(model, defaultScenario(model, data, o), o);
  return { result, events: result.events };
}
