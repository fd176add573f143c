// The simulator: events per second and the wall time of each clean sample's default runs (what ▶ Simulate
// will run), and a 10-million-operation run with its peak heap, to show memory stays bounded.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../server/src/core/pipeline';
import { simulateData } from '../server/src/core/simulate/index';

export function benchSimulator(samplesDir: string, bigOps: number): void {
  console.log('\nsimulator (default scenario per data type: its workload, clients in every region, no faults)');
  let totalEvents = 0;
  let totalMs = 0;
  for (const f of readdirSync(samplesDir).filter((n) => n.endsWith('.consistency')).sort()) {
    const path = join(samplesDir, f);
    const a = analyze([{ uri: pathToFileURL(path).href, text: readFileSync(path, 'utf8') }]);
    const t = performance.now();
    let events = 0;
    let slowest = 0;
    for (const d of a.model.data.values()) {
      const t1 = performance.now();
      events += simulateData(a.model, d).events;
      slowest = Math.max(slowest, performance.now() - t1);
    }
    const ms = performance.now() - t;
    totalEvents += events;
    totalMs += ms;
    console.log(`  ${f.padEnd(40)} ${String(a.model.data.size).padStart(3)} data types  ${ms.toFixed(0).padStart(6)} ms  slowest run ${slowest.toFixed(0).padStart(4)} ms  ${(events / ms / 1000).toFixed(2)} M events/s`);
  }
  console.log(`  all samples: ${(totalEvents / totalMs / 1000).toFixed(2)} million events/s on one core`);

  const path = join(samplesDir, 'upi-wallet.consistency');
  const a = analyze([{ uri: pathToFileURL(path).href, text: readFileSync(path, 'utf8') }]);
  const data = [...a.model.data.values()][0];
  let peak = 0;
  const t = performance.now();
  const { events, result } = simulateData(a.model, data, {
    ops: bigOps,
    onProgress: () => {
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    },
  });
  const ms = performance.now() - t;
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  console.log(`  ${bigOps.toLocaleString('en-US')}-operation run of ${data.name}: ${(ms / 1000).toFixed(1)} s, ${(events / ms / 1000).toFixed(2)} M events/s, peak heap ${(peak / 2 ** 20).toFixed(0)} MB, ${result.events.toLocaleString('en-US')} events`);
}
