// "Calcinosis: Insert Workup Order Set…" (a quick pick of every order set and plan
// template, inserted as a snippet) and "Go to Next Unfilled Field" (selects the next
// *** marker after the cursor, wrapping). The data comes from the server's knowledge
// folder, bundled into the client by esbuild; nothing here reads or logs note text
// beyond the active document.

import * as vscode from 'vscode';
import { findUnfilledMarkers } from '../../server/src/analysis/unfilledFields';
import { ORDER_SETS, type OrderSet, type OrderSetKind } from '../../server/src/knowledge/orderSets';

export const INSERT_ORDER_SET_COMMAND = 'calcinosisNotes.insertOrderSet';
export const NEXT_UNFILLED_FIELD_COMMAND = 'calcinosisNotes.nextUnfilledField';

const GROUPS: Array<[OrderSetKind, string]> = [
  ['workup', 'Workup'],
  ['assessment', 'Assessment'],
  ['plan', 'Plan'],
  ['treatment', 'Treatment'],
  ['measures', 'General measures'],
];

interface OrderSetPick extends vscode.QuickPickItem {
  set?: OrderSet;
}

function picks(): OrderSetPick[] {
  const items: OrderSetPick[] = [];
  for (const [kind, title] of GROUPS) {
    const sets = ORDER_SETS.filter((s) => s.kind === kind);
    if (sets.length === 0) continue;
    items.push({ label: title, kind: vscode.QuickPickItemKind.Separator });
    for (const set of sets) items.push({ label: set.label, description: set.prefix, detail: set.description, set });
  }
  return items;
}

function findSet(idOrPrefix: unknown): OrderSet | undefined {
  return typeof idOrPrefix === 'string' ? ORDER_SETS.find((s) => s.id === idOrPrefix || s.prefix === idOrPrefix) : undefined;
}

async function insertOrderSet(idOrPrefix?: unknown): Promise<boolean> {
  let set = findSet(idOrPrefix);
  if (!set) {
    const pick = await vscode.window.showQuickPick(picks(), {
      title: 'Insert Workup Order Set',
      placeHolder: 'Type to filter by name, prefix (cc-…) or content',
      matchOnDescription: true,
      matchOnDetail: true,
    });
    set = pick?.set;
  }
  if (!set) return false;
  let editor = vscode.window.activeTextEditor;
  if (!editor) {
    const document = await vscode.workspace.openTextDocument({ language: 'clinical-note', content: '' });
    editor = await vscode.window.showTextDocument(document);
  }
  return editor.insertSnippet(new vscode.SnippetString(set.body.join('\n')));
}

/**
 * Selects the next *** marker: the one at `position` when given (the quick fix passes
 * the marker's start), otherwise the first one after the selection, wrapping to the top.
 */
async function nextUnfilledField(uri?: unknown, position?: unknown): Promise<boolean> {
  let editor = vscode.window.activeTextEditor;
  if (typeof uri === 'string' && editor?.document.uri.toString() !== uri) {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    editor = await vscode.window.showTextDocument(document);
  }
  if (!editor) return false;
  const { document } = editor;
  const markers = findUnfilledMarkers(document.getText());
  if (markers.length === 0) {
    void vscode.window.showInformationMessage('No unfilled fields (***) left in this note.');
    return false;
  }
  const at = isPosition(position) ? document.offsetAt(new vscode.Position(position.line, position.character)) : document.offsetAt(editor.selection.end);
  const next = markers.find((m) => m.start >= at) ?? markers[0];
  const range = new vscode.Range(document.positionAt(next.start), document.positionAt(next.end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}

function isPosition(value: unknown): value is { line: number; character: number } {
  const p = value as { line?: unknown; character?: unknown } | undefined;
  return typeof p?.line === 'number' && typeof p?.character === 'number';
}

export function registerOrderSetCommand(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(INSERT_ORDER_SET_COMMAND, insertOrderSet),
    vscode.commands.registerCommand(NEXT_UNFILLED_FIELD_COMMAND, nextUnfilledField),
  );
}
