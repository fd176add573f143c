// Pathological policy shapes (docs/language.md#limits, issue 12), each generated at a size n: the bench times
// them at 1×, 10× and 100× (bench/pathological.ts) and the property suite analyses them (test/property).
export interface Shape {
  name: string;
  /** The size the bench calls 1× (100× must stay within the limits or be refused by one). */
  base: number;
  text(n: number): string;
}

const regions = (n: number, prefix = 'r') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

export const shapes: Shape[] = [
  {
    name: 'nested when',
    base: 4,
    text: (n) =>
      'data d {\n  consistency strong\n' +
      Array.from({ length: n }, (_, i) => `when amount > ${i} {\n`).join('') +
      'consistency eventual\n' +
      '}\n'.repeat(n) +
      '}\n',
  },
  {
    name: 'nested mix(',
    base: 5,
    text: (n) =>
      'topology t {\n  region a { primary }\n  region b\n  link a <-> b ' +
      'mix(1 '.repeat(n) +
      'fixed(5ms)' +
      ')'.repeat(n) +
      '\n}\n',
  },
  {
    name: 'region chain with a latency bound',
    base: 3,
    text: (n) => {
      const rs = regions(n);
      const links = rs
        .slice(1)
        .map((r, i) => `  link ${rs[i]} <-> ${r} 5ms`)
        .join('\n');
      return (
        `topology t {\n${rs.map((r, i) => `  region ${r} {${i === 0 ? ' primary' : ''} }`).join('\n')}\n` +
        `${links}\n}\ndata d { topology t consistency strong latency write p99 <= 10ms }\n`
      );
    },
  },
  {
    name: 'regions without links',
    base: 20,
    text: (n) =>
      `topology t {\n${regions(n)
        .map((r, i) => `  region ${r} {${i === 0 ? ' primary' : ''} }`)
        .join('\n')}\n}\n` + 'data d { topology t consistency strong latency write p99 <= 10ms }\n',
  },
  {
    name: 'when branches',
    base: 40,
    text: (n) =>
      'data d {\n  consistency eventual\n' +
      Array.from({ length: n }, (_, i) => `  when amount >= ${i} { staleness <= ${i + 1}s }\n`).join('') +
      '}\n',
  },
  {
    name: 'disjoint when branches',
    base: 40,
    text: (n) =>
      'data d {\n  consistency eventual\n' +
      Array.from(
        { length: n },
        (_, i) => `  when amount >= ${i} and amount < ${i + 1} { staleness <= ${i + 1}s }\n`,
      ).join('') +
      '}\n',
  },
  {
    name: 'duplicate links',
    base: 800,
    text: (n) => 'topology t {\n  region a { primary }\n  region b\n' + '  link a <-> b 5ms\n'.repeat(n) + '}\n',
  },
  {
    name: 'keyword soup',
    base: 20,
    text: (n) => 'data when topology { region link } replicas ( mix , <-> when\n'.repeat(n),
  },
];
