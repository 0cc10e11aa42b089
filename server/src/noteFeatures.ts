// Everything the server needs to read a note: the note store (and through it the analysis
// and its knowledge tables) and the LSP features. server.ts loads this module the first time a
// note needs it, not at start-up, so that it can answer `initialize` before paying for it
// (see `noteFeatures()` there). Nothing here runs code when imported, beyond the modules'
// own initialisation.

export { codeActions } from './features/codeActions';
export { completionList, resolveCompletion } from './features/completion';
export { toDiagnostics } from './features/diagnostics';
export { docsUrlFor } from './features/docsLinks';
export { documentSymbols } from './features/documentSymbols';
export { hoverAt } from './features/hover';
export { inlayHints } from './features/inlayHints';
export { semanticTokens } from './features/semanticTokens';
export { summaryOf } from './features/summary';
export { NoteStore } from './noteStore';
