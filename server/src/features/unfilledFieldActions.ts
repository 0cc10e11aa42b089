// Quick fix on an `unfilled-field` diagnostic: jump to the next *** marker (wrapping
// to the first one after the last). The client command `calcinosisNotes.nextUnfilledField`
// selects the marker at the position it is given, so the clinician can type over it.

import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { LineIndex } from '../analysis/lineIndex';
import type { Analysis } from '../analysis/types';
import { UNFILLED_FIELD_CODE } from '../analysis/unfilledFields';

export const NEXT_UNFILLED_FIELD_COMMAND = 'calcinosisNotes.nextUnfilledField';

/** What the actions need from an analysed note. */
export interface UnfilledFieldNote {
  uri: string;
  lines: LineIndex;
  analysis: Pick<Analysis, 'findings'>;
}

export function unfilledFieldActions(note: UnfilledFieldNote, range: Range, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const markers = note.analysis.findings.filter((f) => f.code === UNFILLED_FIELD_CODE);
  if (markers.length === 0) return [];
  const start = note.lines.offsetAt(range.start);
  const end = note.lines.offsetAt(range.end);
  // The marker the request is about: the first one the range touches.
  const current = markers.findIndex((m) => m.start <= end && start <= m.end);
  if (current < 0) return [];
  if (markers.length === 1) return [];
  const next = markers[(current + 1) % markers.length];
  const position = note.lines.positionAt(next.start);
  const diagnostic = diagnostics.find(
    (d) => d.code === UNFILLED_FIELD_CODE && note.lines.offsetAt(d.range.start) === markers[current].start,
  );
  const remaining = markers.length;
  const title = `Go to the next unfilled field (line ${position.line + 1}; ${remaining} left in this note)`;
  return [
    {
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics: diagnostic ? [diagnostic] : undefined,
      command: { title, command: NEXT_UNFILLED_FIELD_COMMAND, arguments: [note.uri, position] },
    },
  ];
}
