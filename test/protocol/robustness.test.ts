// Protocol abuse, crashes, privacy and logs, against the built server over stdio as another
// editor would drive it. After each abuse the server must still answer a hover correctly.

import { strict as assert } from 'node:assert';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { openDocument, positionOf, SERVER, startServer, type LspSession } from './lspClient';
import { findServerPids } from '../e2e/killServer.mjs';

const EXAMPLE = readFileSync(join(__dirname, '..', '..', 'examples', 'calcinosis-follow-up.note'), 'utf8');
const PRELOAD = join(__dirname, '..', 'fixtures', 'preload', 'no-network.cjs');
const URI = 'file:///notes/robust.note';

function hover(session: LspSession, uri: string, position: { line: number; character: number }): Promise<Hover | null> {
  return session.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }) as Promise<Hover | null>;
}

/** The check run after every abuse: the calcium value of the example still hovers right. */
async function assertHoverStillWorks(session: LspSession, uri = URI, text = EXAMPLE): Promise<void> {
  const h = await hover(session, uri, positionOf(text, 'Ca 10.8', 4));
  assert.ok(h, 'no hover after the abuse');
  assert.match((h.contents as { value: string }).value, /10\.8 mg\/dL/);
  assert.equal(session.process.exitCode, null, 'the server process exited');
}

async function expectError(promise: Promise<unknown>): Promise<ResponseError<unknown>> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ResponseError, `not a JSON-RPC error: ${String(error)}`);
    return error;
  }
  assert.fail('the request should have been answered with an error');
}

const codes = (ds: Diagnostic[]) => ds.map((d) => d.code).sort();

describe('robustness over stdio: protocol abuse', function () {
  this.timeout(120_000);
  let session: LspSession;
  before(async () => {
    session = await startServer();
    await openDocument(session, URI, EXAMPLE);
  });
  after(async () => {
    await session.close();
  });

  it('a hover far outside the document (line 9999, negative columns) is answered, not an error', async () => {
    await hover(session, URI, { line: 9999, character: 0 });
    await hover(session, URI, { line: 0, character: 99999 });
    await hover(session, URI, { line: -1, character: -5 });
    await assertHoverStillWorks(session);
  });

  it('requests about a document that was never opened get empty answers', async () => {
    const uri = 'file:///notes/never-opened.note';
    assert.equal(await hover(session, uri, { line: 0, character: 0 }), null);
    const completion = (await session.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } })) as CompletionItem[] | CompletionList;
    assert.equal(Array.isArray(completion) ? completion.length : completion.items.length, 0);
    const actions = (await session.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      context: { diagnostics: [] },
    })) as CodeAction[];
    assert.deepEqual(actions, []);
    await session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 7 },
      contentChanges: [{ text: 'Ca 10.8 mg/dL' }],
    });
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await assertHoverStillWorks(session);
  });

  it('an unknown request gets MethodNotFound; an unknown notification is ignored', async () => {
    const error = await expectError(session.connection.sendRequest('calcinosis/doesNotExist', { anything: true }));
    assert.equal(error.code, -32601);
    await session.connection.sendNotification('calcinosis/alsoUnknown', { x: 1 });
    await assertHoverStillWorks(session);
  });

  it('a request with malformed parameters gets an error answer, not a crash', async () => {
    const error = await expectError(session.connection.sendRequest('textDocument/hover', { position: 'nowhere' }));
    assert.ok(error.code < 0);
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///notes/bad.note', languageId: 'clinical-note', version: 1, text: 42 } });
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI } });
    await session.connection.sendNotification('textDocument/didOpen', {});
    await assertHoverStillWorks(session);
  });

  it('changes with a stale or out-of-order version, or a range past the end, do not break the document', async () => {
    const uri = 'file:///notes/versions.note';
    const text = 'Labs: Ca 10.8 mg/dL, Phos 7.1 mg/dL\n';
    await openDocument(session, uri, text);
    const v5 = session.nextDiagnostics(uri, 5);
    await session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 5 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'HPI: calcinosis cutis.\n' }],
    });
    await v5;
    // Stale (3 after 5) and a range far past the end: applied by the document sync, clamped.
    await session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line: 9999, character: 0 }, end: { line: 9999, character: 5 } }, text: '\nno calcinosis' }],
    });
    const v6 = session.nextDiagnostics(uri, 6);
    await session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 6 },
      contentChanges: [{ text: 'Ca 10.8 mg/dL, Phos 7.1 mg/dL' }],
    });
    assert.ok(codes(await v6).includes('ca-phos-product-elevated'));
    const h = await hover(session, uri, { line: 0, character: 4 });
    assert.match((h?.contents as { value: string }).value, /10\.8 mg\/dL/);
    await assertHoverStillWorks(session);
  });

  it('a cancelled slow request is answered (with RequestCancelled or a result) and the server keeps answering', async () => {
    // About 3 MB: under the default size limit, so its first analysis takes a while.
    const uri = 'file:///notes/big.note';
    const big = 'Ca 10.8 mg/dL, Phos 7.1 mg/dL; no calcinosis cutis.\n'.repeat(60_000);
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'clinical-note', version: 1, text: big } });
    const source = new CancellationTokenSource();
    const pending = session.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 59_999, character: 4 } }, source.token);
    source.cancel();
    try {
      const result = (await pending) as Hover | null;
      if (result) assert.match((result.contents as { value: string }).value, /10\.8 mg\/dL/);
    } catch (error) {
      assert.ok(error instanceof ResponseError, String(error));
      assert.equal(error.code, -32800); // RequestCancelled
    }
    await assertHoverStillWorks(session);
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });
});

