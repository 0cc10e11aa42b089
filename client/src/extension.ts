// The VS Code side: start the language server, show its state, register commands.
// Everything clinical happens in the server.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { NoteStatus } from './languageStatus';
import { registerOrderSetCommand } from './orderSetCommand';
import { SERVER_ENVIRONMENT, SERVER_EXEC_ARGV } from './serverProcess';

let client: LanguageClient | undefined;

function documentSelector(): { language: string }[] {
  const languages = vscode.workspace.getConfiguration('calcinosisNotes').get<string[]>('languages');
  const list = Array.isArray(languages) && languages.every((l) => typeof l === 'string') ? languages : ['clinical-note', 'plaintext', 'markdown'];
  return list.map((language) => ({ language }));
}

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env: SERVER_ENVIRONMENT, execArgv: [...SERVER_EXEC_ARGV] } },
    debug: {
      module,
      transport: TransportKind.ipc,
      options: { env: SERVER_ENVIRONMENT, execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6011'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    outputChannel: output,
    synchronize: { configurationSection: 'calcinosisNotes' },
    // Restarts on crashes are the default (up to 4 in 3 minutes); keep going quietly.
    initializationOptions: vscode.workspace.getConfiguration().get('calcinosisNotes'),
  };
  return new LanguageClient('calcinosisNotes', 'Calcinosis Notes', serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const activated = performance.now();
  const output = vscode.window.createOutputChannel('Calcinosis Notes', { log: true });
  const status = new NoteStatus(documentSelector());
  client = createClient(context, output);
  status.attach(client);

  context.subscriptions.push(
    output,
    status,
    vscode.commands.registerCommand('calcinosisNotes.restartServer', async () => {
      await client?.restart();
    }),
    vscode.commands.registerCommand('calcinosisNotes.showOutput', () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      // The language list decides which documents the client sends: it needs a restart.
      if (e.affectsConfiguration('calcinosisNotes.languages') && client) {
        await client.stop();
        client = createClient(context, output);
        status.attach(client);
        await client.start();
      }
    }),
  );
  registerOrderSetCommand(context);
  await client.start();
  // How long a clinician waits for the first analysis after opening a note (read by npm run bench).
  output.info(`Language server ready ${Math.round(performance.now() - activated)} ms after activation.`);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
