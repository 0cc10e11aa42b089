// Keeps the analysis of each open note, recomputed only when the text or the
// settings change, so hover, completion and tokens never re-analyse.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analysisOptionsFrom, analyzeText, type AnalysisOptions } from './analysis/analyze';
import { pathInScope } from './analysis/glob';
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

export class NoteStore {
  private readonly notes = new Map<string, AnalyzedNote>();

  /** The analysis of this version of the document with these settings, computing it if needed. */
  get(document: TextDocument, settings: Settings): AnalyzedNote {
    const cached = this.notes.get(document.uri);
    if (cached && cached.version === document.version && cached.settings === settings) return cached;
    const note = analyzeNote(document.uri, document.version, document.getText(), settings);
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
