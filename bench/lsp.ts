// The language server measured over a real stdio connection (the built out/server.cjs) beside its peer,
// yaml-language-server on the YAML rendering of the same policy with a JSON schema (bench/yaml.ts), both with
// no debounce, in one run: keystroke → diagnostics at 500, 5,000 and 20,000 lines (round trip, and our server
// time in-process), hover and completion latency, start-up and bundle sizes.
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover } from 'vscode-languageserver-types';
import { Workspace } from '../server/src/lsp/workspace';
import { diagnosticsByUri } from '../server/src/service/diagnostics';
import { TestClient } from '../test/lsp/client';
import { generatePolicy } from './generate';
import { startYamlServer, yamlServerVersion } from './peer';
import { policySchema, policyYaml } from './yaml';
import { median } from './stats';

const ms = (x: number) => `${x.toFixed(2)} ms`;
const met = (ok: boolean) => (ok ? 'MET' : 'NOT MET');

/** Position (line, character) of an offset. */
function positionAt(text: string, at: number): { line: number; character: number } {
  const before = text.slice(0, at).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/**
 * Keystrokes in the middle of the text: a space typed after `needle` (its first occurrence past the middle),
 * then deleted, and so on. Each yields the text after it and the LSP change that makes it.
 */
function* keystrokes(text: string, needle: string, count: number) {
  const at = text.indexOf(needle, text.length >> 1) + needle.length;
  const position = positionAt(text, at);
  for (let i = 0; i < count; i++) {
    const typed = i % 2 === 0;
    text = typed ? `${text.slice(0, at)} ${text.slice(at)}` : text.slice(0, at) + text.slice(at + 1);
    const end = typed ? position : { ...position, character: position.character + 1 };
    // `told`: the change as the server's documents give it (lsp/edits.ts), offsets of the text before it.
    const told = { from: at, oldEnd: typed ? at : at + 1, newEnd: typed ? at + 1 : at };
    yield { text, change: { range: { start: position, end }, text: typed ? ' ' : '' }, told };
  }
}

/** Server time of one keystroke, in-process: the path the server runs on didChange (re-parse the document,
 * analyse the workspace snapshot, convert diagnostics), without JSON-RPC or the debounce. */
export function serverTimePerEdit(lines: number, where: 'middle' | 'top'): number {
  const ws = new Workspace();
  const uri = `file:///bench-server-${lines}.consistency`;
  let text = generatePolicy(lines);
  ws.setOpen(uri, text, 0);
  diagnosticsByUri(ws.snapshot());
  const times: number[] = [];
  // 30 edits to warm the JIT (the server has been typed into for a while when it matters), then 60 timed.
  const edits = where === 'middle' ? keystrokes(text, 'consistency', 90) : undefined;
  for (let i = 0; i < 90; i++) {
    const top = `// edit ${i}\n`;
    const next = edits?.next().value ?? { text: `${top}${text}`, told: { from: 0, oldEnd: 0, newEnd: top.length } };
    text = next.text;
    const t = performance.now();
    ws.setOpen(uri, text, i + 1, next.told);
    diagnosticsByUri(ws.snapshot());
    if (i >= 30) times.push(performance.now() - t);
  }
  return median(times);
}

/** Round trip of keystrokes (incremental changes) to the diagnostics they cause, over stdio. */
async function roundTrip(client: TestClient, uri: string, languageId: string, text: string, needle: string) {
  let version = 1;
  await client.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  await client.diagnostics(uri);
  const times: number[] = [];
  for (const k of keystrokes(text, needle, 30)) {
    version++;
    const since = client.published.length;
    const t = performance.now();
    await client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [k.change] });
    await client.diagnostics(uri, () => true, since);
    times.push(performance.now() - t);
    text = k.text;
  }
  return { ms: median(times.slice(5)), text };
}

