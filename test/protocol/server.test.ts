// The built server over stdio, driven as another editor would drive it.

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompletionItem, CompletionList, Hover } from 'vscode-languageserver-protocol';
import { openDocument, positionOf, startServer, type LspSession } from './lspClient';

const EXAMPLE = readFileSync(join(__dirname, '..', '..', 'examples', 'calcinosis-follow-up.note'), 'utf8');
const URI = 'file:///notes/follow-up.note';

describe('language server over stdio (JSON-RPC)', () => {
  let session: LspSession;
  before(async () => {
    session = await startServer();
  });
  after(async () => {
    await session.close();
  });

  it('answers initialize with the features it serves', () => {
    const caps = session.initializeResult.capabilities;
    assert.ok(caps.hoverProvider);
    assert.ok(caps.completionProvider);
    assert.ok(caps.codeActionProvider);
    assert.ok(caps.semanticTokensProvider);
    assert.equal(session.initializeResult.serverInfo?.name, 'calcinosis-notes');
  });

  it('publishes the Ca×P warning with its working and source when a note opens', async () => {
    const diagnostics = await openDocument(session, URI, EXAMPLE);
    const product = diagnostics.find((d) => d.code === 'ca-phos-product-elevated');
    assert.ok(product, `no Ca×P diagnostic among ${JSON.stringify(diagnostics.map((d) => d.code))}`);
    assert.match(String(product.message), /10\.8 mg\/dL × phosphate 7\.1 mg\/dL = 76\.7 mg²\/dL²/);
    assert.match(String(product.message), /70/);
    assert.equal(product.source, 'calcinosis-notes');
    assert.equal(product.severity, 2);
    assert.ok(product.codeDescription?.href.includes('#ca-phos-product-elevated'));
    assert.equal(product.relatedInformation?.length, 2);
  });

  it('sends a summary of what it found (counts only) for the language status item', async () => {
    const summary = (await session.waitForMessage('calcinosisNotes/summary', (p) => (p as { uri: string }).uri === URI)) as Record<string, unknown>;
    assert.equal(summary.uri, URI);
    assert.ok((summary.terms as number) > 10);
    assert.ok((summary.labs as number) >= 8);
    assert.equal(summary.elevatedProducts, 1);
    assert.deepEqual(Object.keys(summary).sort(), ['elevatedProducts', 'labs', 'products', 'terms', 'uri', 'version']);
  });

  it('hovers a calcinosis type with a definition and its assertion', async () => {
    const hover = (await session.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: URI },
      position: positionOf(EXAMPLE, 'Rule out calciphylaxis', 12),
    })) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /\*\*Calciphylaxis\*\*/);
    assert.match(value, /Why it matters/);
    assert.match(value, /possible/);
  });

  it('says in the hover when a term is negated in its sentence', async () => {
    const hover = (await session.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: URI },
      position: positionOf(EXAMPLE, 'dermatomyositis.', 3),
    })) as Hover;
    assert.match((hover.contents as { value: string }).value, /negated here|historical/i);
  });

  it('hovers a lab value with both unit systems', async () => {
    const hover = (await session.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: URI },
      position: positionOf(EXAMPLE, 'Ca 10.8', 4),
    })) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /10\.8 mg\/dL/);
    assert.match(value, /2\.69|2\.7\d? mmol\/L/);
  });

  it('offers the workup order set as a snippet completion', async () => {
    const uri = 'file:///notes/plan.note';
    const text = 'Plan:\ncc-work';
    await openDocument(session, uri, text);
    const result = (await session.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line: 1, character: 7 },
    })) as CompletionItem[] | CompletionList;
    const items = Array.isArray(result) ? result : result.items;
    const workup = items.find((i) => /workup/i.test(i.label) && i.insertTextFormat === 2);
    assert.ok(workup, `no workup snippet among ${items.map((i) => i.label).join(', ')}`);
  });

  it('re-publishes diagnostics after an edit removes the high phosphate', async () => {
    const next = session.nextDiagnostics(URI, 2);
    const start = positionOf(EXAMPLE, '7.1 mg/dL');
    await session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start, end: { line: start.line, character: start.character + 3 } }, text: '3.1' }],
    });
    const diagnostics = await next;
    assert.equal(diagnostics.find((d) => d.code === 'ca-phos-product-elevated'), undefined);
  });

  it('never writes note text to its log', () => {
    assert.ok(!session.stderr().includes('calcinosis'), 'stderr mentions note text');
    for (const m of session.messages) assert.ok(!JSON.stringify(m.params).includes('Phos 7.1'), `${m.method} leaks note text`);
  });
});

describe('language server start-up', () => {
  // The analysis and the features take tens of milliseconds to load; an editor waits for the
  // initialize answer before anything else, so the server loads them with the first note.
  let session: LspSession;
  const timings = () => [...session.stderr().matchAll(/^\[timing\] (\S+)/gm)].map((m) => m[1]);
  before(async () => {
    session = await startServer({ env: { ...process.env, CALCINOSIS_NOTES_TIMING: '1' } });
  });
  after(async () => {
    await session.close();
  });

  it('answers initialize, and requests about notes it does not have, before loading the analysis', async () => {
    const hover = await session.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///notes/never-opened.note' }, position: { line: 0, character: 0 } });
    assert.equal(hover, null);
    // stderr is one ordered stream: once the hover's line is there, a load before it would be too.
    while (!timings().includes('textDocument/hover')) await new Promise((r) => setTimeout(r, 10));
    assert.ok(timings().includes('initialize'));
    assert.ok(!timings().includes('load-note-features'), `loaded before any note: ${timings().join(', ')}`);
  });

  it('loads them once, when the first note arrives, and analyses every note after that', async () => {
    await openDocument(session, 'file:///notes/first.note', EXAMPLE);
    const diagnostics = await openDocument(session, 'file:///notes/second.note', EXAMPLE);
    assert.ok(diagnostics.some((d) => d.code === 'ca-phos-product-elevated'));
    const loads = timings().filter((t) => t === 'load-note-features');
    assert.equal(loads.length, 1);
    assert.ok(timings().indexOf('load-note-features') < timings().indexOf('diagnostics'), timings().join(', '));
  });
});
