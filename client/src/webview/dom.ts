/// <reference lib="dom" />
// DOM building for the webview without HTML strings: every text goes in as textContent, so nothing in the
// results (names, messages, assumptions) can become markup.

type Child = Node | string | number | undefined | null | false;

/** `el('td', { class: 'num' }, '42 ms')`: an element with attributes and text or element children. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) e.setAttribute(k, v);
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    e.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return e;
}

/** The nodes among `c` (empty ones dropped), for replaceChildren. */
export function nodes(...c: Child[]): (Node | string)[] {
  return c.filter((x): x is Node | string | number => x !== undefined && x !== null && x !== false).map((x) => (typeof x === 'number' ? String(x) : x));
}

/** A table with a header row and body rows; cells that are numbers are right-aligned. */
export function table(cls: string, head: string[], rows: { cells: Child[]; class?: string }[]): HTMLTableElement {
  const cell = (tag: 'th' | 'td', c: Child) => el(tag, typeof c === 'number' ? { class: 'num' } : {}, c);
  return el(
    'table',
    { class: cls },
    el('thead', {}, el('tr', {}, ...head.map((h) => cell('th', h)))),
    el('tbody', {}, ...rows.map((r) => el('tr', r.class ? { class: r.class } : {}, ...r.cells.map((c) => cell('td', c))))),
  );
}
