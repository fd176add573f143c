// Layering rules: the core imports nothing from VS Code or the LSP libraries; files stay short.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

test('the core imports no vscode or language-server module', () => {
  const offenders = files('server/src/core').filter((f) => /from ['"](vscode|vscode-languageserver[^'"]*|vscode-languageclient[^'"]*)['"]/.test(readFileSync(f, 'utf8')));
  assert.deepEqual(offenders, []);
});

test('the CLI does not import the language server', () => {
  let offenders: string[] = [];
  try {
    offenders = files('server/src/cli').filter((f) => /from ['"].*\/lsp\//.test(readFileSync(f, 'utf8')));
  } catch {
    // no CLI yet
  }
  assert.deepEqual(offenders, []);
});

test('source files stay under 400 lines (parser and generated files excepted)', () => {
  const long = [...files('server/src'), ...files('test')]
    .filter((f) => !f.endsWith('.generated.ts') && !f.endsWith('syntax/parser.ts'))
    .map((f) => [f, readFileSync(f, 'utf8').split('\n').length] as const)
    .filter(([, n]) => n > 400);
  assert.deepEqual(long, []);
});
