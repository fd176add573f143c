// One bad file never empties the server's workspace: a file whose parse or analysis throws — open, or only
// present on disk — gets one internal-error diagnostic, and every other file keeps its diagnostics, hovers,
// symbols and lenses. The files on disk: one walker and reader (FIFOs, device links and huge files refused,
// never read) and a workspace boundary that is a path, not a string prefix.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { isWithin, walkPolicyFiles } from '../../server/src/host/files';
import { readWorkspacePolicy, scanPolicyFiles } from '../../server/src/lsp/files';
import { Validator } from '../../server/src/lsp/validation';
import { Workspace } from '../../server/src/lsp/workspace';
import { codeLenses } from '../../server/src/service/code-lens';
import { formatting } from '../../server/src/service/formatting';
import { hover } from '../../server/src/service/hover';
import { coreEngine, type Engine } from '../../server/src/service/isolation';
import { documentSymbols } from '../../server/src/service/symbols';

const faulty: Engine = {
  parse: (text, uri) => {
    if (text.includes('crash-parse')) throw new RangeError('Maximum call stack size exceeded');
    return coreEngine.parse(text, uri);
  },
  analyze: (parsed, options, cache) => {
    const analysis = coreEngine.analyze(parsed, options, cache);
    for (const d of analysis.documents.values()) if (d.text.includes('crash-analysis')) throw new TypeError('boom');
    return analysis;
  },
};

const TOPO = 'file:///w/topo.consistency';
const DATA = 'file:///w/data.consistency';
const CRASH = 'file:///w/crash.consistency';
const topo = 'topology india {\n  region mumbai { replicas 3 primary }\n}\n';
const data = 'import "topo.consistency"\ndata cart {\n  topology india\n  consistency eventual\n}\n';

function served(ws: Workspace) {
  const s = ws.snapshot();
  const byUri = (uri: string) => s.analysis.diagnostics.filter((d) => d.uri === uri).map((d) => d.code);
  return {
    crash: byUri(CRASH),
    data: byUri(DATA),
    hover: hover(s, DATA, { line: 1, character: 6 }),
    symbols: documentSymbols(s, DATA).map((x) => x.name),
    lenses: codeLenses(s, DATA).length,
    topoSymbols: documentSymbols(s, TOPO).map((x) => x.name),
  };
}

describe('a file the checker fails on', () => {
  for (const [how, marker] of [
    ['analysis', 'crash-analysis'],
    ['parse', 'crash-parse'],
  ] as const) {
    test(`its ${how} throws, on disk and never opened: one internal-error there, every other file served`, () => {
      const ws = new Workspace(undefined, faulty);
      ws.setDisk(TOPO, topo);
      ws.setOpen(DATA, data, 1);
      ws.setDisk(CRASH, `// ${marker}\n${topo.replace('india', 'other')}`);
      const r = served(ws);
      assert.deepEqual(r.crash, ['internal-error']);
      assert.deepEqual(r.data, []);
      assert.match(JSON.stringify(r.hover), /cart/);
      assert.deepEqual(r.symbols, ['cart']);
      assert.deepEqual(r.topoSymbols, ['india']);
      assert.ok(r.lenses > 0);
      const message = ws.snapshot().analysis.diagnostics.find((d) => d.uri === CRASH)!.message;
      assert.match(message, new RegExp(`^Internal error in ${how === 'parse' ? 'parsing' : 'analysing'} the file`));
      // The failing file is never reformatted from its empty stand-in.
      assert.deepEqual(formatting(ws.snapshot(), CRASH), []);
    });
  }

  test('open in the editor, then fixed: its diagnostics return, the others never went away', () => {
    const ws = new Workspace(undefined, faulty);
    const sent = new Map<string, string[]>();
    const v = new Validator(
      ws,
      (uri, ds: Diagnostic[]) =>
        sent.set(
          uri,
          ds.map((d) => String(d.code)),
        ),
      assert.fail,
      0,
    );
    ws.setDisk(TOPO, topo);
    ws.setOpen(DATA, data.replace('eventual', 'stronk'), 1);
    ws.setOpen(CRASH, '// crash-analysis\n', 1);
    v.run();
    assert.deepEqual(sent.get(CRASH), ['internal-error']);
    assert.deepEqual(sent.get(DATA), ['unknown-level']);
    ws.setOpen(CRASH, '// fixed\n', 2);
    v.run();
    assert.deepEqual(sent.get(CRASH), []);
    assert.deepEqual(sent.get(DATA), ['unknown-level']);
  });

  test('a file that imports the failing one fails with it (its scope failed); unrelated files do not', () => {
    const ws = new Workspace(undefined, faulty);
    ws.setDisk(TOPO, `// crash-analysis\n${topo}`);
    ws.setOpen(DATA, data, 1);
    ws.setDisk(CRASH, 'data alone {\n  consistency eventual\n}\n');
    const s = ws.snapshot();
    assert.deepEqual(
      s.analysis.diagnostics.map((d) => [d.uri, d.code]),
      [
        [DATA, 'internal-error'],
        [TOPO, 'internal-error'],
      ],
    );
    assert.deepEqual(
      documentSymbols(s, CRASH).map((x) => x.name),
      ['alone'],
    );
  });
});

