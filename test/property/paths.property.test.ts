// The lazy per-source shortest paths (model/paths.ts) agree with Floyd–Warshall, the cubic algorithm they
// replace, on random topologies: the same round trips, chains that add up to them, no chain where none exists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { shortestPaths } from '../../server/src/core/model/paths';
import type { LinkModel } from '../../server/src/core/model/model';

const graph = fc.integer({ min: 1, max: 9 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    links: fc.array(fc.record({ i: fc.nat(n - 1), j: fc.nat(n - 1), rtt: fc.integer({ min: 0, max: 50 }) }), {
      maxLength: 20,
    }),
  }),
);

function floydWarshall(n: number, links: { i: number; j: number; rtt: number }[]): number[][] {
  const d = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : Infinity)));
  for (const { i, j, rtt } of links) if (i !== j && rtt < d[i][j]) d[i][j] = d[j][i] = rtt;
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) d[i][j] = Math.min(d[i][j], d[i][k] + d[k][j]);
  }
  return d;
}

test('shortest paths agree with Floyd–Warshall on random topologies', () => {
  fc.assert(
    fc.property(graph, ({ n, links }) => {
      const link = (i: number, j: number, rtt: number) =>
        ({ a: `r${i}`, b: `r${j}`, rttMs: rtt, jitterMs: 1 }) as LinkModel;
      const models = links.map(({ i, j, rtt }) => ({ i, j, link: link(i, j, rtt) }));
      const p = shortestPaths(n, models);
      const fw = floydWarshall(n, links);
      for (let a = 0; a < n; a++) {
        for (let b = 0; b < n; b++) {
          const want = fw[a][b] === Infinity ? undefined : fw[a][b];
          assert.equal(p.rtt(a, b), want, `rtt r${a}→r${b}`);
          const chain = p.path(a, b);
          assert.equal(
            chain.reduce((s, l) => s + l.rttMs, 0),
            want ?? 0,
          );
          assert.equal(p.jitter(a, b), a === b || want === undefined ? 0 : chain.length);
          let at = `r${a}`; // the chain is connected, from a to b
          for (const l of chain) at = l.a === at ? l.b : (assert.equal(l.b, at), l.a);
          if (want !== undefined) assert.equal(at, `r${b}`);
        }
      }
    }),
    { seed: 12, numRuns: 300 },
  );
});
