// Bytes allocated by a piece of work, from the inspector's sampling heap profiler with the objects garbage
// collection already took kept in the profile (so it counts what was allocated, not what survived).
import { Session } from 'node:inspector';

/** Mean bytes allocated per call of `f` over `runs` calls (after the caller's warm-up). */
export async function allocatedPerRun(f: () => void, runs: number): Promise<number> {
  const session = new Session();
  session.connect();
  const post = <R>(method: string, params?: object) =>
    new Promise<R>((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r as R))));
  await post('HeapProfiler.enable');
  const sampling = {
    samplingInterval: 256,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  };
  await post('HeapProfiler.startSampling', sampling);
  for (let i = 0; i < runs; i++) f();
  interface Node {
    selfSize: number;
    children: Node[];
  }
  const { profile } = await post<{ profile: { head: Node } }>('HeapProfiler.stopSampling');
  session.disconnect();
  let total = 0;
  const walk = (n: Node) => {
    total += n.selfSize;
    n.children.forEach(walk);
  };
  walk(profile.head);
  return total / runs;
}
