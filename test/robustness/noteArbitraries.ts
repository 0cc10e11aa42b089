// fast-check arbitraries for clinical notes as clinicians (and copy-paste) really write them:
// realistic fragments (terms, lab lines, negations, headers) mixed with arbitrary Unicode,
// astral characters, NUL, lone surrogates and every kind of line break. Shared by the
// property tests (test/unit/robustness) and the soak script (scripts/soak.ts).

import fc from 'fast-check';

export const TERM_FRAGMENTS = [
  'calcinosis cutis', 'Calcinosis', 'dystrophic calcinosis', 'metastatic calcification', 'idiopathic', 'iatrogenic',
  'calciphylaxis', 'calcinosis universalis', 'calcinosis circumscripta', 'dermatomyositis', 'systemic sclerosis',
  'CREST', 'scleroderma', 'lupus', 'SLE', 'von Kossa', 'Alizarin red', 'diltiazem', 'sodium thiosulfate',
  'chronic kidney disease', 'CKD', 'hyperparathyroidism', 'Raynaud phenomenon', 'milia-like', "Winer's nodule",
  'tumoral calcinosis', 'subepidermal calcified nodule', 'ulceration', 'PTH', 'CK', 'ANA', 'anti-Scl-70',
];

export const LAB_FRAGMENTS = [
  'Ca 10.8 mg/dL', 'Phos 7.1 mg/dL', 'Ca 10.8 mg/dL, Phos 7.1 mg/dL', 'calcium 9.4', 'phosphate 4.2 mg/dl',
  'Ca 2.45 mmol/L', 'P 1.9 mmol/L', 'Ca 2,45 mmol/l', 'phosphorus 5.5 MG/DL', 'Ca 5.2', 'Phos 1.5', 'P: 5.1',
  'albumin 3.2 g/dL', 'Alb 32 g/L', 'PTH 412 pg/mL', '25-OH vitamin D 18 ng/mL', 'Creatinine 3.4 mg/dL',
  'BUN 48 mg/dL', 'CK 1200 U/L', 'ANA positive 1:640 speckled', 'anti-Scl-70 negative', 'Ca 9.1 -> 10.8',
  'Ca 8.5–10.5 mg/dL', 'calcium <8.5', 'Ca >= 11', 'Ca 98 mg/dL', 'Phos 0 mg/dL', 'Ca 1e5', 'Ca 10.8 µmol/L',
  'Ca 10.8 umol/l', 'Ca×P 76', 'Ca x P = 80', 'iCa 1.32 mmol/L', 'Mg 2.0 mg/dL', 'ALP 140 U/L',
  'Ca\t10.8\tmg/dL', 'Ca １０．８ mg/dL', 'Ca\u00a010.8\u00a0mg/dL', 'Ca 10.8\u202fmg/dL', 'Labs 03/14/2026:',
  '03/14/2026', '2026-03-14', 'Ca 10.8 mg/dL (8.5-10.5)', 'Phos 7.1 (H)', 'Ca: 10.8', 'Ca = 10.8', 'Ca - 10.8',
  'Ca 10..8', 'Ca .8', 'Ca 10.', 'Ca 1,000.5', 'Ca 999999999999999999999', 'Phos 7.1 mEq/L', 'Ca 5.2 mEq/L',
];

export const CONTEXT_FRAGMENTS = [
  'no ', 'No ', 'denies ', 'without ', 'negative for ', 'rule out ', 'r/o ', 'possible ', 'likely ', '?',
  'history of ', 'h/o ', 's/p ', 'mother with ', 'family history of ', 'if ', 'return if ', 'but ', 'however ',
  'not ', 'no evidence of ', 'resolved ', 'concern for ',
];

export const HEADER_FRAGMENTS = [
  'HPI:\n', 'PMH:', 'PMH: ', 'Family history: ', 'Social history:\n', '## Plan\n', '# Assessment', 'Assessment:\n',
  'Plan:\n', 'A:', 'P:', 'A: ', 'P: ', 'FAMILY HISTORY:\n', 'PROCEDURE NOTE:\n', '   PAST MEDICAL HISTORY:  ',
  '\tLABS: ', '**Plan:**', '__HPI__\n', 'Labs 03/14/2026:\n', 'Exam:\n', '- ', '* ', '1. ', '2) ', '***', '---\n',
];