describe('robustness over stdio: malformed settings', function () {
  this.timeout(60_000);
  const cases: [string, unknown, RegExp][] = [
    ['a number instead of an object', 42, /not an object/],
    ['caPhosProduct as a string', { caPhosProduct: 'x' }, /caPhosProduct must be an object/],
    ['severity as a list', { severity: [] }, /severity must be an object/],
    ['a threshold that is not a number', { caPhosProduct: { threshold: 'seventy' } }, /caPhosProduct\.threshold/],
    ['a negative size limit', { maxDocumentSize: -1 }, /maxDocumentSize/],
  ];
  for (const [name, settings, message] of cases) {
    it(`${name}: defaults are used, the user is told once, nothing crashes`, async () => {
      const session = await startServer({ settings, pullConfiguration: true });
      try {
        const diagnostics = await openDocument(session, URI, EXAMPLE);
        const product = diagnostics.find((d) => d.code === 'ca-phos-product-elevated');
        assert.ok(product, 'the default threshold no longer applies');
        assert.match(product.message as string, /> 70, StatPearls/);
        await assertHoverStillWorks(session);
        const shown = session.messages.filter((m) => m.method === 'window/showMessage');
        assert.equal(shown.length, 1, JSON.stringify(shown));
        const text = (shown[0].params as { message: string; type: number }).message;
        assert.match(text, message);
        assert.match(text, /default/);
        assert.equal((shown[0].params as { type: number }).type, 2); // Warning
        // A second document with the same settings does not repeat the message.
        await openDocument(session, 'file:///notes/second.note', 'Ca 9.0 mg/dL');
        assert.equal(session.messages.filter((m) => m.method === 'window/showMessage').length, 1);
      } finally {
        await session.close();
      }
    });
  }
});

