// Policy file → one TypeScript module: the generated header, the type declarations, a `const` per data
// type, and `policy` (typed by an exported interface named after the file). Deterministic: the same
// input always gives the same bytes, whatever the absolute path of the file.
import { isBuiltin } from '../model/build-model';
import type { DataModel } from '../model/model';
import type { Analysis } from '../pipeline';
import { dataValue } from './data-value';
import { driverGaps, driverSystems, type DriverGap } from '../stores/index';
import { arr, m, obj, print, ref } from './emit';
import { jsdoc } from './escape';
import { generatedHeader } from './header';
import { NameTable } from './identifiers';
import { fileName, Sources } from './sources';
import { declaredTypeNames, typeDeclarations } from './types';

export interface ExportResult {
  /** The module's text, ending with a newline. */
  text: string;
  /** The name of the interface typing `policy`. */
  typeName: string;
  /** Data type name → the identifier of its constant. */
  identifiers: Map<string, string>;
  /** What the driver settings cannot give exactly (see `driverGaps`). */
  gaps: DriverGap[];
}

/** Identifiers of the module's own values that data types must not take. */
const ownValues = ['policy'];

/** Generates the module for the policy file `uri` of an analysis (its data types and transactions). */
export function exportTypeScript(analysis: Analysis, uri: string): ExportResult {
  const model = analysis.modelOf(uri);
  const sources = new Sources(analysis.documents);
  const source = fileName(uri);
  const file = model.files.find((f) => f.uri === uri);
  const currency = file?.currency?.value ?? 'INR';
  const data = [...model.data.values()].filter((d) => d.origin.uri === uri && !isBuiltin(uri));
  const transactions = [...model.transactions.values()].filter((t) => t.origin.uri === uri);

  const values = new NameTable('camel', ownValues);
  const identifiers = new Map(data.map((d) => [d.name, values.get(d.name)]));
  const typeName = new NameTable('pascal', declaredTypeNames).get(`${source.replace(/\.consistency$/, '')}-policy`);
  const txNames = new NameTable('camel');
  const txIds = transactions.map((t) => txNames.get(t.name));

  const systems = file?.stores?.map((s) => s.name) ?? driverSystems;
  const out: string[] = [generatedHeader(source), '', typeDeclarations(systems), ''];
  out.push(jsdoc([`The shape of ${source}: its data types and transactions, by identifier.`]));
  out.push(`export interface ${typeName} {`);
  out.push(
    '  readonly title: string | null;',
    '  readonly source: string;',
    '  readonly currency: Currency;',
    '  readonly profile: string | null;',
  );
  out.push('  readonly data: {');
  for (const d of data)
    out.push(`${jsdoc([`\`${d.name}\``], '    ')}\n    readonly ${identifiers.get(d.name)}: DataType;`);
  out.push('  };', '  readonly transactions: {');
  transactions.forEach((t, k) =>
    out.push(`${jsdoc([`\`${t.name}\``], '    ')}\n    readonly ${txIds[k]}: Transaction;`),
  );
  out.push('  };', '}', '');

  const ctx = { sources, estimate: (d: DataModel) => analysis.estimate(d), currency, systems };
  for (const d of data) {
    const id = identifiers.get(d.name)!;
    const description = sources.leadingComment(d.origin.uri, d.decl.range.start);
    out.push(jsdoc([`\`${d.name}\` (${sources.line(d.origin)})`, ...(description ? ['', description] : [])]));
    out.push(`export const ${id} = ${print(dataValue(d, ctx))} as const satisfies DataType;`, '');
  }

  const policyValue = obj([
    m('title', file?.title ?? null),
    m('source', source),
    m('currency', currency, file?.currency ? sources.doc(file.currency.origin) : ['not declared: INR']),
    m(
      'profile',
      file?.profile?.value ?? null,
      file?.profile ? sources.doc(file.profile.origin) : ['not declared: the default profile'],
    ),
    m('data', obj(data.map((d) => m(identifiers.get(d.name)!, ref(identifiers.get(d.name)!))))),
    m(
      'transactions',
      obj(
        transactions.map((t, k) =>
          m(
            txIds[k],
            obj([m('name', t.name), m('members', arr(t.members.map((x) => x.name.text)))]),
            sources.doc(t.origin, { note: 'written together atomically' }),
          ),
        ),
      ),
    ),
  ]);
  out.push(jsdoc([file?.title !== undefined ? `Policy "${file.title}" (${source})` : `Policy ${source}`]));
  out.push(
    `export const policy = ${print(policyValue)} as const satisfies ${typeName};`,
    '',
    'export default policy;',
    '',
  );
  return {
    text: out.join('\n'),
    typeName,
    identifiers,
    gaps: data.flatMap(driverGaps).filter((g) => systems.includes(g.system)),
  };
}
