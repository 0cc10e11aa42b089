// Plain data produced by the analysis. No editor or protocol types here: the
// features layer turns these into LSP objects, the CLI into JSON.

import type { TermMentions } from './mentions';

/** How a mention is asserted in its sentence (ConText-style). */
export interface Assertion {
  negated: boolean;
  possible: boolean;
  temporality: 'current' | 'historical' | 'hypothetical';
  experiencer: 'patient' | 'other';
}

export const PLAIN_ASSERTION: Assertion = Object.freeze({
  negated: false,
  possible: false,
  temporality: 'current',
  experiencer: 'patient',
}) as Assertion;

/** A located span of the document. Offsets are UTF-16 code units, as LSP counts. */
export interface Span {
  text: string;
  start: number;
  end: number;
  /** 0-based line of `start`. */
  line: number;
  /** 0-based UTF-16 column of `start`. */
  character: number;
}

export interface TermMention extends Span {
  concept: string;
  category: string;
  assertion: Assertion;
  /** True when the concept came from the user's custom terms. */
  custom?: boolean;
}

export interface UnitValue {
  value: number;
  unit: string;
}

export interface LabValue extends Span {
  analyte: string;
  /** The number as written (comma decimals read as points). For qualitative results, the result word. */
  value: number | string;
  /** The unit as written, or null when none was written. */
  unit: string | null;
  comparator: '<' | '<=' | '>' | '>=' | null;
  conventional: UnitValue | null;
  si: UnitValue | null;
  assertion: Assertion;
  /** Offsets of the number itself (the value is where quick fixes and hints attach). */
  valueStart: number;
  valueEnd: number;
  /** True when the unit was not written and was inferred from the magnitude. */
  unitAssumed: boolean;
  /** Set when the number cannot be trusted as written (probable unit or typing error). */
  implausible?: string;
  /** Identifies the draw this value belongs to (date or block), for pairing. */
  draw?: string;
  /** Qualitative results (autoimmune serology): positive/negative, titre, pattern. */
  result?: { positive: boolean | null; titre?: string; pattern?: string };
  /** Why the unit was assumed (set with unitAssumed), in words for the clinician. */
  unitAssumedReason?: string;
  /** Set when no unit was written and the magnitude fits more than one unit system. */
  ambiguousUnit?: string;
  /** Set on the earlier value of a written trend ("Ca 9.1 -> 10.8"). */
  superseded?: boolean;
}

export interface CaPhosProduct {
  /** Index into `labs`. */
  calcium: number;
  /** Index into `labs`. */
  phosphate: number;
  value: number;
  unit: 'mg2/dL2';
  /** Same product in mmol²/L², shown when the note uses SI units. */
  siValue: number;
  threshold: number;
  elevated: boolean;
  /** True when the calcium used was corrected for albumin. */
  correctedCalcium: boolean;
  /** Calcium (mg/dL) actually multiplied. */
  calciumMgDl: number;
  /** Phosphate (mg/dL) actually multiplied. */
  phosphateMgDl: number;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface RelatedSpan {
  start: number;
  end: number;
  message: string;
}

/** A finding the editor shows as a diagnostic. `code` is stable and documented in the README. */
export interface Finding {
  start: number;
  end: number;
  severity: Severity;
  code: string;
  message: string;
  related?: RelatedSpan[];
}

export interface Section {
  /** Normalised kind, e.g. 'hpi', 'pmh', 'family-history', 'plan'. */
  kind: string;
  /** The header as written. */
  title: string;
  /** Offset of the header's first character. */
  start: number;
  /** Offset where the section's content ends (start of the next header, or end of text). */
  end: number;
  /** Offset just after the header (where the content begins). */
  contentStart: number;
}

export interface Analysis {
  /** The term mentions, column by column (mentions.ts); `terms.at(i)` is one as a TermMention. */
  terms: TermMentions;
  labs: LabValue[];
  products: CaPhosProduct[];
  findings: Finding[];
  sections: Section[];
}