describe('robustness over stdio: the size limit', function () {
  this.timeout(60_000);
  it('over calcinosisNotes.maxDocumentSize nothing is analysed and one diagnostic says so, edit after edit', async () => {
    const session = await startServer({ settings: { maxDocumentSize: 2000 } });
    try {
      const text = EXAMPLE + '\n' + 'Ca 10.8 mg/dL, Phos 7.1 mg/dL\n'.repeat(60);
      assert.ok(text.length > 2000);
      const diagnostics = await openDocument(session, URI, text);
      assert.deepEqual(codes(diagnostics), ['document-too-large']);
      assert.match(diagnostics[0].message as string, /maxDocumentSize/);
      assert.deepEqual(diagnostics[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      assert.equal(await hover(session, URI, positionOf(text, 'Ca 10.8', 4)), null);
      for (let version = 2; version <= 4; version++) {
        const next = session.nextDiagnostics(URI, version);
        await session.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri: URI, version },
          contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }],
        });
        assert.deepEqual(codes(await next), ['document-too-large']);
      }
      // Back under the limit: analysed again.
      const small = session.nextDiagnostics(URI, 5);
      await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 5 }, contentChanges: [{ text: 'Ca 10.8 mg/dL, Phos 7.1 mg/dL' }] });
      assert.ok(codes(await small).includes('ca-phos-product-elevated'));
    } finally {
      await session.close();
    }
  });

  it('a 6 MB note under the default limit of 5,000,000 characters is skipped at once, and the server stays responsive', async () => {
    const session = await startServer();
    try {
      const huge = 'Ca 10.8 mg/dL, Phos 7.1 mg/dL, calcinosis cutis. '.repeat(125_000);
      const diagnostics = await openDocument(session, 'file:///notes/huge.note', huge);
      assert.deepEqual(codes(diagnostics), ['document-too-large']);
      await openDocument(session, URI, EXAMPLE);
      await assertHoverStillWorks(session);
    } finally {
      await session.close();
    }
  });
});

describe('robustness over stdio: a huge note being analysed', function () {
  this.timeout(120_000);
  it('hovers on another note are answered while a 3 MB note is analysed in chunks, before its diagnostics arrive', async () => {
    const paragraph =
      'HPI: She denies fever. Calcinosis cutis of both forearms, possible calciphylaxis.\n' +
      'Labs 03/14/2026:\nCa 10.8 mg/dL, Phos 7.1 mg/dL, albumin 3.2 g/dL\n\n';
    const big = paragraph.repeat(Math.ceil(3_000_000 / paragraph.length));
    const session = await startServer({ settings: { maxDocumentSize: big.length + 1 } });
    try {
      await openDocument(session, URI, EXAMPLE);
      let diagnosticsArrived = false;
      const diagnostics = openDocument(session, 'file:///notes/big.note', big).then((d) => {
        diagnosticsArrived = true;
        return d;
      });
      // Asked right after the big note was sent: a server that analysed it in one go would
      // answer only after publishing its diagnostics.
      const answeredFirst: boolean[] = [];
      for (let i = 0; i < 5; i++) {
        await assertHoverStillWorks(session);
        answeredFirst.push(!diagnosticsArrived);
      }
      assert.ok((await diagnostics).some((d) => d.code === 'ca-phos-product-elevated'));
      assert.deepEqual(answeredFirst, [true, true, true, true, true]);
    } finally {
      await session.close();
    }
  });
});

describe('robustness over stdio: a killed server', function () {
  this.timeout(60_000);
  it('a fresh server started after a SIGKILL publishes the same diagnostics for the re-sent document', async () => {
    const first = await startServer();
    const before = await openDocument(first, URI, EXAMPLE);
    assert.ok(before.length > 0);
    // The e2e helper finds the server by its command line (dist/server.js); ours must be among them.
    // Only our own process is killed: other servers from this tree may be running other tests.
    assert.ok(findServerPids({ root: join(__dirname, '..', '..') }).includes(first.process.pid!), 'findServerPids missed the server');
    const exited = new Promise<NodeJS.Signals | null>((resolve) => first.process.once('exit', (_code, signal) => resolve(signal)));
    first.process.kill('SIGKILL');
    assert.equal(await exited, 'SIGKILL');
    first.connection.dispose();

    // What vscode-languageclient does on restart: a new process, and every open document sent again.
    const second = await startServer();
    try {
      const after = await openDocument(second, URI, EXAMPLE);
      assert.deepEqual(after, before);
      await assertHoverStillWorks(second);
    } finally {
      await second.close();
    }
  });
});

