// Signature help: inside `name(…)` of a level that takes arguments (`bounded(2s)`, `session(g, …)`) or a delay
// distribution (`lognormal(median 45ms, p99 80ms)`, `mix(0.38 pareto(…), …)`), the signature with its
// parameters documented and the one being typed (by label when labelled, else by commas at depth) active.
import type { Token } from '../core/syntax/token';
import type { ParameterInformation, Position, SignatureHelp, SignatureInformation } from 'vscode-languageserver-types';
import { levelAliases, levelDefs, sessionGuarantees } from '../core/model/levels';
import { toOffset } from './positions';
import type { Snapshot } from './snapshot';

interface Param {
  label: string;
  /** The word that labels it when written labelled (`mean 45ms`); positional otherwise. */
  word: string;
  doc: string;
}

interface Sig {
  /** Written after the name, e.g. `mean M, sd S`. */
  params: Param[];
  doc: string;
  /** Every argument has the one shape (`session(g, …)`, `mix(w d, …)`). */
  repeated?: boolean;
}

const duration = 'a duration such as `45ms` or `0.5s`';
const p = (label: string, doc: string, word = label.split(' ')[0]): Param => ({ label, word, doc });

const distributions: Record<string, Sig> = {
  fixed: {
    params: [p('value', `the delay, always: ${duration}`)],
    doc: 'Always the same delay (a plain `45ms` means the same).',
  },
  uniform: {
    params: [p('min', `the shortest delay: ${duration}`), p('max', 'the longest delay: a duration ≥ min')],
    doc: 'Uniform between min and max.',
  },
  normal: {
    params: [p('mean M', `the mean delay: ${duration}`), p('sd S', 'the standard deviation: a duration')],
    doc: 'Normal, clamped at 0 (a delay is never negative).',
  },
  lognormal: {
    params: [
      p('median M', `the median delay: ${duration}`),
      p('p99 P', 'the 99th percentile: a duration ≥ the median'),
    ],
    doc: 'Log-normal with that median and 99th percentile.',
  },
  exponential: { params: [p('mean M', `the mean delay: ${duration}`)], doc: 'Exponential with that mean.' },
  pareto: {
    params: [
      p('scale', `the smallest delay: ${duration}`),
      p('shape', 'the tail index, a plain number (≤ 2: infinite variance)'),
    ],
    doc: 'P(X > x) = (scale / x)^shape for x ≥ scale: the heavy tail.',
  },
  mix: {
    params: [
      p(
        'weight distribution',
        'a plain-number weight and a distribution, ' +
          'e.g. `0.38 pareto(1.05ms, 1.51)`; each part is drawn with probability weight / Σ weights',
        '',
      ),
    ],
    doc:
      "A weighted mixture, e.g. the PBS paper's LinkedIn write latency " +
      '`mix(0.38 pareto(1.05ms, 1.51), 0.62 exponential(mean 5.5ms))`.',
    repeated: true,
  },
};

const bounded: Sig[] = [
  {
    params: [p('T', 'the most a read may trail the latest write: a duration such as `2s`', '')],
    doc: levelDefs.bounded.summary,
  },
  {
    params: [p('K versions', 'the most versions a read may trail the latest write, e.g. `5 versions`', '')],
    doc: levelDefs.bounded.summary,
  },
];

const session: Sig = {
  params: [p('guarantee', `a session guarantee: ${sessionGuarantees.join(', ')}; list each one the data needs`, '')],
  doc: `${levelDefs.session.summary} With arguments: only the guarantees listed.`,
  repeated: true,
};

function signaturesOf(name: string): Sig[] | undefined {
  const level = levelAliases[name] ?? name;
  if (level === 'bounded') return bounded;
  if (level === 'session') return [session];
  return Object.hasOwn(distributions, name) ? [distributions[name]] : undefined;
}

function information(name: string, sig: Sig): SignatureInformation {
  let at = name.length + 1;
  const parameters: ParameterInformation[] = sig.params.map((x, i) => {
    const start = at + (i > 0 ? 2 : 0);
    at = start + x.label.length;
    return { label: [start, at], documentation: { kind: 'markdown', value: x.doc } };
  });
  const label = `${name}(${sig.params.map((x) => x.label).join(', ')}${sig.repeated ? ', …' : ''})`;
  return { label, documentation: { kind: 'markdown', value: sig.doc }, parameters };
}

/**
 * Whether `offset` is inside a comment or a string (no help there); an unclosed one, or a line comment, runs to its
 * end.
 */
function inText(doc: { tokens: Token[]; comments: Token[] }, offset: number): boolean {
  const open = new Set(['LineComment', 'UnclosedComment', 'UnclosedString']);
  const texts = [
    ...doc.comments,
    ...doc.tokens.filter((t) => t.tokenType.name === 'StringLiteral' || t.tokenType.name === 'UnclosedString'),
  ];
  return texts.some((t) => t.startOffset < offset && offset <= t.endOffset + (open.has(t.tokenType.name) ? 1 : 0));
}

/**
 * The call `offset` is inside (braces end the search): its name, the commas at its depth before the offset, and the
 * tokens of the argument being written.
 */
function enclosingCall(tokens: Token[], offset: number): { name: string; commas: number; arg: Token[] } | undefined {
  let last = tokens.length - 1;
  while (last >= 0 && tokens[last].startOffset >= offset) last--;
  let depth = 0;
  let commas = 0;
  let argStart = -1;
  for (let i = last; i >= 0; i--) {
    const image = tokens[i].image;
    if (image === '{' || image === '}') return undefined;
    if (image === ')') depth++;
    else if (image === '(' && depth > 0) depth--;
    else if (image === '(') {
      const name = tokens[i - 1];
      return name && { name: name.image, commas, arg: tokens.slice(argStart >= 0 ? argStart : i + 1, last + 1) };
    } else if (image === ',' && depth === 0 && commas++ === 0) argStart = i + 1;
  }
  return undefined;
}

export function signatureHelp(s: Snapshot, uri: string, position: Position): SignatureHelp | null {
  const doc = s.document(uri);
  if (!doc) return null;
  const offset = toOffset(s.lines.get(uri), position);
  if (inText(doc, offset)) return null;
  const call = enclosingCall(doc.tokens, offset);
  const sigs = call && signaturesOf(call.name);
  if (!call || !sigs) return null;
  const activeSignature =
    sigs === bounded && call.arg.some((t) => t.image === 'version' || t.image === 'versions') ? 1 : 0;
  const sig = sigs[activeSignature];
  const labelled =
    call.arg.length > 0 ? sig.params.findIndex((x) => x.word !== '' && x.word === call.arg[0].image) : -1;
  const activeParameter = sig.repeated ? 0 : labelled >= 0 ? labelled : Math.min(call.commas, sig.params.length);
  return { signatures: sigs.map((x) => information(call.name, x)), activeSignature, activeParameter };
}
