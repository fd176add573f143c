// The samples' scenarios run with numbers that agree with their own assumptions: no operation answered after
// its timeout, every operation offered accounted for, and what the fallback answered counted as such.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze } from '../../../server/src/core/pipeline';
import { scenarioFor, simulate } from '../../../server/src/core/simulate/index';

// The PBS sample's scenarios are held to the paper in pbs.test.ts.
for (const file of ['upi-wallet', 'whatsapp-messages', 'flipkart-big-billion-days']) {
  const path = `samples/clean/${file}.consistency`;
  const { model } = analyze([{ uri: `file:///${path}`, text: readFileSync(path, 'utf8') }]);
  for (const sc of model.scenarios.values()) {
    test(`${file} scenario ${sc.name}: no answer after the timeout, every operation accounted for`, () => {
      const r = simulate(model, scenarioFor(sc));
      assert.equal(r.stopped, undefined);
      for (const d of r.data) {
        for (const o of [d.read, d.write]) {
          assert.ok(
            o.latencyMs.max <= r.scenario.timeoutMs,
            `${d.data}: max ${o.latencyMs.max} ms > timeout ${r.scenario.timeoutMs} ms`,
          );
          assert.equal(o.offered, o.ok + o.fail + o.info + o.shed + o.unfinished, d.data);
          assert.equal(o.unfinished, 0, d.data);
          assert.ok(o.degraded <= o.ok);
        }
        if (d.prefer === 'consistency')
          assert.equal(d.read.degraded + d.write.degraded, 0, `${d.data} never falls back`);
        assert.ok(
          r.assumptions.some((a) =>
            a.includes(`an operation without an answer ${r.scenario.timeoutMs} ms after it arrived`),
          ),
        );
      }
    });
  }
}