describe('files on disk', () => {
  let dir = '';
  const hasFifo = spawnSync('mkfifo', ['--help']).status === 0;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'consistency-ws-'));
    for (const sub of ['ws/a', 'ws/node_modules/x', 'ws/.hidden', 'ws/out', 'ws-secret'])
      mkdirSync(join(dir, sub), { recursive: true });
    writeFileSync(join(dir, 'ws/a/one.consistency'), topo);
    writeFileSync(join(dir, 'ws/b.consistency'), topo);
    writeFileSync(join(dir, 'ws/node_modules/x/skip.consistency'), topo);
    writeFileSync(join(dir, 'ws/.hidden/skip.consistency'), topo);
    writeFileSync(join(dir, 'ws/out/skip.consistency'), topo);
    writeFileSync(join(dir, 'ws/huge.consistency'), `// ${'x'.repeat(4 * 1024 * 1024)}\n`);
    writeFileSync(join(dir, 'ws-secret/secret.consistency'), topo);
    symlinkSync('/dev/zero', join(dir, 'ws/zero.consistency'));
    symlinkSync(join(dir, 'ws-secret'), join(dir, 'ws/linked-dir'));
    if (hasFifo) spawnSync('mkfifo', [join(dir, 'ws/pipe.consistency')]);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('one walk: sorted, skip list and hidden folders skipped, links to folders not followed, specials refused', () => {
    const w = walkPolicyFiles(join(dir, 'ws'));
    assert.deepEqual(
      w.files.map((f) => f.slice(dir.length)),
      ['/ws/a/one.consistency', '/ws/b.consistency', '/ws/huge.consistency'],
    );
    const refused = Object.fromEntries(w.refused.map((r) => [r.path.slice(dir.length), r.reason]));
    assert.equal(refused['/ws/zero.consistency'], 'it is a symbolic link to a character device, not to a regular file');
    if (hasFifo) assert.equal(refused['/ws/pipe.consistency'], 'it is a FIFO (named pipe), not a regular file');
  });

  test('the server reads workspace files only: regular, within 4 MB, under a root by path (not by prefix)', () => {
    const root = pathToFileURL(join(dir, 'ws')).href;
    const uri = (rel: string) => pathToFileURL(join(dir, rel)).href;
    assert.deepEqual(readWorkspacePolicy(uri('ws/b.consistency'), [root]), { text: topo });
    assert.deepEqual(readWorkspacePolicy(uri('ws-secret/secret.consistency'), [root]), {
      refused: 'it is outside the workspace folders',
    });
    assert.match(
      (readWorkspacePolicy(uri('ws/huge.consistency'), [root]) as { refused: string }).refused,
      /4 MB, over the 4 MB limit/,
    );
    assert.match(
      (readWorkspacePolicy(uri('ws/zero.consistency'), [root]) as { refused: string }).refused,
      /character device/,
    );
    if (hasFifo)
      assert.match((readWorkspacePolicy(uri('ws/pipe.consistency'), [root]) as { refused: string }).refused, /FIFO/);
    assert.equal(scanPolicyFiles([root]).uris.length, 3);
    assert.equal(isWithin('/x/ws-secret/a', '/x/ws'), false);
    assert.equal(isWithin('/x/ws/a', '/x/ws'), true);
    assert.equal(isWithin('/x/ws/..secret', '/x/ws'), true);
    assert.equal(isWithin('/x', '/x/ws'), false);
  });
});
