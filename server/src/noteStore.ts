// Keeps the analysis of each open note, recomputed only when the text or the
// settings change, so hover, completion and tokens never re-analyse.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analysisOptionsFrom, analyzeText, type AnalysisOptions } from './analysis/analyze';
import { pathInScope } from './analysis/glob';
import { diffTexts, updateAnalysis } from './analysis/incremental';
import { inputGuard } from './analysis/inputGuard';
import { LineIndex } from './analysis/lineIndex';
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

const EMPTY: Analysis = Object.freeze({ terms: [], labs: [], products: [], findings: [], sections: [] }) as unknown as Analysis;

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
  const analysis = !inScope || skipped ? { ...EMPTY, findings: skipped ? [skipped] : [] } : analyzeText(text, options);
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
  const update = updateAnalysis(prev.text, prev.analysis, diffTexts(prev.text, text), { ...prev.options, inPlace: true });
  return { ...prev, version, text, lines: update.lines, analysis: update.analysis };
}

export class NoteStore {
  private readonly notes = new Map<string, AnalyzedNote>();

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
  }

  clear(): void {
    this.notes.clear();
  }
}
