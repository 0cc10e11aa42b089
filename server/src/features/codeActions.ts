// Code actions on lab values: write the computed Ca×P product into the note, convert
// a value to the other unit system, add a unit that was only assumed, and jump to
// the next unfilled field.

import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { formatCorrectedCalciumText, formatProductText, nearestAlbumin } from '../analysis/caPhos';
import type { CaPhosProduct, LabValue } from '../analysis/types';
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

/** Lab index → the products it is the calcium or the phosphate of, in the order of `products`. */
function productsByLab(products: CaPhosProduct[]): Map<number, CaPhosProduct[]> {
  const byLab = new Map<number, CaPhosProduct[]>();
  const add = (lab: number, p: CaPhosProduct) => {
    const list = byLab.get(lab);
    if (list) list.push(p);
    else byLab.set(lab, [p]);
  };
  for (const p of products) {
    add(p.calcium, p);
    add(p.phosphate, p);
  }
  return byLab;
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

  // The products each lab takes part in, and the diagnostics the actions resolve, found once: a
  // selection of the whole note touches every lab, and a look through all products (or all
  // diagnostics) for each of them grew with their product.
  let productsOf: Map<number, CaPhosProduct[]> | undefined;
  const offered = new Set<CaPhosProduct>();
  const unitAssumed = diagnostics.find((d) => d.code === 'unit-assumed');
  const productElevated = diagnostics.find((d) => d.code === 'ca-phos-product-elevated');

  analysis.labs.forEach((lab, index) => {
    if (!overlaps(lab, start, end)) return;
    const converted = formatConverted(lab);
    const unit = unitSpan(text, lab);
    if (converted && unit) {
      actions.push(edit(`Convert to ${converted}`, CodeActionKind.RefactorRewrite, { start: lab.valueStart, end: unit.end }, converted));
    }
    const missing = assumedUnit(lab);
    if (missing && !lab.unit) {
      actions.push(edit(`Add the unit ${missing}`, CodeActionKind.QuickFix, { start: lab.valueEnd, end: lab.valueEnd }, ` ${missing}`, unitAssumed));
    }
    if (lab.analyte === 'calcium' && !lab.implausible) {
      const albumin = nearestAlbumin(analysis.labs, lab);
      const corrected = albumin && !albumin.implausible ? formatCorrectedCalciumText(lab, albumin) : null;
      if (corrected) {
        const after = unitSpan(text, lab)?.end ?? lab.valueEnd;
        actions.push(edit('Insert the albumin-corrected calcium', CodeActionKind.RefactorRewrite, { start: after, end: after }, ` (${corrected})`));
      }
    }
    productsOf ??= productsByLab(analysis.products);
    for (const product of productsOf.get(index) ?? []) {
      // A range over both values of a pair reaches its product twice: offer it once.
      if (offered.has(product)) continue;
      offered.add(product);
      const phosphate = analysis.labs[product.phosphate];
      const after = unitSpan(text, phosphate)?.end ?? phosphate.valueEnd;
      actions.push(
        edit('Insert the calcium × phosphate product', CodeActionKind.QuickFix, { start: after, end: after }, ` (${formatProductText(product, analysis.labs)})`, productElevated),
      );
    }
  });

  actions.push(...unfilledFieldActions(note, range, diagnostics));
  return actions;
}
