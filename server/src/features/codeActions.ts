// Code actions on lab values: write the computed Ca×P product into the note, convert
// a value to the other unit system, add a unit that was only assumed, and jump to
// the next unfilled field.

import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver';
import { formatCorrectedCalciumText, formatProductText, nearestAlbumin } from '../analysis/caPhos';
import type { LabValue } from '../analysis/types';
import { formatConverted } from '../analysis/units';
import type { AnalyzedNote } from '../noteStore';
import { unfilledFieldActions } from './unfilledFieldActions';

function overlaps(lab: LabValue, start: number, end: number): boolean {
  return lab.start <= end && start <= lab.end;
}

/** Offsets of the unit as written right after the number, if any. */
export function unitSpan(text: string, lab: LabValue): { start: number; end: number } | undefined {
  if (!lab.unit) return undefined;
  const at = text.indexOf(lab.unit, lab.valueEnd);
  if (at < 0 || at > lab.valueEnd + 3 || text.slice(lab.valueEnd, at).trim() !== '') return undefined;
  return { start: at, end: at + lab.unit.length };
}

/** The unit a value was assumed to be in (the system whose value equals the number written). */
export function assumedUnit(lab: LabValue): string | undefined {
  if (!lab.unitAssumed || typeof lab.value !== 'number') return undefined;
  if (lab.conventional && Math.abs(lab.conventional.value - lab.value) < 1e-9) return lab.conventional.unit;
  if (lab.si && Math.abs(lab.si.value - lab.value) < 1e-9) return lab.si.unit;
  return undefined;
}

export function codeActions(note: AnalyzedNote, range: Range, diagnostics: Diagnostic[]): CodeAction[] {
  const { text, lines, analysis, uri } = note;
  const start = lines.offsetAt(range.start);
  const end = lines.offsetAt(range.end);
  const actions: CodeAction[] = [];
  const edit = (title: string, kind: string, at: { start: number; end: number }, newText: string, diagnostic?: Diagnostic): CodeAction => ({
    title,
    kind,
    diagnostics: diagnostic ? [diagnostic] : undefined,
    edit: {
      changes: { [uri]: [{ range: { start: lines.positionAt(at.start), end: lines.positionAt(at.end) }, newText }] },
    },
  });

  analysis.labs.forEach((lab, index) => {
    if (!overlaps(lab, start, end)) return;
    const converted = formatConverted(lab);
    const unit = unitSpan(text, lab);
    if (converted && unit) {
      actions.push(edit(`Convert to ${converted}`, CodeActionKind.RefactorRewrite, { start: lab.valueStart, end: unit.end }, converted));
    }
    const missing = assumedUnit(lab);
    if (missing && !lab.unit) {
      const diagnostic = diagnostics.find((d) => d.code === 'unit-assumed');
      actions.push(edit(`Add the unit ${missing}`, CodeActionKind.QuickFix, { start: lab.valueEnd, end: lab.valueEnd }, ` ${missing}`, diagnostic));
    }
    if (lab.analyte === 'calcium' && !lab.implausible) {
      const albumin = nearestAlbumin(analysis.labs, lab);
      const corrected = albumin && !albumin.implausible ? formatCorrectedCalciumText(lab, albumin) : null;
      if (corrected) {
        const after = unitSpan(text, lab)?.end ?? lab.valueEnd;
        actions.push(edit('Insert the albumin-corrected calcium', CodeActionKind.RefactorRewrite, { start: after, end: after }, ` (${corrected})`));
      }
    }
    for (const product of analysis.products) {
      if (product.calcium !== index && product.phosphate !== index) continue;
      const phosphate = analysis.labs[product.phosphate];
      const after = unitSpan(text, phosphate)?.end ?? phosphate.valueEnd;
      const diagnostic = diagnostics.find((d) => d.code === 'ca-phos-product-elevated');
      actions.push(
        edit('Insert the calcium × phosphate product', CodeActionKind.QuickFix, { start: after, end: after }, ` (${formatProductText(product, analysis.labs)})`, diagnostic),
      );
    }
  });

  actions.push(...unfilledFieldActions(note, range, diagnostics));
  return actions;
}
