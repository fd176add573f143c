// `profile NAME extends BASE { … }` blocks, resolved: every figure with its kind, value, source and where it
// was written. The keys a profile may set (general ones and `<store>.<figure>`) are listed here, once; the
// estimator (estimate/profiles/resolve.ts) merges a profile over the ones it extends.
import { diagnostic, type Diagnostic } from '../diagnostic';
import type * as A from '../syntax/ast';
import { closest } from '../util/suggest';
import { describe, type Distribution } from './delay';
import { readDistribution } from './distributions';
import type { Origin } from './model';

/** What a key takes: a delay (duration or distribution), a percentage, money, a plain number, text or a word. */
export type FigureKind = 'delay' | 'percent' | 'money' | 'number' | 'text' | 'word';

export interface Figure {
  key: string;
  kind: FigureKind;
  /** Milliseconds, percent, currency units or a plain number. */
  value?: number;
  dist?: Distribution;
  text?: string;
  /** As written, e.g. `$0.008`, `lognormal(median 3ms, p99 9ms)`. */
  written: string;
  source?: string;
  origin: Origin;
}

export interface ProfileModel {
  name: string;
  base?: string;
  builtin: boolean;
  figures: Map<string, Figure>;
  origin: Origin;
  decl: A.ProfileDecl;
}

/** The systems store figures are given for (`cosmos.ru-hour`): the `store` systems plus Spanner. */
export const figureStores = ['cosmos', 'dynamodb', 'cassandra', 'postgres', 'mongodb', 'spanner'] as const;

/** General keys and their kinds. */
export const generalKeys: Record<string, FigureKind> = {
  title: 'text',
  dated: 'text',
  illustrative: 'word',
  currency: 'word',
  'inr-per-usd': 'number',
  'instance-availability': 'percent',
  'region-availability': 'percent',
  'intra-region-rtt': 'delay',
  'transfer-gb': 'money',
};

/** Figures every store may set (`<store>.<figure>`), and their kinds. */
export const storeKeys: Record<string, FigureKind> = {
  'read-service': 'delay',
  'write-service': 'delay',
  'strong-read-service': 'delay',
  response: 'delay',
  'replication-delay': 'delay',
  sla: 'percent',
  'sla-multi-region': 'percent',
  'sla-multi-write': 'percent',
  'managed-sla': 'percent',
  'instance-hour': 'money',
  capacity: 'number',
  'ru-hour': 'money',
  'ru-hour-multi-write': 'money',
  'read-ru': 'number',
  'write-ru': 'number',
  'strong-read-factor': 'number',
  'min-rus': 'number',
  'read-million': 'money',
  'write-million': 'money',
  'replicated-write-million': 'money',
  'eventual-read-units': 'number',
  'node-hour': 'money',
  'node-hour-multi-region': 'money',
  'node-reads': 'number',
  'node-writes': 'number',
};

/** Every key a profile accepts. */
export const profileKeys: string[] = [
  ...Object.keys(generalKeys),
  ...figureStores.flatMap((s) => Object.keys(storeKeys).map((k) => `${s}.${k}`)),
];

function kindOf(key: string): FigureKind | undefined {
  if (generalKeys[key]) return generalKeys[key];
  const dot = key.indexOf('.');
  if (dot < 0 || !(figureStores as readonly string[]).includes(key.slice(0, dot))) return undefined;
  return Object.hasOwn(storeKeys, key.slice(dot + 1)) ? storeKeys[key.slice(dot + 1)] : undefined;
}

const quantityKind: Record<FigureKind, string | undefined> = {
  delay: 'duration',
  percent: 'percent',
  money: 'money',
  number: 'count',
  text: undefined,
  word: undefined,
};

const example: Record<FigureKind, string> = {
  delay: 'a duration or a distribution, e.g. `lognormal(median 3ms, p99 9ms)`',
  percent: 'a percentage, e.g. `99.99%`',
  money: 'an amount, e.g. `$0.008`',
  number: 'a plain number, e.g. `5.5`',
  text: 'a string, e.g. `"AWS price list, read 2026-12-02"`',
  word: 'a word, e.g. `USD`',
};

export function buildProfile(d: A.ProfileDecl, uri: string, builtin: boolean, diagnostics: Diagnostic[]): ProfileModel {
  const bad = (range: A.Name['range'], message: string, fix?: string) =>
    diagnostics.push(
      diagnostic({
        code: 'bad-profile',
        uri,
        range,
        message,
        fixes: fix ? [{ title: `Change to '${fix}'`, edits: [{ uri, range, newText: fix }] }] : undefined,
      }),
    );
  const figures = new Map<string, Figure>();
  for (const e of d.entries ?? []) {
    const key = e.key.text;
    const kind = kindOf(key);
    if (!kind) {
      const near = closest(key, profileKeys);
      bad(
        e.key.range,
        `Unknown profile figure '${key}'.${near ? ` Did you mean '${near}'?` : ''}` +
          ' See docs/language.md#profiles for the keys.',
        near,
      );
      continue;
    }
    const origin = { uri, range: e.range };
    const written =
      e.value?.text ?? e.word?.text ?? (e.text ? JSON.stringify(e.text.value) : e.dist ? 'a distribution' : '');
    const f: Figure = { key, kind, written, source: e.source?.value, origin };
    if (kind === 'delay' && e.dist) {
      const dist = readDistribution(e.dist, uri, diagnostics);
      if (!dist) continue;
      f.dist = dist;
      f.written = describe(dist);
    } else if (kind === 'delay' && e.value?.kind === 'duration') {
      f.dist = { kind: 'fixed', value: e.value.value };
      f.value = e.value.value;
    } else if (kind === 'text' && e.text) f.text = e.text.value;
    else if (kind === 'word' && e.word) f.text = e.word.text;
    else if (e.value && e.value.kind === quantityKind[kind]) f.value = e.value.value;
    else if (kind === 'money' && e.value?.kind === 'count') f.value = e.value.value;
    else {
      bad(e.range, `'${key}' takes ${example[kind]}.`);
      continue;
    }
    if (kind === 'word' && key === 'currency' && f.text !== 'USD' && f.text !== 'INR') {
      bad(e.range, `A profile's currency is USD or INR, not '${f.text}'.`);
      continue;
    }
    if (figures.has(key))
      diagnostics.push(
        diagnostic({
          code: 'duplicate-property',
          uri,
          range: e.key.range,
          message: `'${key}' is set twice in profile '${d.value?.text}'; the later one wins.`,
        }),
      );
    figures.set(key, f);
  }
  return {
    name: d.value?.text ?? '',
    base: d.base?.text,
    builtin,
    figures,
    origin: { uri, range: d.value?.range ?? d.range },
    decl: d,
  };
}
