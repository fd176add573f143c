// A small value tree for generated object literals and its printer. Strings always go through
// `stringLiteral`, comments through `jsdoc`; keys and references must be identifiers the generator chose.
import { jsdoc, stringLiteral } from './escape';
import { isSafeIdentifier } from './identifiers';

export type Value = string | number | boolean | null | ObjectValue | ArrayValue | RefValue;

export interface Member {
  key: string;
  value: Value;
  /** JSDoc lines, e.g. the source line the value came from. */
  doc?: string[];
}

export interface ObjectValue {
  kind: 'object';
  members: Member[];
}

export interface ArrayValue {
  kind: 'array';
  items: { value: Value; doc?: string[] }[];
}

/** A reference to a declaration of the generated module (its identifier). */
export interface RefValue {
  kind: 'ref';
  name: string;
}

export function obj(members: Member[]): ObjectValue {
  return { kind: 'object', members };
}

export function arr(items: Value[], docs?: (string[] | undefined)[]): ArrayValue {
  return { kind: 'array', items: items.map((value, i) => ({ value, doc: docs?.[i] })) };
}

export function ref(name: string): RefValue {
  return { kind: 'ref', name: checked(name) };
}

/** A member; `undefined` becomes `null` so every generated object has every key of its type. */
export function m(key: string, value: Value | undefined, doc?: string[]): Member {
  return { key: checked(key), value: value === undefined ? null : value, doc };
}

/** Converts plain data (driver settings) into a value tree; keys must be identifiers. */
export function plain(x: unknown): Value {
  if (x === null || x === undefined) return null;
  if (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') return x;
  if (Array.isArray(x)) return arr(x.map(plain));
  if (typeof x === 'object') return obj(Object.entries(x as Record<string, unknown>).map(([k, v]) => m(k, plain(v))));
  throw new Error(`cannot emit a ${typeof x}`);
}

function checked(id: string): string {
  if (!isSafeIdentifier(id)) throw new Error(`not a safe identifier: ${JSON.stringify(id)}`);
  return id;
}

/** Numbers print exactly as JavaScript reads them back; non-finite values as expressions of type number. */
export function numberLiteral(n: number): string {
  if (Number.isNaN(n)) return '0 / 0';
  if (n === Infinity) return '1e999';
  if (n === -Infinity) return '-1e999';
  return Object.is(n, -0) ? '0' : String(n);
}

const INDENT = '  ';

function scalar(v: Value): string | undefined {
  if (v === null) return 'null';
  if (typeof v === 'string') return stringLiteral(v);
  if (typeof v === 'number') return numberLiteral(v);
  if (typeof v === 'boolean') return String(v);
  if (v.kind === 'ref') return v.name;
  return undefined;
}

const WIDTH = 120;

/** One-line form of an array or object of scalars without comments, if it has one. */
function flat(v: ArrayValue | ObjectValue): string | undefined {
  if (v.kind === 'array') {
    const parts = v.items.map((i) => (i.doc ? undefined : scalar(i.value)));
    return parts.every((p) => p !== undefined) ? `[${parts.join(', ')}]` : undefined;
  }
  const parts = v.members.map((mem) => (mem.doc ? undefined : scalar(mem.value)));
  return parts.every((p) => p !== undefined)
    ? `{ ${v.members.map((mem, k) => `${mem.key}: ${parts[k]}`).join(', ')} }`
    : undefined;
}

/**
 * Prints a value at `indent`, `lead` characters into its line; containers of scalars stay on one line when they fit.
 */
export function print(v: Value, indent = '', lead = indent.length): string {
  const s = scalar(v);
  if (s !== undefined || v === null || typeof v !== 'object' || v.kind === 'ref') return s ?? 'null';
  const items = v.kind === 'array' ? v.items : v.members;
  if (items.length === 0) return v.kind === 'array' ? '[]' : '{}';
  const one = flat(v);
  if (one !== undefined && lead + one.length + 1 <= WIDTH) return one;
  const inner = indent + INDENT;
  if (v.kind === 'array') {
    const lines = v.items.map((i) => `${doc(i.doc, inner)}${inner}${print(i.value, inner)},`);
    return `[\n${lines.join('\n')}\n${indent}]`;
  }
  const lines = v.members.map(
    (mem) => `${doc(mem.doc, inner)}${inner}${mem.key}: ${print(mem.value, inner, inner.length + mem.key.length + 2)},`,
  );
  return `{\n${lines.join('\n')}\n${indent}}`;
}

function doc(lines: string[] | undefined, indent: string): string {
  const text = lines && lines.length > 0 ? jsdoc(lines, indent) : '';
  return text ? `${text}\n` : '';
}
