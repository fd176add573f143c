// Analysis time of the pathological shapes (bench/shapes.ts, issue 12) at 1×, 10× and 100× their base size:
// each should grow about linearly (10× the size, about 10× the time), and every one stays well under a
// second at 100× — sizes past a limit (docs/language.md#limits) show the limit's cut. Median of a few runs.
import { analyze } from '../server/src/core/pipeline';
import { shapes } from './shapes';
import { median } from './stats';

function medianMs(text: string, runs: number): { ms: number; diagnostics: number } {
  const times: number[] = [];
  let diagnostics = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    diagnostics = analyze([{ uri: 'file:///pathological.consistency', text }]).diagnostics.length;
    times.push(performance.now() - t0);
  }
  return { ms: median(times), diagnostics };
}

export function benchPathological(): void {
  console.log(
    '\npathological shapes: analysis (parse + check) in ms at 1×, 10× and 100× the size; ' +
      '×: the time ratio for 10× the size\n',
  );
  const pad = (s: string, n: number) => s.padStart(n);
  const size = (w: number) => `${pad('n', w)} ${pad('KB', w + 1)} ${pad('ms', 8)}`;
  console.log(`${'shape'.padEnd(36)} ${size(6)} ${pad('×', 6)} ${size(6)} ${pad('×', 6)} ${size(7)}`);
  for (const shape of shapes) {
    const cells: string[] = [];
    let previous: number | undefined;
    for (const k of [1, 10, 100]) {
      const n = shape.base * k;
      const text = shape.text(n);
      medianMs(text, 1); // warm-up
      const { ms } = medianMs(text, k === 100 ? 3 : 7);
      if (previous !== undefined) cells.push(pad((ms / Math.max(previous, 0.01)).toFixed(1), 6));
      const w = k === 100 ? 7 : 6;
      cells.push(pad(String(n), w), pad((text.length / 1024).toFixed(1), w + 1), pad(ms.toFixed(1), 8));
      previous = ms;
    }
    console.log(`${shape.name.padEnd(36)} ${cells.join(' ')}`);
  }
}
