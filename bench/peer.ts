// yaml-language-server 1.25 (a devDependency) started over stdio with its validation debounce at 0 ms: its
// settings hard-code 200 ms, so a launcher patches the settings class before the server loads.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { TestClient } from '../test/lsp/client';

/** Starts the peer in `dir` (a launcher is written there); schema validation on, no schema store. */
export function startYamlServer(dir: string): TestClient {
  const require = createRequire(join(process.cwd(), 'package.json'));
  const settingsModule = require.resolve('yaml-language-server/out/server/src/yamlSettings.js');
  const bin = require.resolve('yaml-language-server/bin/yaml-language-server');
  const launcher = join(dir, 'yaml-server-debounce-0.cjs');
  writeFileSync(
    launcher,
    [
      `const m = require(${JSON.stringify(settingsModule)});`,
      'const Base = m.SettingsState;',
      'm.SettingsState = class extends Base { constructor() { super(); this.validationDelayMs = 0; } };',
      `require(${JSON.stringify(bin)});`,
    ].join('\n'),
  );
  const client = TestClient.start(launcher, dir, []);
  client.settings = { validate: true, hover: true, completion: true, schemaStore: { enable: false } };
  return client;
}

/** The version of the peer installed. */
export function yamlServerVersion(): string {
  const require = createRequire(join(process.cwd(), 'package.json'));
  return (require('yaml-language-server/package.json') as { version: string }).version;
}
