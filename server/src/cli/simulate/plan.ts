// Which runs `consistency simulate` makes: named data types' default scenarios and declared `scenario`
// blocks (unknown names are usage errors with a did-you-mean). Each run maps to the engine's Scenario as
// in the editor (core/simulate/target.ts scenarioOf).
import { isBuiltin } from '../../core/model/build-model';
import type { PolicyModel } from '../../core/model/model';
import { closest } from '../../core/util/suggest';
import type { SimulationTarget } from '../../core/simulate/target';
import { UsageError } from '../files';

/** One run: a data type's default scenario, or a declared scenario block. */
export type RunSpec = SimulationTarget;

/** The seed and operation count the command line gives (undefined: the defaults). */
export interface RunOptions {
  /** Overrides a scenario's own seed when given; data types' default runs use 1 otherwise. */
  seed?: number;
  /** Operations a data type's default run aims for (scenarios declare their own duration). */
  ops?: number;
}

function own<T extends { origin: { uri: string } }>(items: Iterable<T>): T[] {
  return [...items].filter((x) => !isBuiltin(x.origin.uri));
}

function unknown(option: string, what: string, name: string, names: string[], file: string): UsageError {
  const suggestion = closest(name, names);
  const known = names.length
    ? ` ${what[0].toUpperCase()}${what.slice(1)}s in ${file}: ${names.join(', ')}.`
    : ` ${file} declares no ${what}s.`;
  return new UsageError(
    `${option}: unknown ${what} '${name}'.${suggestion ? ` Did you mean '${suggestion}'?` : ''}${known}`,
  );
}

/**
 * The runs, in order: the named scenarios, then the named data types; with neither named, every scenario
 * the file declares, then every data type's default scenario.
 */
export function planRuns(model: PolicyModel, named: { data: string[]; scenarios: string[] }, file: string): RunSpec[] {
  const data = own(model.data.values()).map((d) => d.name);
  const scenarios = own(model.scenarios?.values() ?? []).map((s) => s.name);
  for (const n of named.scenarios)
    if (!scenarios.includes(n)) throw unknown('--scenario', 'scenario', n, scenarios, file);
  for (const n of named.data) if (!data.includes(n)) throw unknown('--data', 'data type', n, data, file);
  const all = named.data.length === 0 && named.scenarios.length === 0;
  return [
    ...scenarios.filter((n) => all || named.scenarios.includes(n)).map((name) => ({ kind: 'scenario' as const, name })),
    ...data.filter((n) => all || named.data.includes(n)).map((name) => ({ kind: 'data' as const, name })),
  ];
}
