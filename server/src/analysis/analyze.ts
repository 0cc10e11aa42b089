// The whole analysis of one note: sections, terms with assertions, lab values, the
// Ca×P products and the findings shown as diagnostics. Pure: text in, data out.

import { DEFAULT_SETTINGS, caPhosThreshold, type CustomTerm, type Settings } from '../settings';
import { NOT_YET_ASSERTED, assertInOrder, inOrderContext } from './assertInOrder';
import { pairCaPhosSteps } from './caPhos';
import { findLabValues } from './labs';
import { labFindingSteps } from './labFindings';
import { LineIndex } from './lineIndex';
import type { TermMentions } from './mentions';
import { findSections } from './sections';
import { bySpan } from './sorted';
import { runToEnd } from './steps';
import type { Analysis, Finding, LabValue, Section } from './types';
import { findUnfilledFields } from './unfilledFields';
import { findTerms, matcherFor } from './vocabulary';

export interface AnalysisOptions {
  customTerms: readonly CustomTerm[];
  /** Ca×P threshold in mg²/dL². */
  threshold: number;
  /** Where the threshold comes from, quoted in messages. */
  thresholdSource: string;
  /** Link to the threshold's source, shown in hovers. */
  thresholdUrl?: string;
  useCorrectedCalcium: boolean;
  /** Reference range overrides by analyte id, in the conventional unit. */
  referenceRanges: Record<string, [number, number]>;
}

export function analysisOptionsFrom(settings: Settings): AnalysisOptions {
  const threshold = caPhosThreshold(settings);
  return {
    customTerms: settings.customTerms,
    threshold: threshold.value,
    thresholdSource: threshold.source,
    thresholdUrl: threshold.url,
    useCorrectedCalcium: settings.useCorrectedCalcium,
    referenceRanges: settings.referenceRanges,
  };
}

export const DEFAULT_ANALYSIS_OPTIONS: AnalysisOptions = analysisOptionsFrom(DEFAULT_SETTINGS);

/** Lab values given their line and character between two yields of completeAnalysisSteps. */
const POSITIONS_PER_STEP = 16384;

/** `lines`, when given, must index this same text (callers that keep one pass it in). */
export function analyzeText(text: string, options: Partial<AnalysisOptions> = {}, lines: LineIndex = new LineIndex(text)): Analysis {
  const opts: AnalysisOptions = { ...DEFAULT_ANALYSIS_OPTIONS, ...options };
  const sections = findSections(text);
  // Terms and values first, then all their assertions in one pass in the order of the text.
  const terms = findTerms(text, matcherFor(opts.customTerms), NOT_YET_ASSERTED, lines);
  const labs = findLabValues(text, NOT_YET_ASSERTED, sections, lines.newlineStarts() ?? undefined);
  assertInOrder(inOrderContext(text, sections), terms, 0, terms.length, labs, 0, labs.length);
  return completeAnalysis(text, lines, sections, terms, labs, opts);
}

/**
 * The part of the analysis computed from the whole list of lab values: lab positions in
 * LSP lines, Ca×P products and findings. Shared with chunked and incremental analysis,
 * which find terms and labs region by region and finish here.
 */
export function completeAnalysis(
  text: string,
  lines: LineIndex,
  sections: Section[],
  terms: TermMentions,
  labs: LabValue[],
  opts: AnalysisOptions,
): Analysis {
  return runToEnd(completeAnalysisSteps(text, lines, sections, terms, labs, opts));
}

/**
 * completeAnalysis in steps: it yields between its parts (and within the findings, every
 * few thousand values), so that the chunked analysis of a huge note can pause there and
 * answer other requests (at 10 MB the parts take tens of milliseconds each).
 */
export function* completeAnalysisSteps(
  text: string,
  lines: LineIndex,
  sections: Section[],
  terms: TermMentions,
  labs: LabValue[],
  opts: AnalysisOptions,
): Generator<void, Analysis> {
  for (let k = 0; k < labs.length; k++) {
    // (A pause every few thousand values too: 100,000 values took 12 ms in a fresh server.)
    if (k % POSITIONS_PER_STEP === POSITIONS_PER_STEP - 1) yield;
    const lab = labs[k];
    lab.line = lines.lineOf(lab.start);
    lab.character = lines.characterOf(lab.start, lab.line);
  }
  yield;
  const products = yield* pairCaPhosSteps(labs, text, { threshold: opts.threshold, useCorrectedCalcium: opts.useCorrectedCalcium });
  yield;
  const labFound: Finding[] = [];
  yield* labFindingSteps(text, labs, products, {
    threshold: opts.threshold,
    thresholdSource: opts.thresholdSource,
    referenceRanges: opts.referenceRanges,
  }, labFound);
  yield;
  return { terms, labs, products, findings: withUnfilledFields(text, labFound), sections };
}

/**
 * The lab findings and the unfilled fields of `text`, sorted by span in one stable sort:
 * findings at the same span keep the order they were made in, lab findings first. (The
 * finish of an edit over a slice, finishEdit.ts, must give the same order.)
 */
export function withUnfilledFields(text: string, labFindings: Finding[]): Finding[] {
  return [...labFindings, ...findUnfilledFields(text)].sort(bySpan);
}
