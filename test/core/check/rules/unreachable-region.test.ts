import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectDiagnostic, expectNo, markers } from '../../../helpers/check-text';

test('fires on a region no chain of links reaches, suggesting a link at the fibre minimum', () => {
  const marked = `topology india {
  region mumbai { replicas 3 primary }
  region delhi { replicas 2 }
  region <|kolkata|>
  link mumbai <-> delhi 45ms
}`;
  const [d] = expectDiagnostic(marked, 'unreachable-region');
  assert.equal(
    d.message,
    "Region 'kolkata' of topology 'india' is reached by no chain of links from mumbai, delhi: its 1 replica cannot replicate with them, and round trips to it are unknown.",
  );
  assert.equal(
    d.fixes?.[0].title,
    "Add 'link delhi <-> kolkata 14ms' (the fibre minimum; replace with a measured round trip)",
  );
  const fixed = applyFix(markers(marked).text, d);
  assert.match(fixed, /link mumbai <-> delhi 45ms\n  link delhi <-> kolkata 14ms\n\}/);
  expectNo(fixed, 'unreachable-region');
});

test('the part with the primary is the reference; every region outside it is reported', () => {
  expectDiagnostic(
    `topology t {
  region <|a|> region <|b|> region c { primary } link a <-> b 5ms
}`,
    'unreachable-region',
  );
});

test('offers no fix when a location is unknown', () => {
  const [d] = expectDiagnostic(`topology t { region x1 region <|x2|> }`, 'unreachable-region');
  assert.equal(d.fixes, undefined);
});

test('stays quiet for single-region and connected topologies (through intermediate regions too)', () => {
  expectNo(
    `topology one { region mumbai { replicas 3 } }
topology chain { region mumbai region delhi region kolkata link mumbai <-> delhi 45ms link delhi <-> kolkata 55ms }`,
    'unreachable-region',
  );
});

test('quiet while a link of the topology has a delay that could not be read (that is reported instead)', () => {
  const text =
    'topology t {\n  region a { replicas 3 primary }\n  region b\n  link a <-> b lognormal(median 45ms, p99 30ms)\n}\n';
  expectNo(text, 'unreachable-region');
  expectDiagnostic(
    'topology t {\n  region a { replicas 3 primary }\n  region b\n  link a <-> b <|lognormal(median 45ms, p99 30ms)|>\n}\n',
    'bad-distribution',
  );
});
