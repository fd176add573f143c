import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, check, expectDiagnostic, expectNo, markers } from '../../../helpers/check-text';

test('fires on the same pair linked twice, in either direction', () => {
  const marked = `topology india {
  region mumbai region delhi
  link mumbai <-> delhi 45ms
  link <|delhi <-> mumbai|> 50ms
}`;
  const [d] = expectDiagnostic(marked, 'duplicate-link');
  assert.equal(d.message, 'delhi↔mumbai is linked twice (45ms and 50ms); only the faster, 45ms, is used.');
  assert.equal(d.related?.length, 1);
  const fixed = applyFix(markers(marked).text, d);
  expectNo(fixed, 'duplicate-link');
  assert.equal(check(fixed).diagnostics.filter((x) => x.severity === 'error').length, 0);
});

test('fires on a link from a region to itself', () => {
  const marked = `topology india { region mumbai region delhi link mumbai <-> delhi 45ms link <|mumbai <-> mumbai|> 1ms }`;
  const [d] = expectDiagnostic(marked, 'duplicate-link');
  assert.equal(
    d.message,
    "Link mumbai <-> mumbai joins region 'mumbai' to itself; a round trip inside a region is not a link.",
  );
  expectNo(applyFix(markers(marked).text, d), 'duplicate-link');
});

test('stays quiet for distinct pairs and for the same pair in two topologies', () => {
  expectNo(
    `topology a { region mumbai region delhi region chennai link mumbai <-> delhi 45ms link delhi <-> chennai 65ms link chennai <-> mumbai 35ms }
topology b { region mumbai region delhi link mumbai <-> delhi 45ms }`,
    'duplicate-link',
  );
});
