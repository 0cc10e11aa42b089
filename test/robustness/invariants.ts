// The invariants every analysis must satisfy whatever the text: each range lies inside the
// document with start ≤ end, quoted text equals the slice it claims, line/character agree
// with the offset in UTF-16 code units (checked against vscode-languageserver-textdocument,
// an independent implementation of the LSP's rules), no boundary splits a surrogate pair,
// and no message or number carries NaN, Infinity or "undefined".

import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../../server/src/analysis/types';
import { DIAGNOSTIC_CODES } from '../../server/src/settings';

export class InvariantError extends Error {}

function fail(message: string): never {
  throw new InvariantError(message);
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

function checkRange(text: string, what: string, start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end)) fail(`${what}: non-integer offsets ${start}..${end}`);
  if (start < 0 || end > text.length) fail(`${what}: ${start}..${end} outside the document (length ${text.length})`);
  if (start > end) fail(`${what}: start ${start} > end ${end}`);
  if (splitsSurrogatePair(text, start)) fail(`${what}: start ${start} splits a surrogate pair`);
  if (splitsSurrogatePair(text, end)) fail(`${what}: end ${end} splits a surrogate pair`);
}

function checkPosition(doc: TextDocument, what: string, offset: number, line: number, character: number): void {
  const expected = doc.positionAt(offset);
  if (expected.line !== line || expected.character !== character) {
    fail(`${what}: offset ${offset} is ${expected.line}:${expected.character} but the analysis says ${line}:${character}`);
  }
}

function checkMessage(what: string, message: string): void {
  if (typeof message !== 'string' || message.trim() === '') fail(`${what}: empty message`);
  if (/\bNaN\b|\bInfinity\b|\bundefined\b|\bnull\b|\[object Object\]/.test(message)) fail(`${what}: message "${message}" shows a broken value`);
}

function checkNumber(what: string, n: unknown): void {
  if (typeof n !== 'number' || !Number.isFinite(n)) fail(`${what}: ${String(n)} is not a finite number`);
}

export function checkAnalysis(text: string, analysis: Analysis): void {
  const doc = TextDocument.create('file:///invariant.note', 'clinical-note', 1, text);

  let previousEnd = 0;
  analysis.terms.toArray().forEach((t, i) => {
    const what = `term #${i} (${t.concept})`;
    checkRange(text, what, t.start, t.end);
    if (t.start === t.end) fail(`${what}: empty mention`);
    if (t.text !== text.slice(t.start, t.end)) fail(`${what}: text ${JSON.stringify(t.text)} ≠ slice ${JSON.stringify(text.slice(t.start, t.end))}`);
    checkPosition(doc, what, t.start, t.line, t.character);
    if (t.start < previousEnd) fail(`${what}: overlaps or precedes the previous mention`);
    previousEnd = t.end;
  });

  previousEnd = 0;
  analysis.labs.forEach((l, i) => {
    const what = `lab #${i} (${l.analyte})`;
    checkRange(text, what, l.start, l.end);
    if (l.text !== text.slice(l.start, l.end)) fail(`${what}: text ${JSON.stringify(l.text)} ≠ slice ${JSON.stringify(text.slice(l.start, l.end))}`);
    checkPosition(doc, what, l.start, l.line, l.character);
    checkRange(text, `${what} value`, l.valueStart, l.valueEnd);
    // A number lies inside its value's span; a qualitative result may be shared by a list
    // ("anti-Ro, anti-La positive": both point at "positive"), so only quantitative values are held to it.
    if (typeof l.value === 'number' && (l.valueStart < l.start || l.valueEnd > l.end)) fail(`${what}: value ${l.valueStart}..${l.valueEnd} outside the lab span ${l.start}..${l.end}`);
    if (typeof l.value === 'number') checkNumber(`${what} value`, l.value);
    if (l.conventional) checkNumber(`${what} conventional`, l.conventional.value);
    if (l.si) checkNumber(`${what} si`, l.si.value);
    if (l.start < previousEnd) fail(`${what}: labs are not sorted and disjoint (hover relies on it)`);
    previousEnd = l.end;
  });

  analysis.products.forEach((p, i) => {
    const what = `product #${i}`;
    if (!analysis.labs[p.calcium] || !analysis.labs[p.phosphate]) fail(`${what}: points at a missing lab`);
    checkNumber(`${what} value`, p.value);
    checkNumber(`${what} siValue`, p.siValue);
    if (p.value <= 0) fail(`${what}: non-positive product ${p.value}`);
  });

  analysis.findings.forEach((f, i) => {
    const what = `finding #${i} (${f.code})`;
    checkRange(text, what, f.start, f.end);
    if (!(DIAGNOSTIC_CODES as readonly string[]).includes(f.code)) fail(`${what}: undocumented code`);
    checkMessage(what, f.message);
    f.related?.forEach((r, k) => {
      checkRange(text, `${what} related #${k}`, r.start, r.end);
      checkMessage(`${what} related #${k}`, r.message);
    });
  });

  let previousSectionEnd = 0;
  analysis.sections.forEach((s, i) => {
    const what = `section #${i} (${s.kind})`;
    checkRange(text, what, s.start, s.end);
    if (s.contentStart < s.start || s.contentStart > text.length) fail(`${what}: contentStart ${s.contentStart} outside ${s.start}..${text.length}`);
    if (s.start < previousSectionEnd) fail(`${what}: sections overlap`);
    previousSectionEnd = s.end;
  });
}
