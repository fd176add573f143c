import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectDiagnostic, expectNo, markers } from '../../../helpers/check-text';

test('fires on a link faster than light in fibre between two known cities, with the distance and floor', () => {
  const marked = `topology india {
  region mumbai { replicas 3 primary }
  region delhi { replicas 2 }
  link mumbai <-> delhi <|5ms|>
}`;
  const [d] = expectDiagnostic(marked, 'link-faster-than-light');
  assert.equal(
    d.message,
    'mumbai↔delhi is 1,148 km great-circle: light in fibre needs ≥ 11.5 ms round trip, but the link says 5ms.',
  );
  assert.equal(d.severity, 'error');
  const fixed = applyFix(markers(marked).text, d);
  assert.match(fixed, /link mumbai <-> delhi 11\.5ms/);
  expectNo(fixed, 'link-faster-than-light');
});

test('locates regions by coordinates, city and cloud-region name', () => {
  const [d1, d2] = expectDiagnostic(
    `topology t {
  region ap-south-1
  region sg { city Singapore }
  region lon { coordinates 51.5, -0.13 }
  link ap-south-1 <-> sg <|10ms|>
  link sg <-> lon <|100ms|>
}`,
    'link-faster-than-light',
  );
  assert.match(
    d1.message,
    /^ap-south-1↔sg is 3,9\d\d km great-circle: light in fibre needs ≥ 3\d\.\d ms round trip, but the link says 10ms\.$/,
  );
  assert.match(d2.message, /^sg↔lon is 10,8\d\d km/);
});

test('stays quiet for realistic links, unknown places and the source figures', () => {
  expectNo(
    `topology india {
  region mumbai region delhi region bangalore region kolkata region north-1 region mystery { city atlantis }
  link mumbai <-> delhi 45ms
  link mumbai <-> bangalore 35ms
  link delhi <-> kolkata 55ms
  link north-1 <-> mumbai 1ms
  link mystery <-> delhi 1ms
  link mumbai <-> mumbai 0ms
}`,
    'link-faster-than-light',
  );
});
