// Fastest chains of links in a topology, worked out lazily per source region with Dijkstra's algorithm over
// each pair's fastest link: near-linear in the links for each region asked about (Floyd–Warshall was cubic
// in the regions and a path walk scanned every link per hop; docs/language.md#limits).
import type { LinkModel } from './model';

export interface Paths {
  /** The round trip of the fastest chain; undefined when none joins them. */
  rtt(a: number, b: number): number | undefined;
  /** The jitters along that chain, added (0 when none joins them). */
  jitter(a: number, b: number): number;
  /** The links of that chain, from a to b. */
  path(a: number, b: number): LinkModel[];
}

/** Shortest paths from one source over its component, by the component's own indexes. */
interface Tree {
  /** The round trips, then (from index m, the component's size) the jitters: one array for both. */
  dist: Float64Array;
  m: number;
  /** The component index each region is entered from on its way from the source (-1: the source). */
  from: Int32Array;
  /** The link it is entered by. */
  link: (LinkModel | undefined)[];
}

export function shortestPaths(n: number, links: { i: number; j: number; link: LinkModel }[]): Paths {
  // Each pair's fastest link (the first of equals), both ways.
  const adj: Map<number, LinkModel>[] = Array.from({ length: n }, () => new Map());
  for (const { i, j, link } of links) {
    if (i === j || !(link.rttMs < (adj[i].get(j)?.rttMs ?? Infinity))) continue;
    adj[i].set(j, link);
    adj[j].set(i, link);
  }
  // Components (by breadth-first search), and each region's index inside its own.
  const comp = new Int32Array(n).fill(-1);
  const local = new Int32Array(n);
  const members: number[][] = [];
  for (let s = 0; s < n; s++) {
    if (comp[s] !== -1) continue;
    const c = members.length;
    const list = [s];
    comp[s] = c;
    for (let k = 0; k < list.length; k++) {
      local[list[k]] = k;
      for (const v of adj[list[k]].keys()) if (comp[v] === -1) ((comp[v] = c), list.push(v));
    }
    members.push(list);
  }
  // The neighbours and links as arrays, in the maps' order (walked without an entry array per neighbour), made
  // with the first tree asked for.
  let near: Adjacent[] | undefined;
  const trees = new Map<number, Tree>();
  const tree = (s: number) => {
    let t = trees.get(s);
    if (!t) {
      near ??= adj.map((m) => ({ to: [...m.keys()], by: [...m.values()] }));
      trees.set(s, (t = dijkstra(s, near, members[comp[s]], local)));
    }
    return t;
  };
  return {
    rtt: (a, b) => (comp[a] === comp[b] ? (a === b ? 0 : tree(a).dist[local[b]]) : undefined),
    jitter: (a, b) => {
      if (comp[a] !== comp[b] || a === b) return 0;
      const t = tree(a);
      return t.dist[t.m + local[b]];
    },
    path(a, b) {
      if (comp[a] !== comp[b] || a === b) return [];
      const t = tree(a);
      const out: LinkModel[] = [];
      for (let x = local[b]; t.from[x] !== -1; x = t.from[x]) out.push(t.link[x]!);
      return out.reverse();
    },
  };
}

/** A region's neighbours and, at the same index, the fastest link to each. */
interface Adjacent {
  to: number[];
  by: LinkModel[];
}

function dijkstra(s: number, adj: Adjacent[], list: number[], local: Int32Array): Tree {
  const m = list.length;
  // Two typed arrays, not five (each is several objects): round trips and jitters; entered-from and done flags.
  const dist = new Float64Array(2 * m).fill(Infinity, 0, m);
  const from = new Int32Array(2 * m).fill(-1, 0, m);
  const link: (LinkModel | undefined)[] = new Array(m);
  const done = m; // from[done + i]: 1 once region i is settled
  dist[local[s]] = 0;
  const heap = new MinHeap();
  heap.push(0, s);
  while (heap.size > 0) {
    const d = heap.topKey();
    const u = heap.pop();
    const lu = local[u];
    if (from[done + lu]) continue;
    from[done + lu] = 1;
    const { to, by } = adj[u];
    for (let e = 0; e < to.length; e++) {
      const v = to[e];
      const l = by[e];
      const lv = local[v];
      const nd = d + l.rttMs;
      if (from[done + lv] || !(nd < dist[lv])) continue;
      dist[lv] = nd;
      dist[m + lv] = dist[m + lu] + l.jitterMs;
      from[lv] = lu;
      link[lv] = l;
      heap.push(nd, v);
    }
  }
  return { dist, m, from, link };
}

/** A binary heap of (key, value) pairs, smallest key first; equal keys in insertion order. */
class MinHeap {
  private keys: number[] = [];
  private values: number[] = [];
  private order: number[] = [];
  private count = 0;

  get size(): number {
    return this.keys.length;
  }

  push(key: number, value: number): void {
    this.keys.push(key);
    this.values.push(value);
    this.order.push(this.count++);
    let i = this.keys.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }

  /** The smallest key (the one `pop` takes next). */
  topKey(): number {
    return this.keys[0];
  }

  /** Takes the entry of the smallest key off the heap and returns its value. */
  pop(): number {
    const top = this.values[0];
    const last = this.keys.length - 1;
    this.swap(0, last);
    this.keys.pop();
    this.values.pop();
    this.order.pop();
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.keys.length && this.less(l, m)) m = l;
      if (r < this.keys.length && this.less(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    return this.keys[a] < this.keys[b] || (this.keys[a] === this.keys[b] && this.order[a] < this.order[b]);
  }

  // With temporaries, not `[x, y] = [y, x]`: that makes an array (and its iterator) until the code is optimised.
  private swap(a: number, b: number): void {
    const { keys, values, order } = this;
    const k = keys[a];
    keys[a] = keys[b];
    keys[b] = k;
    const v = values[a];
    values[a] = values[b];
    values[b] = v;
    const o = order[a];
    order[a] = order[b];
    order[b] = o;
  }
}
