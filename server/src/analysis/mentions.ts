// The term mentions of a note, held column by column: offsets and positions in typed arrays,
// concepts, spellings and assertions in arrays of shared strings and objects. A 10 MB note has
// over 300,000 mentions; one object each held a fifth of its analysis's heap (100 MB with
// objects, 79 MB with columns), and the collector copied every one of them while the analysis
// ran. Features that show one mention at a time ask for it as an object (`at`).

import type { MentionSpans } from './assertInOrder';
import { indexOfSpanContaining, lowerBound } from './sorted';
import type { Assertion, TermMention } from './types';

/**
 * The columns are changed only by `replace`, for an edit, and by `setAssertion`, when the
 * assertions are worked out after the mentions were found (assertInOrder.ts); everything
 * else reads them.
 */
export class TermMentions implements MentionSpans {
  constructor(
    public starts: Int32Array,
    public ends: Int32Array,
    /** 0-based line of each start. */
    public lines: Int32Array,
    /** 0-based UTF-16 column of each start. */
    public characters: Int32Array,
    public concepts: readonly string[],
    public categories: readonly string[],
    /** Each mention as written (shared by mentions written the same way). */
    public texts: readonly string[],
    public assertions: readonly Assertion[],
  ) {}

  /** Mentions given as objects, in order (for tests, and for callers that make a few by hand). */
  static from(mentions: readonly TermMention[]): TermMentions {
    const out = new TermMentionsBuilder(mentions.length);
    for (const m of mentions) out.push(m.start, m.end, m.line, m.character, m.concept, m.category, m.text, m.assertion);
    return out.build();
  }

  get length(): number {
    return this.starts.length;
  }

  startOf(i: number): number {
    return this.starts[i]!;
  }

  endOf(i: number): number {
    return this.ends[i]!;
  }

  setAssertion(i: number, assertion: Assertion): void {
    (this.assertions as Assertion[])[i] = assertion;
  }

  /** The mention at `i` as an object. */
  at(i: number): TermMention {
    const concept = this.concepts[i]!;
    const mention: TermMention = {
      text: this.texts[i]!,
      start: this.starts[i]!,
      end: this.ends[i]!,
      line: this.lines[i]!,
      character: this.characters[i]!,
      concept,
      category: this.categories[i]!,
      assertion: this.assertions[i]!,
    };
    if (concept.startsWith('custom:')) mention.custom = true;
    return mention;
  }

  /** Every mention as an object, in order (for the CLI's output and for tests). */
  toArray(): TermMention[] {
    const out: TermMention[] = new Array(this.length);
    for (let i = 0; i < out.length; i++) out[i] = this.at(i);
    return out;
  }

  /** A copy that edits of this one do not reach. */
  copy(): TermMentions {
    return new TermMentions(
      this.starts.slice(),
      this.ends.slice(),
      this.lines.slice(),
      this.characters.slice(),
      this.concepts.slice(),
      this.categories.slice(),
      this.texts.slice(),
      this.assertions.slice(),
    );
  }

  /**
   * After an edit: mentions [from, to) become `fresh`, and those after them move by `delta`
   * (`place` gives each moved mention's line and character from its new start). Changes these
   * columns. When as many mentions come as go, as on most keystrokes, the columns of strings
   * and assertions after the region are left as they are: only the offsets and positions move.
   */
  replace(from: number, to: number, fresh: TermMentions, delta: number, place: (item: { line: number; character: number }, newStart: number) => void): void {
    const added = fresh.length;
    if (added === to - from) {
      this.starts.set(fresh.starts, from);
      this.ends.set(fresh.ends, from);
      this.lines.set(fresh.lines, from);
      this.characters.set(fresh.characters, from);
      const concepts = this.concepts as string[];
      const categories = this.categories as string[];
      const texts = this.texts as string[];
      const assertions = this.assertions as Assertion[];
      for (let i = 0; i < added; i++) {
        concepts[from + i] = fresh.concepts[i]!;
        categories[from + i] = fresh.categories[i]!;
        texts[from + i] = fresh.texts[i]!;
        assertions[from + i] = fresh.assertions[i]!;
      }
    } else {
      const splicedInts = (a: Int32Array, f: Int32Array) => {
        const b = new Int32Array(a.length - (to - from) + added);
        b.set(a.subarray(0, from));
        b.set(f, from);
        b.set(a.subarray(to), from + added);
        return b;
      };
      this.starts = splicedInts(this.starts, fresh.starts);
      this.ends = splicedInts(this.ends, fresh.ends);
      this.lines = splicedInts(this.lines, fresh.lines);
      this.characters = splicedInts(this.characters, fresh.characters);
      this.concepts = spliced(this.concepts, from, to, fresh.concepts);
      this.categories = spliced(this.categories, from, to, fresh.categories);
      this.texts = spliced(this.texts, from, to, fresh.texts);
      this.assertions = spliced(this.assertions, from, to, fresh.assertions);
    }
    const position = { line: 0, character: 0 };
    for (let j = from + added; j < this.starts.length; j++) {
      const start = (this.starts[j]! += delta);
      this.ends[j]! += delta;
      position.line = this.lines[j]!;
      position.character = this.characters[j]!;
      place(position, start);
      this.lines[j] = position.line;
      this.characters[j] = position.character;
    }
  }

