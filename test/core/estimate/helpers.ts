// Shared fixtures for the estimate tests: the India topology and a one-call estimate.
import { analyze } from '../../../server/src/core/pipeline';
import type { DataEstimate } from '../../../server/src/core/estimate/estimate';

export const india = `topology india {
  region mumbai  { replicas 3 primary }
  region delhi   { replicas 2 }
  region chennai { replicas 2 }
  link mumbai <-> delhi   45ms jitter 5ms
  link mumbai <-> chennai 35ms
  link delhi  <-> chennai 65ms
}
`;

export function estimateOf(text: string, name: string): DataEstimate {
  const a = analyze([{ uri: 'file:///estimate-test.consistency', text }]);
  const d = a.model.data.get(name);
  if (!d) throw new Error(`no data ${name}`);
  return a.estimate(d);
}

export function near(actual: number, expected: number, eps = 1e-6): void {
  if (Math.abs(actual - expected) > eps) throw new Error(`expected ≈ ${expected}, got ${actual}`);
}
