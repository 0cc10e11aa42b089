// Opt-in handler timing for the benchmark. With CALCINOSIS_NOTES_TIMING=1 in its
// environment, the server (over stdio) writes one line per answered request and per
// published diagnostics to stderr:
//
//   [timing] textDocument/hover 0.142
//   [timing] diagnostics 1.870
//   [timing] load-note-features 24.310
//
// i.e. the method (or "diagnostics": from the didOpen/didChange of a version to the
// diagnostics published for that version) and the milliseconds the server spent, from
// reading the message to writing the answer; or a step of the server's own (`timed`).
// Never a URI, never note text. Off by default: the server then builds its connection
// exactly as before.

import {
  createConnection,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type Connection,
  type Message,
} from 'vscode-languageserver/node';

export const TIMING_ENV = 'CALCINOSIS_NOTES_TIMING';

const timingOn = (): boolean => process.env[TIMING_ENV] === '1';

/** One timing line: `what` and the milliseconds since `since` (performance.now). */
function log(what: string, since: number): void {
  process.stderr.write(`[timing] ${what} ${(performance.now() - since).toFixed(3)}\n`);
}

/** Runs `step`, and with timing on writes how long it took under the name `what`. */
export function timed<T>(what: string, step: () => T): T {
  if (!timingOn()) return step();
  const t = performance.now();
  const result = step();
  log(what, t);
  return result;
}

export function createServerConnection(): Connection {
  if (!timingOn()) return createConnection(ProposedFeatures.all);
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  const requests = new Map<string | number, { method: string; t: number }>();
  const edits = new Map<string, number>();

  const listen = reader.listen.bind(reader);
  reader.listen = (callback) =>
    listen((message: Message) => {
      const m = message as { id?: string | number; method?: string; params?: { textDocument?: { uri?: string; version?: number } } };
      const t = performance.now();
      if (m.method && m.id !== undefined) requests.set(m.id, { method: m.method, t });
      else if (m.method === 'textDocument/didOpen' || m.method === 'textDocument/didChange') {
        const doc = m.params?.textDocument;
        if (doc?.uri !== undefined) edits.set(`${doc.uri}#${doc.version}`, t);
      }
      callback(message);
    });

  const write = writer.write.bind(writer);
  writer.write = (message: Message) => {
    const m = message as { id?: string | number; method?: string; params?: { uri?: string; version?: number } };
    if (m.method === undefined && m.id !== undefined) {
      const r = requests.get(m.id);
      if (r) {
        requests.delete(m.id);
        if (r.method === 'initialize') process.stderr.write(`[timing] process-start-to-initialize ${(process.uptime() * 1000).toFixed(3)}\n`);
        log(r.method, r.t);
      }
    } else if (m.method === 'textDocument/publishDiagnostics' && m.params?.uri !== undefined) {
      const key = `${m.params.uri}#${m.params.version}`;
      const t = edits.get(key);
      if (t !== undefined) {
        edits.delete(key);
        log('diagnostics', t);
      }
    }
    return write(message);
  };
  return createConnection(ProposedFeatures.all, reader, writer);
}
