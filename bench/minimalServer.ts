// The smallest useful language server, shaped like Microsoft's lsp-sample: a connection,
// the standard text-document manager with incremental sync, and nothing else. The benchmark
// runs it as a floor for cold start and memory: what any vscode-languageserver process
// costs before it does any work of its own.

import { TextDocument } from 'vscode-languageserver-textdocument';
import { ProposedFeatures, TextDocumentSyncKind, TextDocuments, createConnection } from 'vscode-languageserver/node';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } }));
// Publishing (empty) diagnostics tells the benchmark's client the note was taken in.
documents.onDidChangeContent((change) => {
  void connection.sendDiagnostics({ uri: change.document.uri, version: change.document.version, diagnostics: [] });
});

documents.listen(connection);
connection.listen();
