// Test helpers for driver settings: topologies as policy text, and the settings of one data type.
import assert from 'node:assert/strict';
import { driverSettings, type DriverSettings } from '../../../server/src/core/stores/index';
import { analyze } from '../../../server/src/core/pipeline';

/** One region, 3 replicas. */
export const ONE_REGION = 'topology net { region mumbai { replicas 3 primary } }';

/** Three regions, 3 + 2 + 2 = 7 replicas (majority 4). */
export const INDIA = `topology net {
  region mumbai  { replicas 3 primary }
  region delhi   { replicas 2 }
  region chennai { replicas 2 }
  link mumbai <-> delhi   45ms
  link mumbai <-> chennai 35ms
  link delhi  <-> chennai 65ms
}`;

/** Four regions of 3 replicas: 12 replicas. */
export const FOUR = `topology net {
  region mumbai  { replicas 3 primary }
  region delhi   { replicas 3 }
  region chennai { replicas 3 }
  region kolkata { replicas 3 }
  link mumbai <-> delhi 45ms
  link mumbai <-> chennai 35ms
  link mumbai <-> kolkata 50ms
}`;

/** The driver settings of `data d { topology net <body> }` on `topology` (none when empty); `when` picks a branch. */
export function settings(topology: string, body: string, when?: number): DriverSettings {
  const uri = 'file:///test.consistency';
  const a = analyze([{ uri, text: `${topology}\ndata d {\n  ${topology ? 'topology net\n  ' : ''}${body}\n}\n` }]);
  const errors = a.diagnostics.filter((d) => d.code === 'syntax-error' || d.code.startsWith('unknown-'));
  assert.deepEqual(
    errors.map((e) => e.message),
    [],
  );
  const d = a.model.data.get('d')!;
  const effective = when === undefined ? d.effective : d.whens[when].effective;
  return driverSettings(effective, d.topology);
}
