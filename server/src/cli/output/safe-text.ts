// Terminal-safe text: a policy (or a file name) may hold control characters — ESC sequences that retitle or
// clear a terminal, BEL, CR that overwrites a line, C1 controls, bidirectional overrides. The human formats
// escape them where policy text is printed (escapeControls), and every byte the CLI writes passes a last
// guard (guardOutput) that lets through only the line breaks, tabs and colour/erase codes the CLI makes itself.

/** C0 controls and DEL as their one-column Unicode pictures (ESC → ␛, BEL → ␇, CR → ␍, DEL → ␡). */
function picture(c: string): string {
  const code = c.charCodeAt(0);
  return code === 0x7f ? '\u2421' : String.fromCharCode(0x2400 + code);
}

/** C1 controls and invisible direction marks as `\uXXXX` text (also a valid escape inside a JSON string). */
function codePoint(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

const wide = /[\u0080-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const wideOrDel = /[\x7f\u0080-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Policy text made safe to print: every control character shown as a visible picture (one column each, so an
 * underline below stays aligned); line breaks too unless `keepNewlines`.
 */
export function escapeControls(text: string, keepNewlines = true): string {
  const c0 = keepNewlines ? /[\x00-\x08\x0b-\x1f\x7f]/g : /[\x00-\x08\x0a-\x1f\x7f]/g;
  return text.replace(c0, picture).replace(wide, codePoint);
}

/**
 * The last guard on everything written: C0 controls other than line feed, tab and carriage return (the
 * progress bar's), ESC unless it starts a colour (`ESC[…m`) or erase-line (`ESC[K`) code, DEL, C1 controls and
 * direction overrides are escaped. JSON output is unchanged in meaning (it holds no raw C0 controls, and the
 * others become `\uXXXX` escapes of the same characters).
 */
export function guardOutput(text: string): string {
  return text
    .replace(/\x1b(?!\[[0-9;]*[mK])|[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f]/g, picture)
    .replace(wideOrDel, codePoint);
}
