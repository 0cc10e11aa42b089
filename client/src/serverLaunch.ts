// How the client starts the server's Node process. Kept apart from extension.ts (no vscode
// import) so that the benchmark starts the server exactly as VS Code does.

/**
 * --expose-gc lets the server ask V8 for one full collection after a huge note (see
 * server/src/memoryRelease.ts): V8 gives memory back only after one, and a quiet server may
 * otherwise hold tens of megabytes for good.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--expose-gc'];
