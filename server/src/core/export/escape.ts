// The only way text from a policy reaches generated TypeScript: string literals through `stringLiteral`,
// comment text through `jsdoc` / `lineComment`. No input can end its literal or comment early, start a
// new line in a line comment, or hide code behind bidirectional or invisible characters.

/** Characters escaped in string literals and made visible in comments: controls, format characters
 *  (bidi overrides, zero-width), private use, lone surrogates, line/paragraph separators. */
const hidden = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\u2028\u2029]/u;
const hiddenAll = new RegExp(hidden.source, 'gu');

const shortEscapes: Record<string, string> = {
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\v': '\\v',
  '\f': '\\f',
  '\r': '\\r',
};

function hex4(unit: string): string {
  return `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** A double-quoted TypeScript string literal that evaluates to exactly `s`. */
export function stringLiteral(s: string): string {
  let out = '"';
  for (const ch of s) {
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (shortEscapes[ch]) out += shortEscapes[ch];
    else if (hidden.test(ch))
      out += ch.split('').map(hex4).join(''); // astral: two \u escapes, valid for any target
    else out += ch;
  }
  return `${out}"`;
}

/** Splits on every line terminator JavaScript knows (CR, LF, CRLF, U+2028, U+2029). */
export function splitLines(s: string): string[] {
  return s.split(/\r\n|[\r\n\u2028\u2029]/);
}

/**
 * Text that is safe inside a comment line: `*` + `/` cannot close the comment (the slash is escaped),
 * hidden characters are shown as `\u{…}`, and the result contains no line terminator.
 */
export function commentText(s: string): string {
  return s
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
    .replace(hiddenAll, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`)
    .replace(/\*\//g, '*\\/');
}

/** A `//` comment line. */
export function lineComment(s: string, indent = ''): string {
  return `${indent}// ${commentText(s)}`.trimEnd();
}

/**
 * A JSDoc block: one line when it fits, else one ` * ` line per input line. Empty input lines are kept
 * as paragraph breaks; a line starting with `@` is escaped so input cannot add JSDoc tags.
 */
export function jsdoc(lines: string[], indent = ''): string {
  const safe = lines.flatMap(splitLines).map((l) =>
    commentText(l)
      .replace(/^(\s*)@/, '$1\\@')
      .trimEnd(),
  );
  while (safe.length > 0 && safe[safe.length - 1] === '') safe.pop();
  if (safe.length === 0) return '';
  if (safe.length === 1 && indent.length + safe[0].length + 7 <= 120) return `${indent}/** ${safe[0]} */`;
  return [`${indent}/**`, ...safe.map((l) => (l ? `${indent} * ${l}` : `${indent} *`)), `${indent} */`].join('\n');
}
