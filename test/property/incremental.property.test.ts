// Incremental analysis gives what a full analysis gives: random edit sequences (characters, tokens, lines,
// declarations inserted, deleted, replaced) applied to every sample, and after every edit the incremental
// parse is compared with a fresh parse of the text (tokens with their fields and the lines and columns computed
// from the text, comments, the AST, the diagnostics), and what the server shows with what a fresh analysis
// shows (diagnostics with their lines and columns, symbols, declarations and references, estimates). The model
// entries, estimates and findings the server keeps between edits (core/model/model-cache.ts, estimate-cache.ts,
// check-cache.ts) are exercised in one file and across an import (a file and the topologies and tiers it
// imports, either one edited).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseDocument, type ParsedDocument } from '../../server/src/core/syntax/parse';
import { reparseDocument, reparseStats } from '../../server/src/core/syntax/reparse';
import type { Token } from '../../server/src/core/syntax/token';
import { LineIndex } from '../../server/src/core/util/range';
import { chevrotainToken } from '../helpers/chevrotain-tokens';
import { checkCacheStats } from '../../server/src/core/check-cache';
import { modelCacheStats } from '../../server/src/core/model/model-cache';
import { Workspace } from '../../server/src/lsp/workspace';
import { diagnosticsByUri } from '../../server/src/service/diagnostics';
import type { Snapshot } from '../../server/src/service/snapshot';
import { documentSymbols } from '../../server/src/service/symbols';
import { applyEdit, edit, editWithChange, type Edit } from '../helpers/edits';
import { filesUnder } from '../helpers/files';

const uri = 'file:///incremental.consistency';
const files = filesUnder('samples', '.consistency').map((f) => readFileSync(f, 'utf8'));
/** The samples, and a few with Windows line ends (lines and columns count `\r\n` as one break). */
const samples = [...files, ...files.slice(0, 3).map((t) => t.replace(/\n/g, '\r\n'))];

/** A token's own fields (those a token keeps) and its place in lines and columns, computed from the text. */
function token(t: Token, lines: LineIndex): string {
  const c = chevrotainToken(t, lines);
  const place = [c.startOffset, c.endOffset, c.startLine, c.endLine, c.startColumn, c.endColumn];
  return [Object.keys(t).join(), t.image, t.tokenType.name, t.tokenTypeIdx, ...place].join(' ');
}

/** Everything a parse gives, as text (the AST and diagnostics in full). */
function parsedForm(d: ParsedDocument) {
  const lines = new LineIndex(d.text);
  return {
    tokens: d.tokens.map((t) => token(t, lines)),
    comments: d.comments.map((t) => token(t, lines)),
    ast: JSON.stringify(d.ast),
    diagnostics: JSON.stringify(d.diagnostics),
  };
}

test('incremental parsing equals a full parse after every edit of random edit sequences on the samples', () => {
  const before = { ...reparseStats };
  fc.assert(
    fc.property(fc.nat(samples.length - 1), fc.array(edit, { minLength: 1, maxLength: 12 }), (i, edits) => {
      let text = samples[i];
      let doc = parseDocument(text, uri);
      for (const e of edits) {
        text = applyEdit(text, e);
        doc = reparseDocument(doc, text);
        assert.deepEqual(parsedForm(doc), parsedForm(parseDocument(text, uri)), `after ${JSON.stringify(e)}`);
      }
    }),
    { numRuns: 300, seed: 13 },
  );
  // Most edits are re-read incrementally (the property would say nothing if every edit fell back to a full parse).
  const incremental = reparseStats.incremental - before.incremental;
  const full = reparseStats.full - before.full;
  assert.ok(incremental > full, `${incremental} incremental, ${full} full parses`);
  assert.equal(reparseStats.failed, 0, 'no incremental parse threw');
});

/** What the editor shows from an analysis of a file: diagnostics (with lines and columns), symbols, estimates. */
function shown(s: Snapshot, of = uri) {
  const a = s.analysis;
  const model = a.modelOf(of);
  return {
    diagnostics: JSON.stringify(diagnosticsByUri(s).get(of) ?? []),
    symbols: JSON.stringify(documentSymbols(s, of)),
    declarations: JSON.stringify(a.declarations),
    references: JSON.stringify(a.references),
    estimates: JSON.stringify([...model.data.values()].map((d) => a.estimate(d))),
  };
}

/** The model entries an analysis reused and built. */
function counted<T>(f: () => T, into: { reused: number; built: number }): T {
  const before = { ...modelCacheStats };
  const out = f();
  into.reused += modelCacheStats.reused - before.reused;
  into.built += modelCacheStats.built - before.built;
  return out;
}

/** A declaration (or region) given the name of another: a duplicate, or a name that no longer is one. */
interface Rename {
  kind: 'rename';
  at: number;
  to: number;
}
const rename: fc.Arbitrary<Rename> = fc.record({ kind: fc.constant('rename' as const), at: fc.nat(), to: fc.nat() });

function applyServerEdit(t: string, e: Edit | Rename): string {
  if (e.kind !== 'rename') return applyEdit(t, e);
  const names = [...t.matchAll(/^[ \t]*(?:data|tier|topology|transaction|scenario|region) ([\w.-]+)/gmu)];
  if (names.length < 2) return t;
  const [a, b] = [names[e.at % names.length], names[e.to % names.length]];
  const start = a.index + a[0].length - a[1].length;
  return t.slice(0, start) + b[1] + t.slice(start + a[1].length);
}

