// Long analysis in the server does not hold up the rest: validation parses the changed documents one per turn
// of the event loop and a newer edit abandons the older steps (the stale analysis never runs); a request about
// one file is answered from the last analysis while nothing that file sees changed, so it does not wait for an
// unrelated file's edit to be parsed and analysed. Counted with an engine that records its calls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { RequestSnapshots } from '../../server/src/lsp/request-snapshots';
import { Validator } from '../../server/src/lsp/validation';
import { Workspace } from '../../server/src/lsp/workspace';
import { hover } from '../../server/src/service/hover';
import { coreEngine, type Engine } from '../../server/src/service/isolation';

const A = 'file:///w/a.consistency';
const B = 'file:///w/b.consistency';
const C = 'file:///w/c.consistency';
const topo = 'topology india {\n  region mumbai { replicas 3 primary }\n}\n';
const data = (level: string) => `data cart {\n  topology india\n  consistency ${level}\n}\nimport "a.consistency"\n`;

function counting(onParse: (uri: string, text: string) => void = () => {}) {
  const calls = { parses: [] as string[], analyses: 0 };
  const engine: Engine = {
    parse: (text, uri) => {
      calls.parses.push(uri);
      onParse(uri, text);
      return coreEngine.parse(text, uri);
    },
    analyze: (parsed, options, cache) => {
      calls.analyses++;
      return coreEngine.analyze(parsed, options, cache);
    },
  };
  return { calls, engine };
}

test('a request about an unchanged file is answered from the last analysis; one that sees the change waits for it', () => {
  const { calls, engine } = counting();
  const ws = new Workspace(undefined, engine);
  const requests = new RequestSnapshots(() => ws.snapshot());
  ws.setDisk(A, topo);
  ws.setOpen(B, data('eventual'), 1);
  ws.setDisk(C, 'data other {\n  consistency strong\n}\n');
  const first = requests.latest();
  assert.equal(calls.analyses, 1);
  // An edit of C: B neither is C nor imports it.
  ws.setOpen(C, 'data other {\n  consistency stronk\n}\n', 1);
  requests.changedDocument(C);
  const forB = requests.forDocument(B);
  assert.equal(forB, first);
  assert.equal(calls.analyses, 1, 'no analysis for a hover on B');
  assert.match(JSON.stringify(hover(forB, B, { line: 0, character: 6 })), /cart/);
  assert.notEqual(requests.forDocument(C), first, 'C itself: the latest');
  assert.equal(calls.analyses, 2);
  // An edit of A, which B imports: B's requests wait for it.
  ws.setDisk(A, topo.replace('replicas 3', 'replicas 5'));
  requests.changedDocument(A);
  const after = requests.forDocument(B);
  assert.equal(calls.analyses, 3);
  assert.match(after.document(A)!.text, /replicas 5/);
  // Settings change what every file sees.
  requests.changedEverything();
  ws.setOptions({ rules: { 'unknown-level': 'off' } });
  assert.notEqual(requests.forDocument(B), after);
});

test('validation parses one document per turn, and a newer edit abandons the older steps', async () => {
  let ws!: Workspace;
  let validator!: Validator;
  const seenBetween: number[] = [];
  const { calls, engine } = counting((uri, text) => {
    if (calls.parses.length === 1) setImmediate(() => seenBetween.push(calls.parses.length));
    // Once B's first version is parsed, the user types again before the next step.
    if (uri === B && text.includes('eventual')) {
      setImmediate(() => {
        ws.setOpen(B, data('strong'), 2);
        validator.schedule();
      });
    }
  });
  ws = new Workspace(undefined, engine);
  const sent: [string, string[], number | undefined][] = [];
  let done!: () => void;
  const finished = new Promise<void>((r) => (done = r));
  const publish = (uri: string, ds: Diagnostic[], version?: number) => {
    sent.push([uri, ds.map((d) => String(d.code)), version]);
    if (uri === B) done();
  };
  let runs = 0;
  const counted = {
    snapshot: () => (runs++, ws.snapshot()),
    version: (u: string) => ws.version(u),
    parseNext: () => ws.parseNext(),
  };
  validator = new Validator(counted, publish, assert.fail, 0);
  ws.setDisk(A, topo);
  ws.setDisk(C, 'data other {\n  consistency strong\n}\n');
  ws.setOpen(B, data('eventual'), 1);
  validator.schedule();
  await finished;
  assert.deepEqual(seenBetween, [1], 'the event loop turned after the first parse, before the second');
  assert.equal(calls.analyses, 1, 'the abandoned steps never analysed');
  assert.equal(runs, 1, 'one validation run: the older one stopped');
  assert.deepEqual(calls.parses, [A, C, B, B]);
  assert.deepEqual(
    sent.find(([uri]) => uri === B),
    [B, [], 2],
  );
  validator.dispose();
});
