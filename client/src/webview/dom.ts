/// <reference lib="dom" />
// DOM building for the webview without HTML strings: every text goes in as textContent, so nothing in the
// results (names, messages, assumptions) can become markup.

type Child = Node | string | number | undefined | null | false;

/** `el('td', { class: 'num' }, '42 ms')`: an element with attributes and text or element children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
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
  return c
    .filter((x): x is Node | string | number => x !== undefined && x !== null && x !== false)
    .map((x) => (typeof x === 'number' ? String(x) : x));
}

/** A cell: text or a node, or `{ num }` for a figure (right-aligned, as numbers are). */
export type Cell = Child | { num: string };

/**
 * A table with a header row and body rows; figures are right-aligned. Each cell carries its column's header
 * as `data-label`, so a narrow panel can stack a row's cells under their labels (simulation.css).
 */
export function table(cls: string, head: string[], rows: { cells: Cell[]; class?: string }[]): HTMLTableElement {
  const cell = (tag: 'th' | 'td', c: Cell, i: number) => {
    const figure = typeof c === 'number' || (typeof c === 'object' && c !== null && 'num' in c);
    const content = typeof c === 'object' && c !== null && 'num' in c ? c.num : c;
    return el(tag, { class: figure ? 'num' : undefined, 'data-label': tag === 'td' ? head[i] : undefined }, content);
  };
  return el(
    'table',
    { class: cls },
    el('thead', {}, el('tr', {}, ...head.map((h, i) => cell('th', h, i)))),
    el(
      'tbody',
      {},
      ...rows.map((r) => el('tr', r.class ? { class: r.class } : {}, ...r.cells.map((c, i) => cell('td', c, i)))),
    ),
  );
}
