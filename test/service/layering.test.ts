// The editor layers keep their place: the service imports only the core and the LSP type packages (it never
// sees a connection); the LSP shell never reaches into the rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function imports(dir: string): [string, string, boolean][] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.ts'))
    .flatMap((n) =>
      [...readFileSync(join(dir, n), 'utf8').matchAll(/^(?:import|export)( type)? [^'"]*from '([^']+)'/gm)].map(
        (m) => [n, m[2], !!m[1]] as [string, string, boolean],
      ),
    );
}

test('service/ imports the core, the LSP type packages and chevrotain types only', () => {
  const allowed = (from: string, typeOnly: boolean) =>
    from.startsWith('./') ||
    from.startsWith('../core/') ||
    from === 'vscode-languageserver-types' ||
    from === 'vscode-languageserver-textdocument' ||
    (from === 'chevrotain' && typeOnly);
  assert.deepEqual(
    imports('server/src/service').filter(([, from, t]) => !allowed(from, t)),
    [],
  );
});

test('lsp/ does not reach into the rules or the CLI', () => {
  assert.deepEqual(
    imports('server/src/lsp').filter(([, from]) => from.includes('/check/') || from.includes('/cli/')),
    [],
  );
});
