// A minimal LSP client over stdio, as another editor would talk to the server:
// real JSON-RPC messages to the built dist/server.js. Used by protocol tests and benchmarks.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');

export interface LspSession {
  connection: MessageConnection;
  process: ChildProcessWithoutNullStreams;
  initializeResult: InitializeResult;
  /** Everything the server wrote to stderr (must stay free of note text). */
  stderr: () => string;
  /** Log and show-message notifications the server sent. */
  messages: { method: string; params: unknown }[];
  /** Resolves with the first notification of `method` (already received or still to come) that satisfies `accept`. */
  waitForMessage(method: string, accept?: (params: unknown) => boolean, timeoutMs?: number): Promise<unknown>;
  /** Resolves with the next diagnostics published for `uri` (optionally for a given version). */
  nextDiagnostics(uri: string, version?: number): Promise<Diagnostic[]>;
  close(): Promise<void>;
}

export interface StartOptions {
  settings?: unknown;
  /** Extra arguments for node before the server script (e.g. --require a preload). */
  nodeArgs?: string[];
  env?: NodeJS.ProcessEnv;
  /** Advertise workspace/configuration support and answer it with `settings`. */
  pullConfiguration?: boolean;
  rootUri?: string | null;
  /** Another server script to run instead of dist/server.js (the benchmark's floor). */
  serverPath?: string;
}

export async function startServer(options: StartOptions = {}): Promise<LspSession> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.serverPath ?? SERVER, '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: options.env ?? process.env,
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const messages: { method: string; params: unknown }[] = [];
  const waiters: { uri: string; version?: number; resolve: (d: Diagnostic[]) => void }[] = [];
  connection.onNotification((method, params) => {
    if (method === 'textDocument/publishDiagnostics') {
      const p = params as PublishDiagnosticsParams;
      for (let i = waiters.length - 1; i >= 0; i--) {
        const w = waiters[i];
        if (w.uri === p.uri && (w.version === undefined || p.version === w.version)) {
          waiters.splice(i, 1);
          w.resolve(p.diagnostics);
        }
      }
    } else messages.push({ method, params });
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => options.settings ?? null));
  connection.onRequest('window/showMessageRequest', (params: unknown) => {
    // connection.window.show*Message(...) in vscode-languageserver is this request: record it with the notifications.
    messages.push({ method: 'window/showMessageRequest', params });
    return null;
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/inlayHint/refresh', () => null);
  connection.onRequest('workspace/semanticTokens/refresh', () => null);
  connection.listen();
  const initializeResult = (await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: options.rootUri ?? null,
    workspaceFolders: options.rootUri ? [{ uri: options.rootUri, name: 'workspace' }] : null,
    capabilities: {
      workspace: { configuration: !!options.pullConfiguration },
      textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, publishDiagnostics: { relatedInformation: true } },
    },
    initializationOptions: options.settings,
  })) as InitializeResult;
  await connection.sendNotification('initialized', {});
  return {
    connection,
    process: child,
    initializeResult,
    stderr: () => stderr,
    messages,
    waitForMessage(method, accept = () => true, timeoutMs = 30_000) {
      // Polls what has arrived: a condition with a deadline, not a fixed sleep.
      const deadline = Date.now() + timeoutMs;
      return new Promise((resolve, reject) => {
        const look = () => {
          const found = messages.find((m) => m.method === method && accept(m.params));
          if (found) resolve(found.params);
          else if (Date.now() > deadline) reject(new Error(`no ${method} notification within ${timeoutMs} ms`));
          else setTimeout(look, 5);
        };
        look();
      });
    },
    nextDiagnostics(uri, version) {
      return new Promise((resolve) => waiters.push({ uri, version, resolve }));
    },
    async close() {
      try {
        await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await connection.sendNotification('exit');
      } catch {
        /* the process may already be gone */
      }
      connection.dispose();
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            child.kill('SIGKILL');
            resolve();
          }, 2000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
  };
}

/** Opens a document and waits for its first diagnostics. */
export async function openDocument(session: LspSession, uri: string, text: string, languageId = 'clinical-note'): Promise<Diagnostic[]> {
  const diagnostics = session.nextDiagnostics(uri);
  await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  return diagnostics;
}

/** Position of the first occurrence of `needle` in `text` (plus `delta` characters). */
export function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`"${needle}" is not in the text`);
  const before = text.slice(0, offset + delta);
  const line = before.split(/\r\n|\r|\n/).length - 1;
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { line, character: before.length - lastBreak - 1 };
}
