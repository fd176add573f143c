// Signature help inside levels that take arguments and inside delay distributions: the exact signature
// labels, the parameter ranges, the active signature and parameter; none outside a call, in a comment or
// a string, or in a call that is not one of these.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent, SignatureHelp } from 'vscode-languageserver-types';
import { signatureHelp } from '../../server/src/service/signature-help';
import { fixture } from './helpers';

const topology = (line: string) =>
  `topology india {\n  region mumbai { replicas 3 primary }\n  region delhi { replicas 2 }\n  ${line}\n}\n`;

function helpAt(marked: string): SignatureHelp | null {
  const f = fixture(marked);
  return signatureHelp(f.s, f.uri, f.at());
}

/** The label, the active parameter's text (by its range in the label) and the active indexes. */
function active(
  h: SignatureHelp | null,
): { label: string; param: string | undefined; signature: number; parameter: number } | null {
  if (!h) return null;
  const sig = h.signatures[h.activeSignature ?? 0];
  const range = sig.parameters?.[h.activeParameter ?? 0]?.label as [number, number] | undefined;
  return {
    label: sig.label,
    param: range && sig.label.slice(range[0], range[1]),
    signature: h.activeSignature ?? 0,
    parameter: h.activeParameter ?? 0,
  };
}

test('lognormal: positional parameters by commas, labelled ones by their label', () => {
  assert.deepEqual(active(helpAt(topology('link mumbai <-> delhi lognormal(<|>'))), {
    label: 'lognormal(median M, p99 P)',
    param: 'median M',
    signature: 0,
    parameter: 0,
  });
  assert.deepEqual(active(helpAt(topology('link mumbai <-> delhi lognormal(median 45ms, <|>'))), {
    label: 'lognormal(median M, p99 P)',
    param: 'p99 P',
    signature: 0,
    parameter: 1,
  });
  assert.deepEqual(active(helpAt(topology('link mumbai <-> delhi lognormal(p99 80ms<|>'))), {
    label: 'lognormal(median M, p99 P)',
    param: 'p99 P',
    signature: 0,
    parameter: 1,
  });
  assert.deepEqual(active(helpAt(topology('link mumbai <-> delhi lognormal(p99 80ms, median <|>)'))), {
    label: 'lognormal(median M, p99 P)',
    param: 'median M',
    signature: 0,
    parameter: 0,
  });
});

test('every distribution has its signature and documented parameters', () => {
  const cases: [string, string, string[]][] = [
    ['fixed(<|>', 'fixed(value)', ['value']],
    ['uniform(1ms, <|>', 'uniform(min, max)', ['min', 'max']],
    ['normal(<|>', 'normal(mean M, sd S)', ['mean M', 'sd S']],
    ['exponential(<|>', 'exponential(mean M)', ['mean M']],
    ['pareto(1.05ms, <|>', 'pareto(scale, shape)', ['scale', 'shape']],
    ['mix(<|>', 'mix(weight distribution, …)', ['weight distribution']],
  ];
  for (const [call, label, params] of cases) {
    const h = helpAt(topology(`replica write ${call}`));
    assert.ok(h, call);
    const sig = h.signatures[0];
    assert.equal(sig.label, label);
    assert.deepEqual(
      sig.parameters?.map((x) => sig.label.slice(...(x.label as [number, number]))),
      params,
      call,
    );
    assert.ok(
      sig.parameters?.every((x) => ((x.documentation as MarkupContent).value ?? '').length > 10),
      call,
    );
    assert.ok(((sig.documentation as MarkupContent).value ?? '').length > 10, call);
  }
  assert.equal(helpAt(topology('replica write uniform(1ms, <|>'))?.activeParameter, 1);
  assert.equal(helpAt(topology('replica write pareto(1.05ms, <|>'))?.activeParameter, 1);
});

test('mix: the innermost call wins; between parts every part is the one shape', () => {
  assert.deepEqual(active(helpAt(topology('replica write mix(0.38 pareto(1.05ms, <|>'))), {
    label: 'pareto(scale, shape)',
    param: 'shape',
    signature: 0,
    parameter: 1,
  });
  assert.deepEqual(active(helpAt(topology('replica write mix(0.38 pareto(1.05ms, 1.51), 0.62 <|>'))), {
    label: 'mix(weight distribution, …)',
    param: 'weight distribution',
    signature: 0,
    parameter: 0,
  });
  assert.deepEqual(active(helpAt(topology('replica write mix(0.38 pareto(1.05ms, 1.51), 0.62 exponential(<|>))'))), {
    label: 'exponential(mean M)',
    param: 'mean M',
    signature: 0,
    parameter: 0,
  });
});

test('bounded: a time or a version count, the second chosen once `versions` is written; its alias too', () => {
  const h = helpAt('data x {\n  consistency bounded(<|>\n}\n');
  assert.deepEqual(
    h?.signatures.map((x) => x.label),
    ['bounded(T)', 'bounded(K versions)'],
  );
  assert.deepEqual(active(h), { label: 'bounded(T)', param: 'T', signature: 0, parameter: 0 });
  assert.deepEqual(active(helpAt('data x {\n  consistency bounded(5 versions<|>)\n}\n')), {
    label: 'bounded(K versions)',
    param: 'K versions',
    signature: 1,
    parameter: 0,
  });
  assert.deepEqual(active(helpAt('data x {\n  consistency bounded_staleness(2s<|>)\n}\n')), {
    label: 'bounded_staleness(T)',
    param: 'T',
    signature: 0,
    parameter: 0,
  });
  assert.equal(
    (h?.signatures[0].documentation as MarkupContent).value,
    'Reads lag the latest write by at most K versions or T time, and see a consistent prefix.',
  );
});

test('session: its guarantees, any number of them', () => {
  const h = helpAt('data x {\n  consistency session(read_your_writes, <|>)\n}\n');
  assert.deepEqual(active(h), { label: 'session(guarantee, …)', param: 'guarantee', signature: 0, parameter: 0 });
  assert.equal(
    (h?.signatures[0].parameters?.[0].documentation as MarkupContent).value,
    'a session guarantee: read_your_writes, monotonic_reads, monotonic_writes, writes_follow_reads; list each one the data needs',
  );
});

test('none outside a call, after it closes, in a comment or string, or in a call that takes no arguments', () => {
  assert.equal(helpAt('data x {\n  consistency bounded<|>(2s)\n}\n'), null);
  assert.equal(helpAt('data x {\n  consistency bounded(2s)<|>\n}\n'), null);
  assert.equal(helpAt('data x {\n  consistency strong(<|>\n}\n'), null);
  assert.equal(helpAt('data x {\n  consistency bounded(2s // a note<|>\n}\n'), null);
  assert.equal(helpAt('data x {\n  consistency bounded(/* a, <|> */ 2s)\n}\n'), null);
  assert.equal(helpAt('data x {\n  consistency bounded("2s<|>")\n}\n'), null);
  assert.equal(helpAt('data x {\n  consistency bounded("2s<|>\n}\n'), null);
  assert.equal(helpAt('data x {\n  consistency bounded(\n}\ndata y {<|>\n}\n'), null);
  assert.equal(helpAt('<|>'), null);
  assert.deepEqual(active(helpAt('data x {\n  consistency bounded(2s /* a, b */ <|>)\n}\n')), {
    label: 'bounded(T)',
    param: 'T',
    signature: 0,
    parameter: 0,
  });
});
