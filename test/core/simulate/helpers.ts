// Shared fixtures for the simulator tests: policies built from text, and small scenarios.
import { analyze } from '../../../server/src/core/pipeline';
import type { PolicyModel } from '../../../server/src/core/model/model';
import {
  simulate,
  type CheckResult,
  type Scenario,
  type SimulationResult,
  type DataResult,
} from '../../../server/src/core/simulate/index';

export { india } from '../../helpers/policies';

export function modelOf(text: string): PolicyModel {
  return analyze([{ uri: 'file:///simulate-test.consistency', text }]).model;
}

/** Runs a small scenario over the named data types and returns each data type's result by name. */
export function run(
  model: PolicyModel,
  sc: Partial<Scenario> & { data: string[] },
): { result: SimulationResult; by: (name: string) => DataResult } {
  const result = simulate(model, { name: 'test', durationMs: 2000, seed: 1, ...sc });
  return { result, by: (name) => result.data.find((d) => d.data === name)! };
}

/** A data type's result row for one check (throws when the run has none). */
export function check(d: DataResult, id: string): CheckResult {
  const c = d.checks.find((x) => x.check === id);
  if (!c) throw new Error(`${d.data}: no check ${id} (${d.checks.map((x) => x.check).join(', ')})`);
  return c;
}
