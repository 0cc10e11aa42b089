// Markdown for hovering a lab value. Pure: the hover feature wraps it in an LSP Hover.

import type { CaPhosProduct, LabValue } from './types';
import { ANALYTE_BY_ID, type AnalyteId } from '../knowledge/analytes';
import { displayUnit, formatNumber, printComparator, writtenSystem } from './units';
import { referenceRangeFor, rangeFlag, rangeInSi } from './labFindings';
import { CORRECTED_CALCIUM_SOURCE, correctedCalcium, formatProductSiText, productOperands, productUsesSi } from './caPhos';
import { compareDraws, describeDraw } from './labs';

export interface LabHoverOptions {
  threshold: number;
  thresholdSource: string;
  thresholdUrl?: string;
  referenceRanges: Record<string, [number, number]>;
  detail?: 'brief' | 'full';
}

function md(s: string): string {
  return s.replace(/([\\`*_[\]<>|])/g, '\\$1');
}

/** Hover text for `lab` (= labs[index]). */
export function labHoverMarkdown(lab: LabValue, index: number, labs: LabValue[], products: CaPhosProduct[], options: LabHoverOptions): string {
  const a = ANALYTE_BY_ID.get(lab.analyte as AnalyteId);
  if (!a) return '';
  const full = options.detail !== 'brief';
  const out: string[] = [];
  out.push(`**${md(a.name)}**`);

  if (a.kind === 'qualitative' && lab.result) {
    const r = lab.result;
    const word = r.positive === true ? 'positive' : r.positive === false ? 'negative' : 'equivocal';
    let line = `Result: ${word}`;
    if (r.titre) line += `, titre ${md(r.titre)}`;
    if (r.pattern) line += `, ${md(r.pattern)} pattern`;
    out.push(line);
  } else {
    const cmp = lab.comparator ? printComparator(lab.comparator) : '';
    // The value as written comes first, then its conversion: "2.3 mmol/L = 7.1 mg/dL".
    const conventional = lab.conventional ? `${md(cmp)}${formatNumber(lab.conventional.value, a.decimals)} ${md(displayUnit(lab.conventional.unit))}` : null;
    const si = lab.si && lab.si.unit !== lab.conventional?.unit ? `${md(cmp)}${formatNumber(lab.si.value, 2)} ${md(displayUnit(lab.si.unit))}` : null;
    const system = writtenSystem(lab);
    const asWritten = system ? `${md(cmp)}${md(String(lab.value))} ${md(displayUnit(system === 'si' ? lab.si!.unit : lab.conventional!.unit))}` : null;
    const parts = (system === 'si' ? [asWritten, conventional] : system === 'conventional' ? [asWritten, si] : [conventional, si]).filter((p): p is string => p !== null);
    if (parts.length) out.push(`Value: ${parts.join(' = ')}${lab.unitAssumed ? ' *(unit assumed — not written in the note)*' : ''}`);
    else out.push(`Value: ${md(cmp)}${md(String(lab.value))}${lab.unit ? ` ${md(lab.unit)}` : ''}${lab.ambiguousUnit ? ' *(no unit written; it could be either unit system)*' : ''}`);
    if (lab.unitAssumed && lab.unitAssumedReason && full) out.push(`*${md(lab.unitAssumedReason)}*`);
    if (lab.implausible) out.push(`⚠ ${md(lab.implausible)}`);
  }
  if (lab.draw && lab.draw.startsWith('date:')) out.push(`Draw: ${md(describeDraw(lab.draw))}${lab.superseded ? ' (earlier value of a trend)' : ''}`);
  else if (lab.superseded) out.push('Earlier value of a written trend.');

  const range = a.kind === 'quantitative' ? referenceRangeFor(a, options.referenceRanges) : null;
  if (range) {
    const si = rangeInSi(a, range);
    const flag = rangeFlag(lab, range);
    const src = range.url ? `[${md(range.source)}](${range.url})` : md(range.source);
    out.push(`Reference range: ${md(range.text)}${si && full ? ` (${md(si)})` : ''} — ${src}${flag ? ` — **${flag.toUpperCase()}**` : ''}`);
    if (range.note && full) out.push(`*${md(range.note)}*`);
  }

  if (full && a.loinc?.length) out.push(`LOINC: ${a.loinc.map((c) => `${c.code} (${md(c.display)})`).join('; ')}`);

  if (lab.analyte === 'calcium' || lab.analyte === 'phosphate') {
    const product = products.find((p) => p.calcium === index || p.phosphate === index);
    const threshold = options.thresholdUrl ? `[${md(options.thresholdSource)}](${options.thresholdUrl})` : md(options.thresholdSource);
    if (product) {
      const partner = labs[lab.analyte === 'calcium' ? product.phosphate : product.calcium]!;
      const op = productOperands(product, labs);
      const verdict = product.elevated ? `**above** the threshold of ${product.threshold}` : `below the threshold of ${product.threshold}`;
      const assumed = [labs[product.calcium]!, labs[product.phosphate]!].filter((l) => l.unitAssumed).map((l) => (l.analyte === 'calcium' ? 'calcium' : 'phosphate'));
      out.push(
        `Ca × P: ${op.ca} mg/dL${product.correctedCalcium ? ' (corrected)' : ''} × ${op.ph} mg/dL ${op.equals} **${formatNumber(product.value, 1)} mg²/dL²**, ${verdict} (${threshold})` +
          (assumed.length ? ` — *unit of ${assumed.join(' and ')} assumed, not written*` : ''),
      );
      if (full) out.push(`Paired with ${partner.analyte === 'calcium' ? 'calcium' : 'phosphate'}: \`${partner.text.trim().replace(/`/g, "'")}\`${productUsesSi(product, labs) ? ` — SI: ${md(formatProductSiText(product))}` : ''}`);
    } else {
      const partnerAnalyte = lab.analyte === 'calcium' ? 'phosphate' : 'calcium';
      const why = labs.some((l) => l.analyte === partnerAnalyte)
        ? 'not computed for this value (the diagnostic on it says why)'
        : `no ${partnerAnalyte} in this note to pair with`;
      out.push(`Ca × P: ${why}. Threshold ${options.threshold} mg²/dL² (${threshold}).`);
    }
  }

  if (lab.analyte === 'calcium' && lab.conventional && !lab.implausible) {
    const alb = nearestSameDrawAlbumin(labs, lab);
    if (alb && alb.conventional) {
      const c = correctedCalcium(lab.conventional.value, alb.conventional.value);
      out.push(
        `Albumin-corrected calcium: ${formatNumber(c, 1)} mg/dL (albumin ${formatNumber(alb.conventional.value, 1)} g/dL; ${md(CORRECTED_CALCIUM_SOURCE.formula.split(';')[0]!)} — [source](${CORRECTED_CALCIUM_SOURCE.url}))`,
      );
    }
  }
  return out.join('\n\n');
}

function nearestSameDrawAlbumin(labs: LabValue[], ca: LabValue): LabValue | null {
  let best: LabValue | null = null;
  let gap = Infinity;
  for (const l of labs) {
    if (l.analyte !== 'albumin' || !l.conventional || l.implausible) continue;
    const cmp = compareDraws(ca.draw, l.draw);
    if (cmp !== 'same') continue;
    const g = Math.abs(l.start - ca.start);
    if (g < gap) {
      gap = g;
      best = l;
    }
  }
  return best;
}
