// The language server: wiring only. Analysis lives in ./analysis, protocol shaping in ./features.

import {
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SEMANTIC_LEGEND } from './features/semanticTokens';
import { SUMMARY_NOTIFICATION } from './features/summary';
import type { NoteStore } from './noteStore';
import { SettingsProvider } from './settingsProvider';
import { describeInternalError } from './internalError';
import { FeaturesUnavailable, noteFeatures } from './noteFeaturesLoader';
import { createServerConnection } from './timing';
import { fullCollection, MemoryReclaimer } from './memory';

const connection = createServerConnection();
const documents = new TextDocuments(TextDocument);
let settings!: SettingsProvider;

/** Shown once: every note would otherwise report the same broken install on every change. */
let unavailableShown = false;
function reportUnavailable(error: FeaturesUnavailable): void {
  if (unavailableShown) return;
  unavailableShown = true;
  connection.console.error(error.message);
  void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: error.message });
}

/** The analysed notes; made with the features, on the first note (see noteFeaturesLoader.ts). */
let loadedStore: NoteStore | undefined;
function store(): NoteStore {
  return (loadedStore ??= new (noteFeatures().NoteStore)());
}

connection.onInitialize((params): InitializeResult => {
  const canPull = !!params.capabilities.workspace?.configuration;
  let folders = params.workspaceFolders ?? [];
  settings = new SettingsProvider(connection, canPull, () => folders, params.initializationOptions);
  connection.onInitialized(() => {
    if (params.capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(async () => {
        folders = (await connection.workspace.getWorkspaceFolders()) ?? [];
      });
    }
  });
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      completionProvider: { resolveProvider: true, triggerCharacters: [' ', '.', '-'] },
      codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.rewrite'] },
      documentSymbolProvider: true,
      semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: true },
      inlayHintProvider: true,
    },
    serverInfo: { name: 'calcinosis-notes', version: '0.1.0' },
  };
});

/** The analysed note for a URI, or undefined when the document is not open. */
async function noteFor(uri: string) {
  const document = documents.get(uri);
  if (!document) return undefined;
  const noteSettings = await settings.get(uri);
  return store().getAsync(document, noteSettings);
}

// Coalesce bursts of edits: only the newest version of each document is validated.
const pending = new Map<string, NodeJS.Immediate>();
let validating = 0;
const reclaimer = new MemoryReclaimer({ collect: fullCollection(), busy: () => pending.size > 0 || validating > 0 });
function scheduleValidation(uri: string): void {
  const previous = pending.get(uri);
  if (previous) clearImmediate(previous);
  pending.set(
    uri,
    setImmediate(() => {
      pending.delete(uri);
      void validate(uri);
    }),
  );
}

async function validate(uri: string): Promise<void> {
  // Runs outside any request: an error here would be an unhandled rejection, which ends the
  // process. Log it (without note text) and keep serving the other notes.
  validating++;
  try {
    const note = await noteFor(uri);
    if (!note) return;
    reclaimer.activity(uri);
    const { toDiagnostics, docsUrlFor, summaryOf } = noteFeatures();
    const diagnostics = toDiagnostics(note.analysis.findings, note.lines, note.settings, uri, docsUrlFor);
    await connection.sendDiagnostics({ uri, version: note.version, diagnostics });
    await connection.sendNotification(SUMMARY_NOTIFICATION, summaryOf(note));
  } catch (error) {
    if (error instanceof FeaturesUnavailable) reportUnavailable(error);
    else connection.console.error(describeInternalError('checking a note', error));
  } finally {
    validating--;
  }
}

// Notes arriving, leaving or replaced wholesale in megabytes (see memory.ts).
documents.onDidChangeContent((e) => {
  reclaimer.noteChanged(e.document.uri, e.document.getText().length);
  scheduleValidation(e.document.uri);
});
documents.onDidClose((e) => {
  reclaimer.noteClosed(e.document.uri);
  loadedStore?.delete(e.document.uri);
  settings.forget(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onDidChangeConfiguration((change) => {
  settings.setPushed(change.settings);
  loadedStore?.clear();
  for (const document of documents.all()) scheduleValidation(document.uri);
  void connection.languages.inlayHint.refresh().catch(() => undefined);
  void connection.languages.semanticTokens.refresh();
});

connection.onHover(async ({ textDocument, position }) => {
  const note = await noteFor(textDocument.uri);
  return note ? noteFeatures().hoverAt(note.analysis, note.lines, note.lines.offsetAt(position), note.settings, note.options) : null;
});

connection.onCompletion(async ({ textDocument, position }) => {
  const note = await noteFor(textDocument.uri);
  return note ? noteFeatures().completionList(note.text, note.lines.offsetAt(position), note.analysis, position) : [];
});
connection.onCompletionResolve((item) => noteFeatures().resolveCompletion(item));

connection.onCodeAction(async ({ textDocument, range, context }) => {
  const note = await noteFor(textDocument.uri);
  return note ? noteFeatures().codeActions(note, range, context.diagnostics) : [];
});

connection.onDocumentSymbol(async ({ textDocument }) => {
  const note = await noteFor(textDocument.uri);
  return note ? noteFeatures().documentSymbols(note.analysis, note.lines) : [];
});

connection.languages.semanticTokens.on(async ({ textDocument }) => {
  const note = await noteFor(textDocument.uri);
  return note ? noteFeatures().semanticTokens(note.analysis, note.lines, note.text) : { data: [] };
});

connection.languages.inlayHint.on(async ({ textDocument, range }) => {
  const note = await noteFor(textDocument.uri);
  return note && note.settings.inlayHints ? noteFeatures().inlayHints(note, range) : [];
});

documents.listen(connection);
connection.listen();