  /** Index of the mention containing `offset` (start ≤ offset < end), or -1. */
  indexContaining(offset: number): number {
    return indexOfSpanContaining(this.length, (i) => this.starts[i]!, (i) => this.ends[i]!, offset);
  }

  /** First index whose start is ≥ `offset` (the length if none). */
  firstAtOrAfter(offset: number): number {
    return lowerBound(this.starts, offset, (start) => start);
  }
}

/**
 * `items` with [from, to) replaced by `fresh`: spliced in place, which moves the items after
 * without copying the whole list, unless `fresh` is too long to pass as arguments (a large
 * paste), when a new list is made.
 */
function spliced<T>(items: readonly T[], from: number, to: number, fresh: readonly T[]): readonly T[] {
  if (fresh.length > 10_000) return items.slice(0, from).concat(fresh, items.slice(to));
  (items as T[]).splice(from, to - from, ...fresh);
  return items;
}

/** Collects mentions in order, then hands them over as TermMentions (columns of the exact length). */
export class TermMentionsBuilder implements MentionSpans {
  private n = 0;
  private starts: Int32Array;
  private ends: Int32Array;
  private lines: Int32Array;
  private characters: Int32Array;
  private readonly concepts: string[];
  private readonly categories: string[];
  private readonly texts: string[];
  private readonly assertions: Assertion[];

  constructor(expected = 256) {
    const size = Math.max(16, expected);
    this.starts = new Int32Array(size);
    this.ends = new Int32Array(size);
    this.lines = new Int32Array(size);
    this.characters = new Int32Array(size);
    this.concepts = new Array<string>(size);
    this.categories = new Array<string>(size);
    this.texts = new Array<string>(size);
    this.assertions = new Array<Assertion>(size);
  }

  get length(): number {
    return this.n;
  }

  startOf(i: number): number {
    return this.starts[i]!;
  }

  endOf(i: number): number {
    return this.ends[i]!;
  }

  setAssertion(i: number, assertion: Assertion): void {
    this.assertions[i] = assertion;
  }

  push(start: number, end: number, line: number, character: number, concept: string, category: string, text: string, assertion: Assertion): void {
    if (this.n === this.starts.length) this.grow(this.n * 2);
    const k = this.n++;
    this.starts[k] = start;
    this.ends[k] = end;
    this.lines[k] = line;
    this.characters[k] = character;
    this.concepts[k] = concept;
    this.categories[k] = category;
    this.texts[k] = text;
    this.assertions[k] = assertion;
  }

  /** The mentions collected; the builder is spent (its arrays are handed over). */
  build(): TermMentions {
    const n = this.n;
    this.concepts.length = n;
    this.categories.length = n;
    this.texts.length = n;
    this.assertions.length = n;
    // Columns already of the exact length (a full scan knows its count) are handed over as they are.
    const exact = (a: Int32Array) => (a.length === n ? a : a.slice(0, n));
    return new TermMentions(
      exact(this.starts),
      exact(this.ends),
      exact(this.lines),
      exact(this.characters),
      this.concepts,
      this.categories,
      this.texts,
      this.assertions,
    );
  }

  private grow(size: number): void {
    const grown = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a.subarray(0, this.n));
      return b;
    };
    this.starts = grown(this.starts);
    this.ends = grown(this.ends);
    this.lines = grown(this.lines);
    this.characters = grown(this.characters);
  }
}
