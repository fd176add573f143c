// The extension manifest (package.json) agrees with the code: the settings it contributes are the ones the
// server reads (with the same defaults), the commands are the ones CodeLenses use, every contributed file
// exists, activation is on the language and the commands only, and the .vsix keeps the bundles (worker and
// webview included) and leaves out sources and maps; chart.js is pinned.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { builtinProfileNames } from '../../server/src/core/estimate/profiles/index';
import { commands } from '../../server/src/lsp/protocol';
import { defaultSettings, readSettings } from '../../server/src/lsp/settings';

interface Manifest {
  main: string;
  icon: string;
  engines: { vscode: string };
  activationEvents: string[];
  contributes: {
    languages: { id: string; extensions: string[]; configuration: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
    snippets: { language: string; path: string }[];
    commands: { command: string }[];
    menus: { commandPalette: { command: string; when: string }[] };
    configuration: { properties: Record<string, { default: unknown; enum?: unknown[] }> };
  };
}
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;
const props = pkg.contributes.configuration.properties;

/** The `consistency` section as VS Code hands it over: dotted keys become nested objects. */
function section(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const parts = key.split('.').slice(1);
    let o = out;
    for (const p of parts.slice(0, -1)) o = (o[p] ??= {}) as Record<string, unknown>;
    o[parts.at(-1)!] = value;
  }
  return out;
}

test('contributed settings are read by the server, and their defaults are its defaults', () => {
  const defaults = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, v.default]));
  const warnings: string[] = [];
  assert.deepEqual(
    readSettings(section(defaults), (m) => warnings.push(m)),
    defaultSettings,
  );
  assert.deepEqual(warnings, []);
  const set = readSettings(
    section({
      'consistency.profile': 'cloud-generic-2024',
      'consistency.rules': { 'lww-on-money': 'off' },
      'consistency.validation.delay': 20,
    }),
  );
  assert.deepEqual(set, {
    profile: 'cloud-generic-2024',
    rules: { 'lww-on-money': 'off' },
    validationDelayMs: 20,
    simulation: defaultSettings.simulation,
  });
  const sim = readSettings(
    section({
      'consistency.simulation.seed': 42,
      'consistency.simulation.operations': 500,
      'consistency.simulation.timeLimitSeconds': 5,
    }),
  );
  assert.deepEqual(sim.simulation, { seed: 42, operations: 500, timeLimitSeconds: 5 });
  const bad: string[] = [];
  assert.deepEqual(
    readSettings(section({ 'consistency.simulation.seed': -1, 'consistency.simulation.operations': 2.5 }), (m) =>
      bad.push(m),
    ).simulation,
    defaultSettings.simulation,
  );
  assert.deepEqual(bad, [
    'consistency.simulation.seed: expected a whole number from 0 to 4294967295; ignored.',
    'consistency.simulation.operations: expected a whole number from 1 to 1000000000; ignored.',
  ]);
  for (const key of ['seed', 'operations', 'timeLimitSeconds'] as const) {
    const p = props[`consistency.simulation.${key}`] as { default: unknown; minimum?: number; maximum?: number };
    assert.equal(p.default, defaultSettings.simulation[key], key);
  }
  assert.deepEqual(props['consistency.profile'].enum, ['', ...builtinProfileNames]);
});

test('the contributed command is the CodeLens command, and activation is on the language and commands only', () => {
  assert.deepEqual(
    pkg.contributes.commands.map((c) => c.command),
    Object.values(commands),
  );
  assert.deepEqual(pkg.activationEvents, [
    'onLanguage:consistency',
    ...Object.values(commands).map((c) => `onCommand:${c}`),
  ]);
  assert.equal(pkg.main, './out/extension.cjs');
  assert.match(
    pkg.engines.vscode,
    /^\^1\.(\d|[1-9]\d|100)\./,
    'code-server 4.100.3 is VS Code 1.100.3: engines.vscode must not ask for more',
  );
});

test("chart.js (the results panel's charts) is a pinned, bundled dependency", () => {
  const deps = (pkg as unknown as { devDependencies: Record<string, string> }).devDependencies;
  assert.match(deps['chart.js'], /^4\.\d+\.\d+$/);
});

test('every contributed file exists; language and grammar agree', () => {
  const c = pkg.contributes;
  for (const path of [
    pkg.icon,
    ...c.languages.map((l) => l.configuration),
    ...c.grammars.map((g) => g.path),
    ...c.snippets.map((s) => s.path),
  ]) {
    assert.ok(existsSync(path), path);
    if (path.endsWith('.json')) JSON.parse(readFileSync(path, 'utf8'));
  }
  assert.deepEqual(
    c.languages.map((l) => [l.id, l.extensions]),
    [['consistency', ['.consistency']]],
  );
  assert.deepEqual(
    c.grammars.map((g) => [g.language, g.scopeName]),
    [['consistency', 'source.consistency']],
  );
  assert.equal(JSON.parse(readFileSync(c.grammars[0].path, 'utf8')).scopeName, 'source.consistency');
});

test('.vscodeignore keeps only the bundles, grammar files, docs, README and icon', () => {
  const kept = readFileSync('.vscodeignore', 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('!'))
    .map((l) => l.slice(1));
  assert.ok(readFileSync('.vscodeignore', 'utf8').split('\n').includes('**'), 'everything is ignored first');
  for (const k of kept) assert.ok(!/\.(map|ts)$|^test\/|^server\//.test(k), k);
  for (const b of [
    'out/extension.cjs',
    'out/server.cjs',
    'out/simulation-worker.cjs',
    'out/webview/simulation.js',
    'out/webview/simulation.css',
  ])
    assert.ok(kept.includes(b), b);
  assert.ok(kept.includes('docs/rules.md'), 'diagnostics link to docs/rules.md#<code> next to the server');
  assert.ok(kept.includes('docs/sources.md'), 'hovers link citations to docs/sources.md next to the server');
});

test('the command palette offers Export TypeScript in .consistency files, and hides the CodeLens-only estimate and simulation', () => {
  assert.deepEqual(pkg.contributes.menus.commandPalette, [
    { command: commands.showEstimate, when: 'false' },
    { command: commands.exportTypeScript, when: 'editorLangId == consistency' },
    { command: commands.simulate, when: 'false' },
  ]);
});