async function hoverAndCompletion(client: TestClient, uri: string, text: string) {
  const hoverAt = positionAt(text, text.indexOf('data ') + 5);
  const hovers: number[] = [];
  const completions: number[] = [];
  for (let i = 0; i < 50; i++) {
    let t = performance.now();
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: hoverAt });
    hovers.push(performance.now() - t);
    if (!h) throw new Error('no hover on a data type');
    t = performance.now();
    const at = { line: hoverAt.line + 1, character: 2 };
    await client.request('textDocument/completion', { textDocument: { uri }, position: at });
    completions.push(performance.now() - t);
  }
  return `hover ${ms(median(hovers))}, completion ${ms(median(completions))}`;
}

async function initialize(client: TestClient, dir: string) {
  const rootUri = pathToFileURL(dir).href;
  const capabilities = { workspace: { configuration: true } };
  await client.request('initialize', { processId: process.pid, rootUri, capabilities, workspaceFolders: null });
  await client.notify('initialized', {});
}

export async function benchLsp(serverPath: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'consistency-bench-lsp-'));
  const t0 = performance.now();
  const client = TestClient.start(serverPath, dir);
  client.settings = { validation: { delay: 0 } };
  await initialize(client, dir);
  const startup = performance.now() - t0;
  const peer = startYamlServer(dir);
  await initialize(peer, dir);
  const schema = join(dir, 'policy.schema.json');
  writeFileSync(schema, JSON.stringify(policySchema));
  console.log(`\nlanguage server over stdio (${serverPath}) beside yaml-language-server ${yamlServerVersion()} on the`);
  console.log('YAML rendering of the same policy with a JSON schema; no debounce on either; a keystroke is a space');
  console.log('typed (then deleted) inside a data block in the middle of the file');
  console.log(`  start-up to initialize result: ${ms(startup)}`);
  const targets: string[] = [];
  const trips: { lines: number; ours: number; theirs: number; features: string }[] = [];
  try {
    for (const lines of [500, 5_000, 20_000]) {
      const uri = pathToFileURL(join(dir, `bench-${lines}.consistency`)).href;
      const source = generatePolicy(lines);
      const ours = await roundTrip(client, uri, 'consistency', source, 'consistency');
      const yamlUri = pathToFileURL(join(dir, `bench-${lines}.yaml`)).href;
      const yaml = policyYaml(source, pathToFileURL(schema).href);
      const theirs = await roundTrip(peer, yamlUri, 'yaml', yaml, 'consistency:');
      const features = lines === 20_000 ? '' : `; ${await hoverAndCompletion(client, uri, ours.text)}`;
      trips.push({ lines, ours: ours.ms, theirs: theirs.ms, features });
    }
  } finally {
    await client.shutdown();
    await peer.shutdown();
    rmSync(dir, { recursive: true, force: true });
  }
  // Server time in-process once both servers have exited, so neither one's work weighs on it.
  for (const { lines, ours, theirs, features } of trips) {
    const server = serverTimePerEdit(lines, 'middle');
    const top = serverTimePerEdit(lines, 'top');
    const ratio = ours / theirs;
    console.log(
      `  ${lines} lines: keystroke → diagnostics ${ms(ours)} round trip vs yaml-language-server ` +
        `${ms(theirs)} (${ratio.toFixed(2)}×); server time ${ms(server)} (a line added at the top: ` +
        `${ms(top)})${features}`,
    );
    if (lines === 5_000) targets.push(`server time at 5,000 lines ≤ 5 ms: ${ms(server)}, ${met(server <= 5)}`);
    if (lines === 20_000) {
      targets.push(`server time at 20,000 lines ≤ 10 ms: ${ms(server)}, ${met(server <= 10)}`);
      const r = `${ratio.toFixed(2)}×`;
      targets.push(`round trip vs yaml-language-server at 20,000 lines ≤ 0.25×: ${r}, ${met(ratio <= 0.25)}`);
    }
  }
  for (const t of targets) console.log(`  target: ${t}`);
  const cli = ['out/cli.cjs', 'out/cli-analysis.cjs', 'out/cli-other.cjs'];
  for (const f of ['out/server.cjs', 'out/extension.cjs', ...cli, 'consistency-policies.vsix']) {
    if (existsSync(f)) console.log(`  size ${f}: ${(statSync(f).size / 1024).toFixed(1)} KB`);
  }
}