export const SEPARATORS = [' ', '  ', '   ', '\n', '\r\n', '\r', '\n\n', '\t', ', ', '. ', '.', '; ', ': ', '(', ')', '/', '-', '|'];

/** Characters that have broken offset arithmetic, tokenisers or regexes in other tools. */
export const SPECIAL_CHARS = [
  '\u0000', '\uFEFF', '\u00a0', '\u2007', '\u202f', '\u3000', '\u2009', '\u200b', '\u200d', '\u00ad',
  '×', 'µ', 'μ', '–', '—', '−', '≤', '≥', '²', '½', '°', '’', '‘', '“', '”',
  '😀', '🧪', '👩🏽‍⚕️', '𝐂𝐚', '𠀀', '\ud800', '\udbff', '\udc00', '\udfff', '\ud83d',
  '\u202e', '\u202d', '\u200f', 'كالسيوم', 'סידן', 'кальций', 'Kalzinose', 'ｃａｌｃｉｎｏｓｉｓ', '１０．８', 'ＭＧ／ＤＬ',
  'e\u0301', '\u0007', '\u001b[31m', '\u0085', '\u2028', '\u2029', '\u000b', '\u000c', '\ufffd', '\uffff',
];

/** One UTF-16 code unit, any of the 65,536 (lone surrogates included). */
export const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));

/** Any arbitrary string: full code units (lone surrogates), code points (astral), or graphemes. */
export const arbitraryUnicode = fc.oneof(
  fc.string({ unit: anyCodeUnit, maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 12 }),
);

export const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TERM_FRAGMENTS) },
  { weight: 5, arbitrary: fc.constantFrom(...LAB_FRAGMENTS) },
  { weight: 2, arbitrary: fc.constantFrom(...CONTEXT_FRAGMENTS) },
  { weight: 2, arbitrary: fc.constantFrom(...HEADER_FRAGMENTS) },
  { weight: 5, arbitrary: fc.constantFrom(...SEPARATORS) },
  { weight: 2, arbitrary: fc.constantFrom(...SPECIAL_CHARS) },
  { weight: 1, arbitrary: fc.double({ noNaN: false }).map(String) },
  { weight: 1, arbitrary: fc.nat(100000).map((n) => `${n / 10}`) },
  { weight: 2, arbitrary: arbitraryUnicode },
);

/** A small note made of realistic fragments and arbitrary Unicode. */
export function noteArbitrary(maxFragments = 30): fc.Arbitrary<string> {
  return fc.array(fragment, { maxLength: maxFragments, size: 'max' }).map((parts) => parts.join(''));
}

/** A note of mostly hostile characters with a few fragments. */
export function hostileNoteArbitrary(maxParts = 20): fc.Arbitrary<string> {
  return fc
    .array(fc.oneof({ weight: 3, arbitrary: arbitraryUnicode }, { weight: 2, arbitrary: fc.constantFrom(...SPECIAL_CHARS) }, { weight: 2, arbitrary: fragment }), {
      maxLength: maxParts,
      size: 'max',
    })
    .map((parts) => parts.join(''));
}

/** User-supplied custom terms, including regex metacharacters, emoji and whitespace-only. */
export const customTermArbitrary = fc.oneof(
  fc.constantFrom('(a+)+$', '.*', '[', '\\', '^calc$', 'a|b', '(?=x)', '${x}', '**', 'Ca++', 'C++', '?', '🧪 test', 'pseudo-xanthoma', ' ', ''),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 20 }),
  fc.string({ unit: anyCodeUnit, minLength: 1, maxLength: 10 }),
  fc.array(fc.constantFrom(...TERM_FRAGMENTS, 'nodule', 'plaque', 'deposit'), { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
);
