// TypeScript identifiers for policy names: camelCase for values and members, PascalCase for types.
// Valid for any name (hyphens, dots, digits, unicode, reserved words) and unique within a `NameTable`.

/** Words that cannot name a `const` in a strict-mode ES module (plus globals a declaration must not shadow). */
export const reservedWords: ReadonlySet<string> = new Set([
  'break',
  'case',
  'catch',
  'class',
  'const',
  'continue',
  'debugger',
  'default',
  'delete',
  'do',
  'else',
  'enum',
  'export',
  'extends',
  'false',
  'finally',
  'for',
  'function',
  'if',
  'import',
  'in',
  'instanceof',
  'new',
  'null',
  'return',
  'super',
  'switch',
  'this',
  'throw',
  'true',
  'try',
  'typeof',
  'var',
  'void',
  'while',
  'with',
  'implements',
  'interface',
  'let',
  'package',
  'private',
  'protected',
  'public',
  'static',
  'yield',
  'await',
  'eval',
  'arguments',
  'undefined',
  'NaN',
  'Infinity',
  'globalThis',
]);

/** The alphanumeric runs of a name: `rbi.high_value` → [rbi, high, value]. */
export function words(name: string): string[] {
  return name.split(/[^A-Za-z0-9]+/).filter((w) => w.length > 0);
}

const upperFirst = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** `account_balance` → `accountBalance`; `UPI-payment` → `upiPayment`; `` → `unnamed`; `3ds` → `_3ds`. */
export function camelCase(name: string): string {
  const ws = words(name);
  if (ws.length === 0) return 'unnamed';
  const [first, ...rest] = ws;
  const head = first === first.toUpperCase() ? first.toLowerCase() : first.charAt(0).toLowerCase() + first.slice(1);
  return leadingDigit(head + rest.map(upperFirst).join(''));
}

/** `rbi-core-banking` → `RbiCoreBanking`; `` → `Unnamed`. */
export function pascalCase(name: string): string {
  const ws = words(name);
  if (ws.length === 0) return 'Unnamed';
  return leadingDigit(ws.map(upperFirst).join(''));
}

function leadingDigit(id: string): string {
  return /^[0-9]/.test(id) ? `_${id}` : id;
}

/** True for a plain ASCII identifier the generator may print unquoted as a binding or member name. */
export function isSafeIdentifier(id: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(id) && !reservedWords.has(id) && id !== '__proto__';
}

/**
 * Hands out identifiers in one namespace. The same input always gets the same identifier, in call order:
 * the first `a_b` gets `aB`, a later `a-b` gets `aB_2`. Reserved words get a trailing `_`.
 * Natural names never contain `_` after their first character, so `_N` suffixes cannot collide with them.
 */
export class NameTable {
  private readonly taken = new Set<string>();
  private readonly byName = new Map<string, string>();

  constructor(
    private readonly style: 'camel' | 'pascal',
    reserved: Iterable<string> = [],
  ) {
    for (const r of reserved) this.taken.add(r);
  }

  /** The identifier for `name`, assigning one on first use. */
  get(name: string): string {
    const known = this.byName.get(name);
    if (known !== undefined) return known;
    let base = this.style === 'camel' ? camelCase(name) : pascalCase(name);
    if (reservedWords.has(base)) base = `${base}_`;
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}_${n}`;
    this.taken.add(id);
    this.byName.set(name, id);
    return id;
  }
}
