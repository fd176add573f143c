import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, check, expectDiagnostic, expectNo, markers } from '../../../helpers/check-text';

test('fires on an unknown profile and suggests the closest', () => {
  const marked = 'profile <|india-2025|>\ndata a { consistency eventual }';
  const [d] = expectDiagnostic(marked, 'unknown-profile');
  assert.equal(
    d.message,
    "Unknown profile 'india-2025'; built-in or declared profiles: india-2024, cloud-generic-2024, vendors-2026. Estimates use india-2024. Did you mean 'india-2024'?",
  );
  const fixed = applyFix(markers(marked).text, d);
  assert.equal(fixed, 'profile india-2024\ndata a { consistency eventual }');
  assert.ok(!check(fixed).diagnostics.some((x) => x.code === 'unknown-profile'));
});

test('a name close to nothing gets the default as its fix', () => {
  const [d] = expectDiagnostic('profile <|aws|>', 'unknown-profile');
  assert.equal(d.fixes?.[0].title, "Change to 'india-2024'");
});

test('stays quiet on the built-in profiles', () => {
  expectNo('profile india-2024', 'unknown-profile');
  expectNo('profile cloud-generic-2024', 'unknown-profile');
  expectNo('data a { consistency eventual }', 'unknown-profile');
  expectNo('profile vendors-2026', 'unknown-profile');
});

test('stays quiet on a profile the workspace declares', () => {
  expectNo('profile ours extends vendors-2026 { cosmos.ru-hour $0.0064 }\nprofile ours', 'unknown-profile');
});
