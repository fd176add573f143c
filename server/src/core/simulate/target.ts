// What a user asks to simulate — a data type (its default scenario) or a declared scenario — and the
// Scenario that runs it, the same for the editor's ▶ Simulate and the CLI. Seed: an explicit one, else a
// scenario's own `seed`, else the caller's default.
import type { PolicyModel } from '../model/model';
import { scenarioFor } from './from-model';
import { defaultScenario } from './index';
import type { Scenario } from './scenario';

export type SimulationKind = 'data' | 'scenario';

export interface SimulationTarget {
  kind: SimulationKind;
  name: string;
}

export interface TargetRun {
  target: SimulationTarget;
  /** An explicit seed (a request's, `--seed`); else a scenario's own, else `defaultSeed`. */
  seed?: number;
  defaultSeed: number;
  /** Operations a data type's default scenario aims for. */
  ops: number;
}

export function scenarioOf(model: PolicyModel, run: TargetRun): Scenario | { error: string } {
  const { kind, name } = run.target;
  if (kind === 'data') {
    const d = model.data.get(name);
    return d
      ? defaultScenario(model, d, { seed: run.seed ?? run.defaultSeed, ops: run.ops })
      : { error: `no data type '${name}'` };
  }
  const sc = model.scenarios.get(name);
  return sc ? scenarioFor(sc, { seed: run.seed ?? sc.seed ?? run.defaultSeed }) : { error: `no scenario '${name}'` };
}
