// Run by test/core/model/analysis-garbage.test.ts in a process of its own, with the server's V8 flags and
// --expose-gc: analyses a generated 5,000-line policy, drops it, runs three minor GCs and prints, as JSON, what
// the analysis held while kept and what of it survived (the round where least did).
import assert from 'node:assert/strict';
import { generatePolicy } from '../../bench/generate';
import { analyze } from '../../server/src/core/pipeline';

const gc = (globalThis as { gc?: (o?: { type: 'major' | 'minor' }) => void }).gc!;
const mb = (bytes: number) => bytes / 2 ** 20;
const heap = () => process.memoryUsage().heapUsed;
const files = [{ uri: 'file:///garbage.consistency', text: generatePolicy(5000) }];

/** Analyses and asks an estimate in a frame of its own (so no stack slot still holds the analysis). */
function analyseAndDrop(base: number): number {
  const analysis = analyze(files);
  assert.ok(analysis.model.data.size > 400);
  assert.ok(analysis.estimate([...analysis.model.data.values()][0]).assumptions.length > 0);
  return mb(heap() - base);
}

for (let i = 0; i < 5; i++) analyze(files); // the prelude and built-in profiles stay for the process
// The least of five rounds: a round whose analysis met a scavenge midway promoted its live objects (rightly);
// what a WeakMap keeps survives every round.
const rounds = Array.from({ length: 5 }, () => {
  gc();
  gc();
  const base = heap();
  const held = analyseAndDrop(base);
  for (let i = 0; i < 3; i++) gc({ type: 'minor' });
  return { held, survived: mb(heap() - base) };
});
console.log(JSON.stringify(rounds.reduce((a, b) => (b.survived < a.survived ? b : a))));
