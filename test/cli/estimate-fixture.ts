// Test fixture: a DataEstimate with round numbers, for formatter tests that must not depend on the
// estimate engine's figures.
import type { DataEstimate } from '../../server/src/core/estimate/estimate';

export function fakeEstimate(data: string, assumptions: string[], extra: Partial<DataEstimate> = {}): DataEstimate {
  return {
    data,
    profile: 'india-2024',
    currency: 'INR',
    read: { p50: 3, p95: 10, p99: 12.34 },
    write: { p50: 45, p95: 80, p99: 120 },
    replicationLagMs: 22.5,
    availabilityPct: 99.99,
    monthlyCost: 100000,
    costLines: [{ label: 'replicas', amount: 100000 }],
    costPerOperation: 0.0084,
    capacityPerSec: 1200,
    assumptions,
    ...extra,
  };
}
