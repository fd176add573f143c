// The commands that read policies and report on them: a bundle of their own (out/cli-analysis.cjs), so a
// check loads the analysis and nothing of the simulator or the exporter (command-groups.ts).
export { runCheck } from './check';
export { runExplain } from './explain';
