// Types for killServer.mjs (used from TypeScript tests).
export function findServerPids(options?: { root?: string; script?: string }): number[];
export function killServer(options?: { root?: string; signal?: NodeJS.Signals }): number[];
