// Inlay hints: the Ca×P product after the phosphate value it belongs to, and the
// converted value after a value written in the unit system the reader does not use.

import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver-types';
import type { AnalyzedNote } from '../noteStore';
import { formatConverted, writtenSystem } from '../analysis/units';
import { unitSpan } from './codeActions';

export function inlayHints(note: AnalyzedNote, range: Range): InlayHint[] {
  const { text, lines, analysis, settings } = note;
  const from = lines.offsetAt(range.start);
  const to = lines.offsetAt(range.end);
  const hints: InlayHint[] = [];
  const hintAfter = (offset: number, label: string, tooltip: string) =>
    hints.push({ position: lines.positionAt(offset), label, kind: InlayHintKind.Type, paddingLeft: true, tooltip });

  for (const lab of analysis.labs) {
    if (lab.end < from || lab.start > to || lab.implausible) continue;
    if (!lab.unit) continue;
    const system = writtenSystem(lab);
    const converted = system && system !== settings.preferredUnits ? formatConverted(lab) : null;
    if (converted) hintAfter(unitSpan(text, lab)?.end ?? lab.end, `≈ ${converted}`, 'Converted by Calcinosis Notes');
  }
  for (const product of analysis.products) {
    const phosphate = analysis.labs[product.phosphate];
    if (phosphate.end < from || phosphate.start > to) continue;
    const mark = product.elevated ? ' ⚠' : '';
    hintAfter(
      unitSpan(text, phosphate)?.end ?? phosphate.end,
      `Ca×P ${product.value.toFixed(1)} mg²/dL²${mark}`,
      `Calcium × phosphate product; threshold ${product.threshold} mg²/dL².`,
    );
  }
  return hints.sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
}
