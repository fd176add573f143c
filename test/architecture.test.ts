// Layering rules: the core imports nothing from VS Code or the LSP libraries; files stay short.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

test('the core imports no vscode or language-server module', () => {
  const offenders = files('server/src/core').filter((f) =>
    /from ['"](vscode|vscode-languageserver[^'"]*|vscode-languageclient[^'"]*)['"]/.test(readFileSync(f, 'utf8')),
  );
  assert.deepEqual(offenders, []);
});

/**
 * Every unit of the server and its rank: a unit imports only units of a lower rank (and itself), type
 * imports included. The core's folders show the pipeline; the shells sit on top.
 */
const ranks: Record<string, number> = {
  'core/util': 0,
  'core/syntax': 1,
  'core/codes.ts': 0.25,
  'core/diagnostic.ts': 0.5,
  'core/model': 2,
  'core/geo': 3,
  'core/stores': 3,
  'core/estimate': 4,
  'core/check': 5,
  'core/simulate': 5,
  'core/estimate-cache.ts': 5.5,
  'core/check-cache.ts': 5.75,
  'core/pipeline.ts': 6,
  'core/export': 7,
  service: 8,
  host: 8.5,
  lsp: 9,
  cli: 9,
};

/** The unit of a path under server/src: a core folder or root file, or a shell folder. */
function unitOf(path: string): string {
  const rel = path.replace(/\\/g, '/').replace(/^.*server\/src\//, '');
  const parts = rel.split('/');
  if (parts[0] !== 'core') return parts[0];
  // A root file of the core (imported without its extension) is a unit of its own.
  return parts.length === 2 && !parts[1].endsWith('.ts') ? `core/${parts[1]}.ts` : `core/${parts[1]}`;
}

/** Relative import and re-export specifiers of a file, resolved to paths (type-only ones too). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"](\.[^'"]+)['"]/g)].map((m) => m[1]);
  return specs.map((s) => join(dirname(file), s));
}

test('every server unit has a rank', () => {
  const unranked = [...new Set(files('server/src').map(unitOf))].filter((u) => ranks[u] === undefined);
  assert.deepEqual(unranked, []);
});

test('imports run downward: a unit imports only lower-ranked units (type imports included)', () => {
  const upward: string[] = [];
  for (const f of files('server/src')) {
    const from = unitOf(f);
    for (const target of importsOf(f)) {
      const to = unitOf(target);
      if (to !== from && !(ranks[to] < ranks[from]))
        upward.push(`${f} → ${target} (${from} ${ranks[from]} → ${to} ${ranks[to]})`);
    }
  }
  assert.deepEqual(upward, []);
});

test('the layering test sees imports: a known downward import is found', () => {
  const found = importsOf('server/src/core/model/levels.ts').map(unitOf);
  assert.ok(found.includes('core/syntax'), `levels.ts imports the AST types: ${found}`);
  assert.ok(files('server/src/cli').length > 5 && files('server/src/lsp').length > 5);
});

test('source files stay under 400 lines (the Chevrotain grammar and generated files excepted)', () => {
  const long = [...files('server/src'), ...files('test')]
    .filter((f) => !f.endsWith('.generated.ts') && !f.endsWith('syntax/grammar.ts'))
    .map((f) => [f, readFileSync(f, 'utf8').split('\n').length] as const)
    .filter(([, n]) => n > 400);
  assert.deepEqual(long, []);
});

/**
 * Module-level WeakMaps allowed in the server, each keyed by what the editor's incremental analysis keeps from
 * one keystroke to the next anyway (declarations, documents, AST nodes). Any other is a memo keyed by an
 * analysis's or a run's objects: V8's minor GCs treat WeakMap entries as strong, so it kept each finished
 * analysis alive (promoted) until a full GC; keep such results on their owner (core/util/memo.ts).
 */
const editorWeakMaps = [
  'server/src/core/estimate-cache.ts',
  'server/src/core/syntax/reparse.ts',
  'server/src/core/syntax/shift.ts',
];

test('no module-level WeakMap or WeakSet but the editor caches', () => {
  const found = files('server/src')
    .filter((f) => /^(?:const|let|var)\s[^\n]*new Weak(?:Map|Set)\b/m.test(readFileSync(f, 'utf8')))
    .map((f) => f.replace(/\\/g, '/'));
  assert.deepEqual(found.sort(), [...editorWeakMaps].sort());
});
