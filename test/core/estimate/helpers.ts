// Shared fixtures for the estimate tests: the India topology and a one-call estimate.
import { analyze } from '../../../server/src/core/pipeline';
import type { DataEstimate } from '../../../server/src/core/estimate/estimate';

export { india } from '../../helpers/policies';

export function estimateOf(text: string, name: string): DataEstimate {
  const a = analyze([{ uri: 'file:///estimate-test.consistency', text }]);
  const d = a.model.data.get(name);
  if (!d) throw new Error(`no data ${name}`);
  return a.estimate(d);
}

export function near(actual: number, expected: number, eps = 1e-6): void {
  if (Math.abs(actual - expected) > eps) throw new Error(`expected ≈ ${expected}, got ${actual}`);
}
