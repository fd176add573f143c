// The commands that simulate, export and calibrate: a bundle of their own (out/cli-other.cjs), loaded only when
// one of them runs (command-groups.ts).
export { runCalibrate } from './calibrate';
export { runExport } from './export';
export { runSimulate } from './simulate';
