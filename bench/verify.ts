// The history checkers' cost: a synthetic linearizable run of 100,000 operations (100 keys, 20 processes, 1%
// indeterminate and 1% failed), checked whole and streamed through the monitor, per model; warm medians.
import { checkLinearizable, Monitor, type CheckResult, type HistOp, type ModelKind } from '../server/src/core/simulate/verify/index';
import { synth } from '../test/core/simulate/verify/synth';

/** Time-ordered events (invocations first at equal times), computed outside the timed part. */
function events(ops: HistOp[]): Int32Array {
  const ev = Int32Array.from({ length: 2 * ops.length }, (_, e) => e);
  const t = (e: number) => (e & 1 ? ops[e >> 1].complete : ops[e >> 1].invoke);
  return ev.sort((a, b) => t(a) - t(b) || (a & 1) - (b & 1) || a - b);
}

function stream(ops: HistOp[], ev: Int32Array, model: ModelKind): CheckResult {
  const m = new Monitor(model);
  for (const e of ev) {
    if (e & 1) m.complete(ops[e >> 1]);
    else m.invoke(ops[e >> 1]);
  }
  return m.finish();
}

export function benchVerify(): void {
  console.log('\nhistory checkers: linearizability of 100,000 operations (100 keys, 20 processes), median of 5 warm runs');
  for (const model of ['register', 'counter'] as const) {
    const ops = synth({ ops: 100_000, keys: 100, processes: 20, model, seed: 5 });
    const ev = events(ops);
    for (const [name, run] of [['whole history', () => checkLinearizable(ops, model)], ['streaming monitor', () => stream(ops, ev, model)]] as const) {
      run();
      const times: number[] = [];
      let verdict = '';
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        verdict = run().verdict;
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      console.log(`  ${model.padEnd(8)} ${name.padEnd(17)} ${times[2].toFixed(0).padStart(5)} ms per 100,000 operations (${verdict})`);
    }
  }
}
