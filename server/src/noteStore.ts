// Keeps the analysis of each open note, recomputed only when the text or the
// settings change, so hover, completion and tokens never re-analyse.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analysisOptionsFrom, analyzeText, type AnalysisOptions } from './analysis/analyze';
import { pathInScope } from './analysis/glob';
import { AnalysisCancelled, analyzeInChunks, diffTexts, updateAnalysis } from './analysis/incremental';
import { inputGuard } from './analysis/inputGuard';
import { LineIndex } from './analysis/lineIndex';
import { TermMentions } from './analysis/mentions';
import type { Analysis, Finding } from './analysis/types';
import type { Settings } from './settings';

export interface AnalyzedNote {
  uri: string;
  version: number;
  text: string;
  lines: LineIndex;
  analysis: Analysis;
  settings: Settings;
  options: AnalysisOptions;
  /** Why the note was not analysed (too large, binary), if it was not. */
  skipped?: Finding;
  /** False when include/exclude settings leave this note out. */
  inScope: boolean;
}

const EMPTY: Analysis = Object.freeze<Analysis>({ terms: TermMentions.from([]), labs: [], products: [], findings: [], sections: [] });

export function uriPath(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}

export function analyzeNote(uri: string, version: number, text: string, settings: Settings): AnalyzedNote {
  const options = analysisOptionsFrom(settings);
  const lines = new LineIndex(text);
  const inScope = pathInScope(uriPath(uri), settings.include, settings.exclude);
  const skipped = inScope ? inputGuard(text, settings.maxDocumentSize) : undefined;
  const analysis = !inScope || skipped ? { ...EMPTY, findings: skipped ? [skipped] : [] } : analyzeText(text, options, lines);
  return { uri, version, text, lines, analysis, settings, options, skipped, inScope };
}

/**
 * The next version of a note: when only the text changed (same settings, still analysed),
 * the analysis is updated around the edit instead of redone (see analysis/incremental.ts).
 */
export function updateNote(prev: AnalyzedNote, version: number, text: string): AnalyzedNote {
  if (!prev.inScope || prev.skipped || inputGuard(text, prev.settings.maxDocumentSize)) {
    return analyzeNote(prev.uri, version, text, prev.settings);
  }
  if (text === prev.text) return { ...prev, version };
  // The store replaces `prev` with the result at once, so the analysis is updated in place.
  const update = updateAnalysis(prev.text, prev.analysis, diffTexts(prev.text, text), { ...prev.options, inPlace: true, lines: prev.lines, text });
  return { ...prev, version, text, lines: update.lines, analysis: update.analysis };
}

/**
 * A pause between two chunks of analysis that lets waiting requests run first. Requests that
 * arrived during a chunk are dispatched from an immediate queued when they were read, which
 * runs after any immediate queued before it: one immediate would resume the analysis first,
 * so the pause takes two.
 */
function yieldToRequests(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));
}

/** Notes longer than this are analysed from scratch in chunks, yielding between them. */
export const CHUNKED_ABOVE = 1_000_000;

export class NoteStore {
  private readonly notes = new Map<string, AnalyzedNote>();
  private readonly running = new Map<string, { version: number; settings: Settings; note: Promise<AnalyzedNote> }>();
  /** Bumped by delete/clear, so chunked work for a closed note stops. */
  private epoch = 0;

  /**
   * Like `get`, but a huge note that must be analysed from scratch (just opened, or the
   * settings changed) is analysed in chunks with a pause between them, so other requests
   * are answered meanwhile; the work is dropped as soon as a newer version arrives (the
   * promise then resolves with the newer version's analysis).
   */
  async getAsync(document: TextDocument, settings: Settings): Promise<AnalyzedNote> {
    const cached = this.notes.get(document.uri);
    if (cached && cached.version === document.version && cached.settings === settings) return cached;
    const cheap = (cached && cached.settings === settings) || document.getText().length <= CHUNKED_ABOVE;
    if (cheap) return this.get(document, settings);
    const running = this.running.get(document.uri);
    if (running && running.version === document.version && running.settings === settings) return running.note;
    const note = this.analyzeInChunks(document, settings);
    this.running.set(document.uri, { version: document.version, settings, note });
    try {
      return await note;
    } finally {
      if (this.running.get(document.uri)?.note === note) this.running.delete(document.uri);
    }
  }

  private async analyzeInChunks(document: TextDocument, settings: Settings): Promise<AnalyzedNote> {
    const { uri, version } = document;
    const text = document.getText();
    const epoch = this.epoch;
    const options = analysisOptionsFrom(settings);
    const inScope = pathInScope(uriPath(uri), settings.include, settings.exclude);
    if (!inScope || inputGuard(text, settings.maxDocumentSize)) return this.get(document, settings);
    try {
      const { analysis, lines } = await analyzeInChunks(text, {
        ...options,
        pause: yieldToRequests,
        cancelled: () => document.version !== version || this.epoch !== epoch,
      });
      const note: AnalyzedNote = { uri, version, text, lines, analysis, settings, options, inScope };
      if (this.epoch === epoch) this.notes.set(uri, note);
      return note;
    } catch (err) {
      if (err instanceof AnalysisCancelled) return this.getAsync(document, settings);
      throw err;
    }
  }

  /** The analysis of this version of the document with these settings, computing it if needed. */
  get(document: TextDocument, settings: Settings): AnalyzedNote {
    const cached = this.notes.get(document.uri);
    if (cached && cached.version === document.version && cached.settings === settings) return cached;
    const note =
      cached && cached.settings === settings
        ? updateNote(cached, document.version, document.getText())
        : analyzeNote(document.uri, document.version, document.getText(), settings);
    this.notes.set(document.uri, note);
    return note;
  }

  peek(uri: string): AnalyzedNote | undefined {
    return this.notes.get(uri);
  }

  delete(uri: string): void {
    this.notes.delete(uri);
    this.running.delete(uri);
    this.epoch++;
  }

  clear(): void {
    this.notes.clear();
    this.running.clear();
    this.epoch++;
  }
}
