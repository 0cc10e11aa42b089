// What the in-process benchmarks call, gathered into one entry point so that bench/shipped.ts
// can bundle it the way esbuild.mjs bundles the server.

export { analyzeText } from '../server/src/analysis/analyze';
export { applyEdit, updateAnalysis } from '../server/src/analysis/incremental';
export { LineIndex } from '../server/src/analysis/lineIndex';
