// identifiers.ts: camelCase and PascalCase identifiers that are valid TypeScript and unique per table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import ts from 'typescript';
import {
  camelCase,
  isSafeIdentifier,
  NameTable,
  pascalCase,
  reservedWords,
} from '../../../server/src/core/export/identifiers';

/** True when `const <id> = 1;` parses as one declaration of exactly that name in a module. */
function declares(id: string): boolean {
  const sf = ts.createSourceFile('m.ts', `export const ${id} = 1;`, ts.ScriptTarget.ES2022, true);
  const diags = (sf as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics;
  const st = sf.statements[0];
  return (
    diags.length === 0 &&
    sf.statements.length === 1 &&
    ts.isVariableStatement(st) &&
    st.declarationList.declarations[0].name.getText(sf) === id
  );
}

test('camelCase and PascalCase follow TypeScript conventions', () => {
  assert.equal(camelCase('account_balance'), 'accountBalance');
  assert.equal(camelCase('UPI-payment'), 'upiPayment');
  assert.equal(camelCase('rbi.high_value'), 'rbiHighValue');
  assert.equal(camelCase('accountBalance'), 'accountBalance');
  assert.equal(camelCase('3ds'), '_3ds');
  assert.equal(camelCase('__'), 'unnamed');
  assert.equal(camelCase('__proto__'), 'proto');
  assert.equal(pascalCase('rbi-core-banking-policy'), 'RbiCoreBankingPolicy');
  assert.equal(pascalCase('शेयर'), 'Unnamed');
});

test('names that collide after case conversion get distinct identifiers, in order', () => {
  const t = new NameTable('camel');
  assert.deepEqual(
    ['a_b', 'a-b', 'aB', 'a.b', 'a_b'].map((n) => t.get(n)),
    ['aB', 'aB_2', 'aB_3', 'aB_4', 'aB'],
  );
});

test('reserved words and the module’s own names are avoided', () => {
  const t = new NameTable('camel', ['policy']);
  assert.equal(t.get('delete'), 'delete_');
  assert.equal(t.get('class'), 'class_');
  assert.equal(t.get('eval'), 'eval_');
  assert.equal(t.get('arguments'), 'arguments_');
  assert.equal(t.get('Policy'), 'policy_2');
  assert.equal(t.get('policy_'), 'policy_3');
  for (const w of reservedWords) assert.ok(declares(new NameTable('camel').get(w)), w);
  const types = new NameTable('pascal', ['DataType']);
  assert.equal(types.get('data-type'), 'DataType_2');
});

const namesOfTheLanguage = fc.stringMatching(
  /^[A-Za-z_][A-Za-z0-9_]{0,8}(-[A-Za-z0-9_]{1,4}){0,2}(\.[A-Za-z_][A-Za-z0-9_]{0,5})?$/,
);

test('property: any name the language accepts gets a valid, unique identifier', () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(
        fc.oneof(
          namesOfTheLanguage,
          fc.constantFrom(...reservedWords, 'constructor', '__proto__', 'toString', 'a_b', 'a-b', 'aB'),
        ),
        { maxLength: 12 },
      ),
      (names) => {
        const t = new NameTable('camel', ['policy']);
        const ids = names.map((n) => t.get(n));
        return (
          new Set(ids).size === ids.length && ids.every((id) => isSafeIdentifier(id) && declares(id) && id !== 'policy')
        );
      },
    ),
    { numRuns: 300 },
  );
});

test('property: any file name gives a valid PascalCase type name', () => {
  fc.assert(
    fc.property(fc.fullUnicodeString(), (name) => {
      const id = new NameTable('pascal').get(`${name}-policy`);
      return isSafeIdentifier(id) && /^[A-Z_]/.test(id);
    }),
  );
});
