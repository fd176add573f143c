// Inputs for the robustness properties (test/property/robust.property.test.ts, `npm run fuzz`): the samples
// mutated by grammar-aware edits — a block repeated or nested inside itself, a line repeated, numbers swapped
// for huge, zero, negative or fractional ones, a bracket lost — and the pathological shapes of
// bench/shapes.ts at random sizes, alone or appended to a sample. And the property every one must meet.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { analyze } from '../../server/src/core/pipeline';
import { shapes } from '../../bench/shapes';
import { filesUnder } from '../helpers/files';

export const uri = 'file:///robust.consistency';
export const samples = filesUnder('samples', '.consistency').map((f) => readFileSync(f, 'utf8'));

/** Numbers that overflow, vanish or make no sense where a count, duration or coordinate is expected. */
const oddNumbers = [
  '9007199254740993',
  '99999999999999999999999999999999999999',
  '1' + '0'.repeat(400),
  '0',
  '0.0000001',
  '1_000_000_000',
  '4294967296',
  '1000000000',
  '-1',
  '95',
  '400',
  '3.5',
  '1e9',
];

type Edit =
  | { kind: 'repeatBlock' | 'nestBlock' | 'repeatLine' | 'dropBracket'; at: number; times: number }
  | { kind: 'number'; at: number; to: string };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('repeatBlock' as const, 'nestBlock' as const, 'repeatLine' as const, 'dropBracket' as const),
    at: fc.nat(),
    times: fc.integer({ min: 1, max: 60 }),
  }),
  fc.record({ kind: fc.constant('number' as const), at: fc.nat(), to: fc.constantFrom(...oddNumbers) }),
);

/** The `{ … }` blocks of a text (start of the line that opens it, end of its closing brace), by nesting. */
function blocks(text: string): [number, number][] {
  const out: [number, number][] = [];
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{') open.push(text.lastIndexOf('\n', i) + 1);
    else if (text[i] === '}' && open.length) out.push([open.pop()!, i + 1]);
  }
  return out;
}

export function applyEdit(text: string, e: Edit): string {
  const pick = <T>(xs: T[]) => xs[e.at % xs.length];
  switch (e.kind) {
    case 'repeatBlock':
    case 'nestBlock': {
      const bs = blocks(text);
      if (!bs.length) return text;
      const [s, t] = pick(bs);
      const block = text.slice(s, t);
      if (e.kind === 'repeatBlock') return text.slice(0, t) + `\n${block}`.repeat(e.times) + text.slice(t);
      const close = block.lastIndexOf('}'); // the block inside its own body, `times` deep
      const nested = block.slice(0, close).repeat(e.times) + block + block.slice(close).repeat(e.times);
      return text.slice(0, s) + nested + text.slice(t);
    }
    case 'repeatLine': {
      const lines = text.split('\n');
      const i = e.at % lines.length;
      lines.splice(i, 0, ...Array(e.times).fill(lines[i]));
      return lines.join('\n');
    }
    case 'dropBracket': {
      const at = [...text.matchAll(/[{}()]/g)].map((m) => m.index!);
      if (!at.length) return text;
      const i = pick(at);
      return text.slice(0, i) + text.slice(i + 1);
    }
    case 'number': {
      const at = [...text.matchAll(/\d[\d_.]*/g)].map((m) => [m.index!, m[0].length] as const);
      if (!at.length) return text;
      const [i, n] = pick(at);
      return text.slice(0, i) + e.to + text.slice(i + n);
    }
  }
}

export const mutatedSample = fc
  .tuple(fc.constantFrom(...samples), fc.array(edit, { minLength: 1, maxLength: 5 }))
  .map(([text, edits]) => edits.reduce(applyEdit, text));

/** A pathological shape at up to `maxFactor` times its base size, alone or after a sample. */
export const pathological = (maxFactor: number) =>
  fc
    .tuple(fc.constantFrom(...shapes), fc.integer({ min: 1, max: maxFactor }), fc.option(fc.constantFrom(...samples)))
    .map(([shape, k, sample]) => (sample ?? '') + shape.text(shape.base * k));

/** Analyses `text`: it must not throw, report no internal error, and keep every range inside the document. */
export function checkDocument(text: string): void {
  const a = analyze([{ uri, text }]);
  const inside = (r: { start: number; end: number }, what: string) =>
    assert.ok(
      Number.isInteger(r.start) && Number.isInteger(r.end) && 0 <= r.start && r.start <= r.end && r.end <= text.length,
      `${what} ${JSON.stringify(r)} outside [0, ${text.length}]`,
    );
  for (const d of a.diagnostics) {
    assert.notEqual(d.code, 'internal-error', d.message);
    assert.doesNotMatch(d.message, /\bNaN\b|Infinity/, d.message);
    inside(d.range, `${d.code} range`);
    for (const rel of d.related ?? []) if (rel.uri === uri) inside(rel.range, `${d.code} related`);
    for (const f of d.fixes ?? []) for (const e of f.edits) if (e.uri === uri) inside(e.range, `${d.code} fix`);
  }
  for (const data of a.model.data.values()) a.estimate(data); // estimates of whatever was read never throw
}
