// Offset ↔ (line, character) conversion in UTF-16 code units, the way LSP counts.
// Line breaks are \n, \r\n and a lone \r, as in the LSP specification.

import { doubled } from './buffers';

export class LineIndex {
  /** Offset of the first character of each line (a typed array: 4 bytes a line). */
  private readonly starts: Int32Array;
  /** The line of the last lookup: offsets asked for in order are found by walking on from it. */
  private hint = 0;
  /** Whether the text holds no \r (known once the text was searched for one). */
  private noCarriageReturn: boolean | undefined;

  /** `starts`, when given, must be the line starts of this same text (see afterEdit). */
  constructor(
    private readonly text: string,
    starts?: Int32Array,
  ) {
    if (starts) this.starts = starts;
    else {
      this.noCarriageReturn = text.indexOf('\r') === -1;
      this.starts = this.noCarriageReturn ? lineStartsAfterNewlines(text) : lineStartsAnyBreak(text);
    }
  }

  /**
   * The index of `text`, which is `prevText` (indexed by `prev`) after replacing `removed`
   * characters at `offset` with `inserted`. An edit that neither writes nor deletes a line
   * break, and does not join or part a \r and a \n, leaves every line where it was: the lines
   * after it just move by the change in length. Typing in a long note is almost always that,
   * and then the index is a copy of the old one instead of a scan of the whole text.
   */
  static afterEdit(prev: LineIndex, prevText: string, text: string, offset: number, removed: number, inserted: string): LineIndex {
    const oldEnd = offset + removed;
    if (
      prev.text !== prevText ||
      hasLineBreak(inserted, 0, inserted.length) ||
      hasLineBreak(prevText, offset, oldEnd) ||
      (prevText.charCodeAt(offset - 1) === 13 && prevText.charCodeAt(oldEnd) === 10)
    ) {
      return new LineIndex(text);
    }
    const starts = prev.starts.slice();
    const delta = inserted.length - removed;
    // Lines that start after the edited text start `delta` later (none starts inside it).
    for (let k = prev.lineOf(offset) + 1; k < starts.length; k++) starts[k] += delta;
    return new LineIndex(text, starts);
  }

  /**
   * The line starts when every line break is a \n (no \r anywhere), which are then also the
   * starts of lines split at \n alone (what the lab scan counts); null otherwise. Not to be
   * written to.
   */
  newlineStarts(): Int32Array | null {
    this.noCarriageReturn ??= this.text.indexOf('\r') === -1;
    return this.noCarriageReturn ? this.starts : null;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of the first character of `line` (clamped to the document). */
  lineStart(line: number): number {
    if (line <= 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    return this.starts[line];
  }

  /** The 0-based line holding `offset` (clamped to the document). */
  lineOf(offset: number): number {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.starts;
    const last = starts.length - 1;
    let lo = this.hint;
    if (lo > last) lo = 0;
    if (starts[lo] <= o) {
      // Callers mostly ask in increasing order: a few steps forward, else a search.
      for (let k = 0; k < 8 && lo < last && starts[lo + 1] <= o; k++) lo++;
      if (lo === last || starts[lo + 1] > o) {
        this.hint = lo;
        return lo;
      }
    } else lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    this.hint = lo;
    return lo;
  }

  positionAt(offset: number): { line: number; character: number } {
    const line = this.lineOf(offset);
    return { line, character: this.characterOf(offset, line) };
  }

  /**
   * The character of `offset` on `line` (which must be lineOf(offset)): positionAt without
   * an object, for callers that store the two numbers in objects of their own.
   */
  characterOf(offset: number, line: number): number {
    const o = Math.max(0, Math.min(offset, this.text.length));
    // An offset between the \r and \n of one line break means the end of that line,
    // as in vscode-languageserver-textdocument.
    let at = o;
    if (at > this.starts[line] && this.text.charCodeAt(at - 1) === 13 && this.text.charCodeAt(at) === 10) at--;
    return at - this.starts[line];
  }

  offsetAt(position: { line: number; character: number }): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line];
    let end = position.line + 1 < this.starts.length ? this.starts[position.line + 1] : this.text.length;
    // A character past the end of the line lands before its line break, as in
    // vscode-languageserver-textdocument, never on the next line.
    if (end > start && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return Math.min(start + Math.max(0, position.character), end);
  }
}

/**
 * 0 and the offset after every \n: the line starts of a text with no carriage return (most
 * notes), and the lines the lab scan counts in any text. indexOf finds them several times
 * faster than a loop over every character (at 10 MB, about 4 ms against 17).
 */
export function lineStartsAfterNewlines(text: string): Int32Array {
  let starts = new Int32Array(1024);
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (n === starts.length) starts = doubled(starts);
    starts[n++] = i + 1;
  }
  return starts.slice(0, n);
}

/** Line starts when \r\n or a lone \r may break lines too. */
function lineStartsAnyBreak(text: string): Int32Array {
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) count++;
  const starts = new Int32Array(count);
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts[n++] = i + 1;
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts[n++] = i + 1;
    }
  }
  return n === count ? starts : starts.slice(0, n);
}

/** Is there a \n or \r in s[from, to)? */
export function hasLineBreak(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}
