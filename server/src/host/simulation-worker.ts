// The simulation worker thread (out/simulation-worker.cjs), the one host of the editor's and the command
// line's simulations: it runs one job at a time (host/simulation-loop.ts) as the main thread posts them.
import { parentPort } from 'node:worker_threads';
import { runInWorker, type WorkerRun } from './simulation-loop';

parentPort?.on('message', (m: WorkerRun) => runInWorker(m, (msg) => parentPort!.postMessage(msg)));
