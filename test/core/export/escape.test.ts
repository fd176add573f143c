// escape.ts: every string literal evaluates back to its input, and no input ends a comment early,
// adds a line to a line comment, adds a JSDoc tag, or hides characters from a reader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import ts from 'typescript';
import { commentText, jsdoc, lineComment, stringLiteral } from '../../../server/src/core/export/escape';

const evalLiteral = (lit: string): unknown => new Function(`return ${lit};`)();

/** The tokens TypeScript's scanner sees in `text`, comments included. */
function tokens(text: string): { kind: string; text: string }[] {
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, false, ts.LanguageVariant.Standard, text);
  const out: { kind: string; text: string }[] = [];
  for (let k = scanner.scan(); k !== ts.SyntaxKind.EndOfFileToken; k = scanner.scan()) {
    if (k !== ts.SyntaxKind.WhitespaceTrivia && k !== ts.SyntaxKind.NewLineTrivia)
      out.push({ kind: ts.SyntaxKind[k], text: scanner.getTokenText() });
  }
  return out;
}

const hostile = [
  '',
  'plain',
  'say "hi"',
  "it's",
  'back\\slash\\',
  'line\nbreak\r\nand\rcarriage',
  'separators\u2028and\u2029',
  '${injection}`',
  'end */ comment /* start',
  '*/ export const pwned = 1; /*',
  '</script><script>alert(1)</script>',
  'nul\u0000 bell\u0007 del\u007f',
  'bidi \u202Eevil\u202C and \u2066isolate\u2069',
  'zero\u200Bwidth and bom\uFEFF',
  'lone \uD800 high and \uDC00 low',
  'emoji 😀 and rupee ₹ and tag \u{E0041}',
  'private \uE000 use',
];

test('string literals evaluate to exactly their input, for hostile strings', () => {
  for (const s of hostile) assert.equal(evalLiteral(stringLiteral(s)), s, JSON.stringify(s));
});

test('a string literal is one token, on one line, with nothing invisible in it', () => {
  for (const s of hostile) {
    const lit = stringLiteral(s);
    assert.deepEqual(
      tokens(lit).map((t) => t.kind),
      ['StringLiteral'],
      JSON.stringify(s),
    );
    assert.doesNotMatch(lit, /[\n\r\u2028\u2029\u202A-\u202E\u2066-\u2069\u200B\uFEFF\u0000-\u001f]/);
    assert.doesNotMatch(lit, /\p{Cs}/u, 'no lone surrogates in the output');
  }
});

test('literals keep readable unicode as is and escape what is hidden', () => {
  assert.equal(stringLiteral('₹1.68 crore — Mumbai ↔ Delhi'), '"₹1.68 crore — Mumbai ↔ Delhi"');
  assert.equal(stringLiteral('a"b\\c\nd'), '"a\\"b\\\\c\\nd"');
  assert.equal(stringLiteral('x\u2028y\u202Ez'), '"x\\u2028y\\u202ez"');
  assert.equal(stringLiteral('\uD800'), '"\\ud800"');
  assert.equal(stringLiteral('\u{E0041}'), '"\\udb40\\udc41"');
});

test('property: any UTF-16 string round-trips through a literal', () => {
  fc.assert(
    fc.property(fc.string16bits(), (s) => evalLiteral(stringLiteral(s)) === s && tokens(stringLiteral(s)).length === 1),
    { numRuns: 500 },
  );
});

test('a JSDoc block stays one comment, whatever the text; `*/` is neutralised and tags escaped', () => {
  for (const s of [...hostile, '@deprecated use the other one', '  @internal']) {
    const doc = jsdoc([s, 'second line']);
    const toks = tokens(`${doc}\nconst x = 1;`);
    assert.equal(toks[0].kind, 'MultiLineCommentTrivia', JSON.stringify(s));
    assert.equal(toks[0].text, doc);
    assert.deepEqual(
      toks.slice(1).map((t) => t.text),
      ['const', 'x', '=', '1', ';'],
    );
    assert.doesNotMatch(doc, /^\s*\*\s*@/m, 'no line starts a JSDoc tag');
  }
  assert.equal(jsdoc(['a */ b']), '/** a *\\/ b */');
  assert.equal(jsdoc(['one\u2028two']), '/**\n * one\n * two\n */');
  assert.equal(jsdoc([]), '');
});

test('property: any text inside a JSDoc block or a line comment stays inside it', () => {
  fc.assert(
    fc.property(fc.array(fc.string16bits(), { maxLength: 3 }), fc.string16bits(), (lines, line) => {
      const doc = jsdoc(lines);
      const afterDoc = tokens(`${doc}\nx;`).map((t) => t.text);
      const comment = lineComment(line);
      const afterLine = tokens(`${comment}\nx;`).map((t) => t.text);
      return (
        (doc === '' || afterDoc.length === 3) &&
        afterDoc.slice(-2).join('') === 'x;' &&
        afterLine.length === 3 &&
        afterLine[0] === comment
      );
    }),
    { numRuns: 500 },
  );
});

test('comment text has no line terminator and shows hidden characters', () => {
  assert.equal(commentText('a\nb\r\nc\u2028d'), 'a b c d');
  assert.equal(commentText('x\u202Ey'), 'x\\u{202e}y');
  assert.equal(lineComment('end */ here'), '// end *\\/ here');
});
