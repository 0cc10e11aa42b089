// The language status item: the server's state and what it found in the active note,
// instead of pop-ups.

import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { SUMMARY_NOTIFICATION, type NoteSummary } from '../../server/src/features/summary';

export class NoteStatus implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly summaries = new Map<string, NoteSummary>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private running = false;

  constructor(selector: vscode.DocumentSelector) {
    this.item = vscode.languages.createLanguageStatusItem('calcinosisNotes.status', selector);
    this.item.name = 'Calcinosis Notes';
    this.item.command = { title: 'Show Output', command: 'calcinosisNotes.showOutput' };
    this.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(() => this.render()));
    this.render();
  }

  /** Follows a (new) client: its state, and the summaries its server sends. */
  attach(client: LanguageClient): void {
    this.running = false;
    this.summaries.clear();
    this.subscriptions.push(
      client.onDidChangeState((e) => {
        this.running = e.newState === State.Running;
        this.render(e.newState === State.Stopped ? 'stopped' : undefined);
      }),
      client.onNotification(SUMMARY_NOTIFICATION, (summary: NoteSummary) => {
        this.summaries.set(summary.uri, summary);
        this.render();
      }),
    );
  }

  private render(problem?: string): void {
    const item = this.item;
    item.severity = vscode.LanguageStatusSeverity.Information;
    if (problem || !this.running) {
      item.text = problem ? `Calcinosis Notes: ${problem}` : 'Calcinosis Notes: starting';
      item.detail = problem ? 'Run "Calcinosis: Restart Server", or see the output.' : undefined;
      if (problem) item.severity = vscode.LanguageStatusSeverity.Warning;
      return;
    }
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const summary = uri ? this.summaries.get(uri) : undefined;
    if (!summary) {
      item.text = 'Calcinosis Notes';
      item.detail = undefined;
    } else if (summary.skipped) {
      item.text = 'Calcinosis Notes: not analysed';
      item.detail = summary.skipped === 'binary-content' ? 'the file looks like binary data' : 'the note is larger than calcinosisNotes.maxDocumentSize';
      item.severity = vscode.LanguageStatusSeverity.Warning;
    } else {
      item.text = `Calcinosis: ${summary.terms} terms, ${summary.labs} lab values`;
      item.detail = summary.elevatedProducts
        ? `Ca×P above the threshold in ${summary.elevatedProducts} of ${summary.products} draws`
        : summary.products
          ? `Ca×P computed for ${summary.products} draws, none above the threshold`
          : 'no Ca×P product in this note';
      if (summary.elevatedProducts) item.severity = vscode.LanguageStatusSeverity.Warning;
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
