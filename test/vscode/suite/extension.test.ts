// Runs inside the VS Code extension host (see ../runTests.mjs): the packaged extension as VS Code
// loads it, talking to its language server, observed through the public vscode API only.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import * as vscode from 'vscode';
import manifest from '../../../package.json';
import { hoverText, positionOf, retryUntil, waitForDiagnostics } from './helpers';

const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;

describe('Calcinosis Notes in VS Code', () => {
  let document: vscode.TextDocument;

  before(async () => {
    const workspace = process.env.CALCINOSIS_WORKSPACE ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(workspace, 'the examples folder is open');
    document = await vscode.workspace.openTextDocument(vscode.Uri.file(join(workspace, 'calcinosis-follow-up.note')));
    await vscode.window.showTextDocument(document);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('calcinosisNotes').update('severity', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens .note files as Clinical Note and activates on that language', async () => {
    assert.equal(document.languageId, 'clinical-note');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('registers its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const { command } of manifest.contributes.commands) assert.ok(commands.includes(command), command);
  });

  it('publishes the Ca×P warning with its working', async () => {
    const diagnostics = await waitForDiagnostics(document.uri, (ds) => ds.some((d) => d.code !== undefined && codeOf(d) === 'ca-phos-product-elevated'), 'ca-phos-product-elevated');
    const product = diagnostics.find((d) => codeOf(d) === 'ca-phos-product-elevated')!;
    assert.equal(product.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(product.source, 'calcinosis-notes');
    assert.match(product.message, /10\.8.*7\.1.*76\.7 mg²\/dL²/);
  });

  it('follows the severity setting for a diagnostic code', async () => {
    await vscode.workspace
      .getConfiguration('calcinosisNotes')
      .update('severity', { 'ca-phos-product-elevated': 'error' }, vscode.ConfigurationTarget.Global);
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (ds) => ds.some((d) => codeOf(d) === 'ca-phos-product-elevated' && d.severity === vscode.DiagnosticSeverity.Error),
      'ca-phos-product-elevated as an error',
    );
    assert.ok(diagnostics.length > 0);
    await vscode.workspace.getConfiguration('calcinosisNotes').update('severity', undefined, vscode.ConfigurationTarget.Global);
    await waitForDiagnostics(
      document.uri,
      (ds) => ds.some((d) => codeOf(d) === 'ca-phos-product-elevated' && d.severity === vscode.DiagnosticSeverity.Warning),
      'ca-phos-product-elevated back to a warning',
    );
  });

  it('shows the definition when hovering a term', async () => {
    const position = positionOf(document, 'calcinosis cutis');
    const hovers = await retryUntil(
      () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position),
      (hs) => hoverText(hs).some((t) => /insoluble calcium salts/i.test(t)),
      'hover on calcinosis cutis',
    );
    assert.match(hoverText(hovers).join('\n'), /Calcinosis cutis/);
  });

  it('shows a lab value in both unit systems when hovering it', async () => {
    const position = positionOf(document, 'Ca 10.8', 4);
    const hovers = await retryUntil(
      () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position),
      (hs) => hoverText(hs).some((t) => /10\.8 mg\/dL/.test(t) && /2\.69 mmol\/L/.test(t)),
      'hover on Ca 10.8',
    );
    assert.ok(hovers.length > 0);
  });

  it('completes the workup order set and term names', async () => {
    const scratch = await vscode.workspace.openTextDocument({ language: 'clinical-note', content: 'Assessment: calciphyl\n\ncc-work' });
    const end = scratch.positionAt(scratch.getText().length);
    const snippets = await retryUntil(
      () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', scratch.uri, end),
      (list) => list.items.some((i) => labelOf(i) === 'cc-workup'),
      'completion of cc-workup',
    );
    const workup = snippets.items.find((i) => labelOf(i) === 'cc-workup')!;
    const body = workup.insertText instanceof vscode.SnippetString ? workup.insertText.value : String(workup.insertText);
    assert.match(body, /von Kossa/);

    const term = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', scratch.uri, positionOf(scratch, 'calciphyl', 9));
    assert.ok(term.items.some((i) => labelOf(i) === 'calciphylaxis'), `calciphylaxis offered; got ${term.items.slice(0, 20).map(labelOf).join(', ')}`);
  });
});

function codeOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  return typeof code === 'object' && code !== null ? String(code.value) : code === undefined ? undefined : String(code);
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}
