// Workspace settings through the protocol: a custom-terms file found relative to the
// workspace folder, and include/exclude patterns.

import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover } from 'vscode-languageserver-protocol';
import { openDocument, positionOf, startServer, type LspSession } from './lspClient';

describe('workspace settings over the protocol', () => {
  const folder = mkdtempSync(join(tmpdir(), 'calcinosis-ws-'));
  mkdirSync(join(folder, '.vscode'));
  mkdirSync(join(folder, 'drafts'));
  writeFileSync(join(folder, '.vscode', 'terms.txt'), '# clinic words\nchalk score\tOur clinic’s 0–4 score of chalky discharge\n');
  const root = pathToFileURL(folder).href;
  let session: LspSession;

  before(async () => {
    session = await startServer({
      rootUri: root,
      pullConfiguration: true,
      settings: { customTermsFile: '.vscode/terms.txt', exclude: ['**/drafts/**'] },
    });
  });
  after(async () => {
    await session.close();
  });

  it('reads a custom-terms file relative to the workspace folder and hovers its terms', async () => {
    const uri = `${root}/visit.note`;
    const text = 'Denies chalk score above 1. Ca 10.8 mg/dL, Phos 7.1 mg/dL.';
    const diagnostics = await openDocument(session, uri, text);
    assert.ok(diagnostics.some((d) => d.code === 'ca-phos-product-elevated'));
    const hover = (await session.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(text, 'chalk score', 2),
    })) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /chalk score/);
    assert.match(value, /Our clinic’s 0–4 score of chalky discharge/);
    assert.match(value, /Negated here/);
  });

  it('leaves excluded files alone: no diagnostics for a note under drafts/', async () => {
    const diagnostics = await openDocument(session, `${root}/drafts/old.note`, 'Ca 10.8 mg/dL, Phos 7.1 mg/dL.');
    assert.deepEqual(diagnostics, []);
  });
});
