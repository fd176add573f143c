// A `scenario` block as the engine runs it: the model's settings, the documented defaults for what it
// leaves out (duration 10 s, the data types' own workloads, 100 clients over the first topology's regions,
// seed 1), and an optional seed that overrides the block's own (the editor's "change seed", the CLI's --seed).
import type { ScenarioModel } from '../model/model';
import { defaultScenarioDurationMs } from '../model/scenarios';
import type { Fault, Scenario } from './scenario';

export function scenarioFor(s: ScenarioModel, o: { seed?: number } = {}): Scenario {
  const faults: Fault[] = s.faults.map(({ range: _range, ...f }) => f);
  return {
    name: s.name,
    data: s.data.map((d) => d.name),
    durationMs: s.durationMs ?? defaultScenarioDurationMs,
    seed: o.seed ?? s.seed ?? 1,
    ...(s.load ? { load: s.load } : {}),
    ...(s.clients ? { clients: s.clients } : {}),
    ...(faults.length ? { faults } : {}),
    ...(s.keys !== undefined ? { keys: s.keys } : {}),
    ...(s.timeoutMs !== undefined ? { timeoutMs: s.timeoutMs } : {}),
    ...(s.electionMs !== undefined ? { electionMs: s.electionMs } : {}),
    ...(s.visibilityAtMs !== undefined ? { visibility: { atMs: s.visibilityAtMs } } : {}),
  };
}
