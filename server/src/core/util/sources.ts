// Citations users can follow: `source L3673–L3718` (lines of the source text, which is not public) and
// `digest §4.4` (the project's digest of it) get a link to the section of docs/sources.md that says what
// those lines hold. One rewrite, applied where texts reach users (diagnostics, estimates, printed results).
import { remembered } from './remembered';

export const SOURCES_DOC = 'docs/sources.md';

/** First lines of the source text's sections, as docs/sources.md lists them (`<a id="l…">`). */
export const sourceSections = [
  1, 40, 461, 535, 629, 701, 795, 909, 1110, 1265, 1360, 1477, 1672, 1796, 1912, 2023, 2181, 2248, 2321, 2407, 2778,
  3007, 3124, 3415, 3525, 3738, 4126, 5105, 5475,
] as const;

// Non-ASCII characters in patterns as escapes (\u2013 is '–', \u00a7 is '§'), as in tokens.ts.
const range = String.raw`L\d+(?:[\u2013-]L?\d+)?`;
const SOURCE = new RegExp(String.raw`\bsource (${range}(?:(?:, | and )${range})*)`, 'g');
const DIGEST = /\b(?:source-)?digest \u00a7(\d+)(?:\.\d+)*(?: items? \d+)?/g;
const LINK = `, see ${SOURCES_DOC}`;

const anchorOf = (lines: string) => sourceAnchor(Number(/\d+/.exec(lines)![0])).split('#')[1];

/** The docs/sources.md anchor of the section holding line `line` of the source text. */
export function sourceAnchor(line: number): string {
  let start: number = sourceSections[0];
  for (const s of sourceSections) if (s <= line) start = s;
  return `${SOURCES_DOC}#l${start}`;
}

/** Rewritten texts by input: the same few messages recur on every declaration of a large file. */
const rewritten = remembered(rewrite, 4096);

/** `source L3673–L3718` → `source L3673–L3718, see docs/sources.md#l3525`; likewise `digest §n`. */
export function followable(text: string): string {
  if (!text.includes('source L') && !text.includes('digest §')) return text;
  return rewritten(text);
}

function rewrite(text: string): string {
  const linked = (s: string, at: number, m: string) => s.startsWith(LINK, at + m.length);
  return text
    .replace(SOURCE, (m, lines: string, at: number, s: string) =>
      linked(s, at, m) ? m : `${m}, see ${SOURCES_DOC}#${anchorOf(lines)}`,
    )
    .replace(DIGEST, (m, section: string, at: number, s: string) => {
      // `digest §8.6, source L1368…`: the source's link that follows serves both.
      const served = linked(s, at, m) || /^, source L.*?, see /.test(s.slice(at + m.length));
      return served ? m : `${m}, see ${SOURCES_DOC}#digest-${section}`;
    });
}

/** For Markdown next to docs/sources.md: each citation becomes a link, `[source L3673–L3718](sources.md#l3525)`. */
export function linkedCitations(markdown: string): string {
  const file = SOURCES_DOC.replace(/^docs\//, '');
  return markdown
    .replace(SOURCE, (m, lines: string) => `[${m}](${file}#${anchorOf(lines)})`)
    .replace(DIGEST, (m, section: string) => `[${m}](${file}#digest-${section})`);
}
