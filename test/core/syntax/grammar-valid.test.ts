// The product builds its lexer and parser without Chevrotain's self-checks (they cost about half of a CLI
// start); this test runs them, so a grammar change that introduces an ambiguity, a left recursion or a
// pattern that can never match still fails here, once, instead of at every start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildLexer } from '../../helpers/chevrotain-lexer';
import { PolicyParser } from '../../../server/src/core/syntax/grammar';

test('the lexer definition passes Chevrotain validation', () => {
  const lexer = buildLexer(true);
  assert.deepEqual(
    lexer.lexerDefinitionErrors.map((e) => e.message),
    [],
  );
});

test('the grammar passes Chevrotain self-analysis (no ambiguity, left recursion or bad alternative)', () => {
  // Chevrotain throws "Parser Definition Errors detected" from the constructor when any check fails.
  assert.doesNotThrow(() => new PolicyParser(true));
});

test('the self-checks are real: a lexer with a pattern that can never match is reported', async () => {
  const { Lexer, createToken } = await import('chevrotain');
  const a = createToken({ name: 'A', pattern: /a/ });
  const shadowed = createToken({ name: 'AB', pattern: /a/ });
  const lexer = new Lexer([a, shadowed], { deferDefinitionErrorsHandling: true });
  assert.ok(lexer.lexerDefinitionErrors.length > 0);
});
