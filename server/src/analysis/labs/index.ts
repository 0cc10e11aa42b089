// Finds laboratory values in note text: "Ca 10.8", "Ca: 10.8 mg/dL (H) [8.5-10.5]",
// "calcium of 2.7 mmol/L", "Ca/Phos 10.8/7.1", "Ca 9.1 -> 10.8", "2,61 mmol/l",
// table rows, dated blocks, "10.8 mg/dL calcium", and serology ("ANA 1:320 speckled").
// Pure: no editor types. One pass of one precompiled regex over the analyte names;
// everything after a name is read with sticky regexes at fixed positions.
//
// The folder, in reading order: names.ts (the name table and its regexes), patterns.ts
// (the sticky regexes), text.ts (normalising, numbers), dates.ts (draw keys),
// geometry.ts (lines, paragraphs, date headers), rawValue.ts, quantitative.ts and
// qualitative.ts (the readers), finish.ts (conversions, plausibility, draws), scan.ts
// (the pass that ties them together). This file is the public surface.

export { findLabValues } from './scan';
export { compareDrawInfo, compareDraws, describeDraw, drawInfo, type DrawInfo } from './dates';
export { unitFits } from './quantitative';
export { normalizeForScan } from './text';