/** Edits anywhere, edits near the top (which move every declaration after them, and what is kept of them), renames. */
const anywhereOrTop = fc.oneof(
  edit,
  edit.map((e) => ({ ...e, at: e.at % 120 })),
  rename,
);

test('the server after every edit of random edit sequences shows what a fresh analysis of the text shows', () => {
  const entries = { reused: 0, built: 0 };
  fc.assert(
    fc.property(fc.nat(samples.length - 1), fc.array(anywhereOrTop, { minLength: 1, maxLength: 8 }), (i, edits) => {
      let text = samples[i];
      const ws = new Workspace();
      ws.setOpen(uri, text, 0);
      ws.snapshot();
      edits.forEach((e, v) => {
        text = applyServerEdit(text, e);
        ws.setOpen(uri, text, v + 1);
        const fresh = new Workspace();
        fresh.setOpen(uri, text, v + 1);
        const incremental = counted(() => ws.snapshot(), entries);
        assert.deepEqual(shown(incremental), shown(fresh.snapshot()), `after ${JSON.stringify(e)}`);
      });
    }),
    { numRuns: 40, seed: 13 },
  );
  // Rule findings and model entries were reused after edits elsewhere (else the property would not test the
  // caches), and entries were built again for what the edits touched.
  assert.ok(checkCacheStats.reused > 0, JSON.stringify(checkCacheStats));
  assert.ok(entries.reused > entries.built && entries.built > 0, `model entries: ${JSON.stringify(entries)}`);
});

test("with the editor's own changes (several composed when they come before a parse) the server shows the same", () => {
  const before = { ...reparseStats };
  const batch = fc.array(edit, { minLength: 1, maxLength: 3 });
  fc.assert(
    fc.property(fc.nat(samples.length - 1), fc.array(batch, { minLength: 1, maxLength: 6 }), (i, batches) => {
      let text = samples[i];
      const ws = new Workspace();
      ws.setOpen(uri, text, 0);
      ws.snapshot();
      let version = 0;
      for (const edits of batches) {
        for (const e of edits) {
          const next = editWithChange(text, e);
          text = next.text;
          ws.setOpen(uri, text, ++version, next.change);
        }
        const fresh = new Workspace();
        fresh.setOpen(uri, text, version);
        assert.deepEqual(shown(ws.snapshot()), shown(fresh.snapshot()), `after ${JSON.stringify(edits)}`);
      }
    }),
    { numRuns: 40, seed: 17 },
  );
  assert.ok(reparseStats.told > before.told, 'the changes the editor reported were used');
});

const sharedUri = 'file:///shared.consistency';

/** A sample split in two: its topologies, tiers and profiles in a file the rest imports. */
function split(text: string): [string, string] {
  const doc = parseDocument(text, uri);
  const shared = (k: string) => k === 'topology' || k === 'tier';
  const part = (keep: boolean) =>
    doc.ast.declarations
      .filter((d) => shared(d.kind) === keep)
      .map((d) => text.slice(d.range.start, d.range.end))
      .join('\n\n');
  return [`import "shared.consistency"\n\n${part(false)}\n`, `${part(true)}\n`];
}

test('across an import, the server after every edit of either file shows what a fresh analysis shows', () => {
  const pairs = files.map(split).filter(([, shared]) => shared.trim() !== '');
  const fileEdit = fc.record({ edit, shared: fc.boolean() });
  fc.assert(
    fc.property(fc.nat(pairs.length - 1), fc.array(fileEdit, { minLength: 1, maxLength: 6 }), (i, edits) => {
      const texts = { [uri]: pairs[i][0], [sharedUri]: pairs[i][1] };
      const ws = new Workspace();
      for (const [u, t] of Object.entries(texts)) ws.setOpen(u, t, 0);
      ws.snapshot();
      edits.forEach(({ edit: e, shared }, v) => {
        const at = shared ? sharedUri : uri;
        texts[at] = applyEdit(texts[at], e);
        ws.setOpen(at, texts[at], v + 1);
        const fresh = new Workspace();
        for (const [u, t] of Object.entries(texts)) fresh.setOpen(u, t, v + 1);
        const [a, b] = [ws.snapshot(), fresh.snapshot()];
        for (const u of [uri, sharedUri]) assert.deepEqual(shown(a, u), shown(b, u), `${u} after ${JSON.stringify(e)}`);
      });
    }),
    { numRuns: 25, seed: 13 },
  );
});

test('the AST builder never shares a range object between two places (incremental parsing moves each once)', () => {
  const texts = [...files, ...filesUnder('test/corpus', '.consistency').map((f) => readFileSync(f, 'utf8'))];
  for (const text of texts) {
    const seen = new Set<object>();
    const walk = (o: object) => {
      for (const v of Object.values(o) as unknown[]) {
        if (typeof v !== 'object' || v === null) continue;
        const r = v as { start?: unknown; end?: unknown };
        if (typeof r.start === 'number' && typeof r.end === 'number') {
          assert.ok(!seen.has(v), `a range shared in ${text.slice(0, 60)}`);
          seen.add(v);
        } else walk(v);
      }
    };
    walk(parseDocument(text, uri).ast);
    assert.ok(seen.size > 0);
  }
});
