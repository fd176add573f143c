// The language server measured over a real stdio connection (the built out/server.cjs): start-up, keystroke
// to diagnostics for 500- and 5,000-line files, hover and completion latency, and bundle sizes.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover } from 'vscode-languageserver-types';
import { Workspace } from '../server/src/lsp/workspace';
import { diagnosticsByUri } from '../server/src/service/diagnostics';
import { TestClient } from '../test/lsp/client';
import { generatePolicy } from './generate';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const ms = (x: number) => `${x.toFixed(2)} ms`;

/** Position (line, character) of the first occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string): { line: number; character: number } {
  const at = text.indexOf(needle);
  const before = text.slice(0, at).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** Server time of one edit, in-process: the path the server runs on didChange (re-parse the document, analyse
 * the workspace snapshot, convert diagnostics), without JSON-RPC or the debounce. */
function serverTimePerEdit(lines: number): number {
  const ws = new Workspace();
  const uri = `file:///bench-server-${lines}.consistency`;
  let text = generatePolicy(lines);
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    text = `// edit ${i}\n${text}`;
    const t = performance.now();
    ws.setOpen(uri, text, i + 1);
    diagnosticsByUri(ws.snapshot());
    if (i >= 10) times.push(performance.now() - t);
  }
  return median(times);
}

export async function benchLsp(serverPath: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'consistency-bench-lsp-'));
  const t0 = performance.now();
  const client = TestClient.start(serverPath, dir);
  client.settings = { validation: { delay: 0 } };
  await client.request('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: { workspace: { configuration: true } }, workspaceFolders: null });
  const startup = performance.now() - t0;
  await client.notify('initialized', {});
  console.log(`\nlanguage server over stdio (${serverPath}), validation delay 0 ms`);
  console.log(`  start-up to initialize result: ${ms(startup)}`);
  try {
    for (const lines of [500, 5_000]) {
      const uri = pathToFileURL(join(dir, `bench-${lines}.consistency`)).href;
      let text = generatePolicy(lines);
      let version = 1;
      await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'consistency', version, text } });
      await client.diagnostics(uri, (p) => p.version === version);
      const edits: number[] = [];
      for (let i = 0; i < 30; i++) {
        text = `// edit ${i}\n${text}`;
        version++;
        const since = client.published.length;
        const t = performance.now();
        await client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
        const v = version;
        await client.diagnostics(uri, (p) => p.version === v, since);
        edits.push(performance.now() - t);
      }
      const hoverAt = positionOf(text, 'data ');
      hoverAt.character += 5;
      const hovers: number[] = [];
      const completions: number[] = [];
      for (let i = 0; i < 50; i++) {
        let t = performance.now();
        const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: hoverAt });
        hovers.push(performance.now() - t);
        if (!h) throw new Error('no hover on a data type');
        t = performance.now();
        await client.request('textDocument/completion', { textDocument: { uri }, position: { line: hoverAt.line + 1, character: 2 } });
        completions.push(performance.now() - t);
      }
      console.log(`  ${lines} lines: keystroke → diagnostics ${ms(median(edits))} round trip incl. JSON-RPC (server time ${ms(serverTimePerEdit(lines))}), hover ${ms(median(hovers))}, completion ${ms(median(completions))}`);
    }
  } finally {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  }
  for (const f of ['out/server.cjs', 'out/extension.cjs', 'out/cli.cjs', 'consistency-policies.vsix']) {
    if (existsSync(f)) console.log(`  size ${f}: ${(statSync(f).size / 1024).toFixed(1)} KB`);
  }
}



