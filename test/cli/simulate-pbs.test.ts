// The PBS paper's t-visibility as a user gets it: the sample run by the built CLI, read from its JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { runBundle } from '../helpers/bundle';

test("consistency simulate on the PBS sample gives the paper's P(consistent) right after commit", () => {
  const sample = resolve('samples/clean/pbs-production-fits.consistency');
  const r = runBundle('cli', ['simulate', sample, '--scenario', 'pbs_t_visibility', '--json'], process.cwd(), {});
  assert.equal(r.code, 0, r.stderr);
  const run = JSON.parse(r.stdout).runs[0];
  const at0 = (data: string) =>
    run.data.find((d: { data: string }) => d.data === data).visibility.find((v: { tMs: number }) => v.tMs === 0)
      .probability;
  // Section 5.3 of the paper (N = 3, R = W = 1): 97.4%, 43.9%, 89.3%.
  for (const [data, paper] of [
    ['ssd_r1w1', 0.974],
    ['disk_r1w1', 0.439],
    ['ymmr_r1w1', 0.893],
  ] as const) {
    assert.ok(Math.abs(at0(data) - paper) <= 0.015, `${data}: the paper ${paper}, the CLI ${at0(data)}`);
  }
});
