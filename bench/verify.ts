// The history checkers' cost: a synthetic linearizable run of 100,000 operations (100 keys, 20 processes, 1%
// indeterminate and 1% failed), checked whole and streamed through the monitor, per model; warm medians.
import { checkLinearizable } from '../server/src/core/simulate/verify/index';
import { events, stream, synth } from '../test/core/simulate/verify/synth';
import { median } from './stats';

export function benchVerify(): void {
  console.log(
    '\nhistory checkers: linearizability of 100,000 operations (100 keys, 20 processes), median of 5 warm runs',
  );
  for (const model of ['register', 'counter'] as const) {
    const ops = synth({ ops: 100_000, keys: 100, processes: 20, model, seed: 5 });
    const ev = events(ops);
    for (const [name, run] of [
      ['whole history', () => checkLinearizable(ops, model)],
      ['streaming monitor', () => stream(ops, ev, model)],
    ] as const) {
      run();
      const times: number[] = [];
      let verdict = '';
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        verdict = run().verdict;
        times.push(performance.now() - t0);
      }
      console.log(
        `  ${model.padEnd(8)} ${name.padEnd(17)} ${median(times).toFixed(0).padStart(5)} ms per 100,000 operations (${verdict})`,
      );
    }
  }
}
