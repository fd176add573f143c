// Robustness properties (issue 12): grammar-aware mutations of the samples and pathological shapes never
// make the analysis throw, never report an internal error or NaN, and keep every range inside the document.
// A fixed seed and a modest number of runs here; `npm run fuzz` runs many more (RUNS, SEED) and times each.
import { test } from 'node:test';
import fc from 'fast-check';
import { checkDocument, mutatedSample, pathological } from './robust-inputs';

test('grammar-aware mutations of the samples', () => {
  fc.assert(fc.property(mutatedSample, checkDocument), { seed: 1212, numRuns: 80 });
});

test('pathological shapes up to 10× their base size, alone or after a sample', () => {
  fc.assert(fc.property(pathological(10), checkDocument), { seed: 1213, numRuns: 30 });
});