describe('robustness over stdio: a broken install', function () {
  this.timeout(30_000);
  it('server.js without noteFeatures.js beside it starts, says once that it cannot analyse, and keeps answering', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'calcinosis-broken-'));
    copyFileSync(SERVER, join(dir, 'server.js'));
    const session = await startServer({ serverPath: join(dir, 'server.js') });
    try {
      const open = (uri: string) =>
        session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'clinical-note', version: 1, text: EXAMPLE } });
      const cannot = (p: unknown) => /cannot analyse notes: its analysis \(noteFeatures\.js/.test((p as { message: string }).message);
      await open('file:///notes/a.note');
      const shown = (await session.waitForMessage('window/showMessage', cannot)) as { type: number; message: string };
      assert.equal(shown.type, 1, 'shown as an error');
      assert.match(shown.message, /MODULE_NOT_FOUND/);
      await open('file:///notes/b.note');
      // A request about a note gets an error answer that says why; the server is still there.
      const error = await expectError(hover(session, 'file:///notes/b.note', positionOf(EXAMPLE, 'Ca 10.8', 4)));
      assert.match(error.message, /cannot analyse notes/);
      assert.equal(session.messages.filter((m) => m.method === 'window/showMessage' && cannot(m.params)).length, 1, 'said more than once');
      assert.equal(session.process.exitCode, null);
    } finally {
      await session.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('robustness over stdio: privacy', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'calcinosis-net-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a full session with networking made to fail works and attempts no connection', async () => {
    const log = join(dir, 'network.log');
    const session = await startServer({ nodeArgs: ['--require', PRELOAD], env: { ...process.env, CALCINOSIS_NETWORK_LOG: log } });
    let closed = false;
    try {
      const diagnostics = await openDocument(session, URI, EXAMPLE);
      const product = diagnostics.find((d) => d.code === 'ca-phos-product-elevated');
      assert.ok(product, 'no Ca×P diagnostic');
      await assertHoverStillWorks(session);
      const completion = (await session.connection.sendRequest('textDocument/completion', {
        textDocument: { uri: URI },
        position: positionOf(EXAMPLE, 'Repeat calcium', 10),
      })) as CompletionItem[] | CompletionList;
      assert.ok((Array.isArray(completion) ? completion : completion.items).length > 0, 'no completion');
      const actions = (await session.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: URI },
        range: product.range,
        context: { diagnostics: [product] },
      })) as CodeAction[];
      assert.ok(actions.length > 0, 'no quick fix for the Ca×P diagnostic');
      const next = session.nextDiagnostics(URI, 2);
      await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: EXAMPLE + '\nno calciphylaxis.' }] });
      await next;
      const cleared = session.nextDiagnostics(URI);
      await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
      assert.deepEqual(await cleared, []);
      await session.close();
      closed = true;
      assert.equal(session.process.exitCode, 0, `the server exited with ${session.process.exitCode} ${session.process.signalCode}`);
    } finally {
      if (!closed) await session.close();
    }
    assert.ok(existsSync(log), 'the preload did not run');
    const records = readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { what: string });
    assert.ok(records.some((r) => r.what === 'preload-active'), 'the preload did not run in the server');
    assert.deepEqual(records.filter((r) => r.what !== 'preload-active'), [], 'the server tried to use the network');
  });

  it('logs of a default session never contain note text', async () => {
    const session = await startServer();
    try {
      await openDocument(session, URI, EXAMPLE);
      await assertHoverStillWorks(session);
      await session.connection.sendRequest('textDocument/completion', { textDocument: { uri: URI }, position: positionOf(EXAMPLE, 'Repeat calcium', 10) });
      await session.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } });
      // Error paths too: a malformed request and a malformed document.
      await session.connection.sendRequest('textDocument/hover', { position: 'nowhere' }).catch(() => undefined);
      await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///notes/n.note', languageId: 'clinical-note', version: 1, text: 42 } });
      await assertHoverStillWorks(session);
    } finally {
      await session.close();
    }
    // Distinctive words and numbers of the note, none of which the server itself would write.
    const secrets = ['amlodipine', 'chalky', 'Raynaud', 'forearm', 'eschar', 'violaceous', 'Scl-70', '03/14/2026', '412', '10.8', '7.1', 'mother with', '52-year-old', 'CREST', 'index finger'];
    const logs = [session.stderr(), ...session.messages.filter((m) => /logMessage|showMessage|telemetry/.test(m.method)).map((m) => JSON.stringify(m.params))].join('\n');
    for (const secret of secrets) assert.ok(!logs.includes(secret), `the log contains note text "${secret}":\n${logs.slice(0, 2000)}`);
    assert.equal(session.messages.filter((m) => m.method === 'telemetry/event').length, 0, 'telemetry was sent');
  });
});
