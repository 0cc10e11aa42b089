// A count of what was found in a note, sent after each check so the editor's language
// status item can say it. Counts only: never note text.

import type { AnalyzedNote } from '../noteStore';

export const SUMMARY_NOTIFICATION = 'calcinosisNotes/summary';

export interface NoteSummary {
  uri: string;
  version: number;
  terms: number;
  labs: number;
  products: number;
  elevatedProducts: number;
  /** The diagnostic code that explains why the note was not analysed, if it was not. */
  skipped?: string;
}

export function summaryOf(note: AnalyzedNote): NoteSummary {
  const { analysis } = note;
  return {
    uri: note.uri,
    version: note.version,
    terms: analysis.terms.length,
    labs: analysis.labs.length,
    products: analysis.products.length,
    elevatedProducts: analysis.products.filter((p) => p.elevated).length,
    skipped: note.skipped?.code,
  };
}
