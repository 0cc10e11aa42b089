// Finds every surface form of every concept in a text in one pass.
//
// Why a token trie and not one big regular expression: an alternation of a thousand
// phrases that share first words defeats the regex engine's prefilter, while a map
// keyed by the first word stays linear in the text whatever the vocabulary size.
// Words are runs of letters and digits; punctuation characters are words of their
// own; any run of whitespace (line breaks included) separates words, so a phrase
// may wrap across lines.

export interface MatchEntry {
  concept: string;
  /** Exact-case form as tokens, when the form is case-sensitive. */
  exact?: string[];
  /** The form counts only when a number follows (a bare "P" or "K"). */
  labContext?: boolean;
}

interface TrieNode {
  next?: Map<string, TrieNode>;
  entries?: MatchEntry[];
}

export interface RawMatch {
  concept: string;
  start: number;
  end: number;
}

const nonAsciiWordCache = new Map<number, boolean>();
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function isWordCode(code: number, text: string, i: number): boolean {
  if (code < 128) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  }
  // Surrogate pairs (emoji, astral letters) are never word characters here; that keeps
  // offsets simple and an emoji acts like punctuation.
  if (code >= 0xd800 && code <= 0xdfff) return false;
  let known = nonAsciiWordCache.get(code);
  if (known === undefined) {
    known = WORD_CHAR.test(text[i]);
    if (nonAsciiWordCache.size < 4096) nonAsciiWordCache.set(code, known);
  }
  return known;
}

function isSpaceCode(code: number): boolean {
  return (
    code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11 ||
    code === 0xa0 || code === 0x2007 || code === 0x202f || code === 0x3000 || (code >= 0x2000 && code <= 0x200a)
  );
}

/** Typographic apostrophes are folded to ASCII so "Winer’s" matches "Winer's". */
function foldChar(ch: string): string {
  return ch === '\u2019' || ch === '\u2018' ? "'" : ch === '\u2010' || ch === '\u2011' ? '-' : ch;
}

/** Splits a surface form into the words the matcher compares. */
export function tokenizeForm(form: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < form.length) {
    const code = form.charCodeAt(i);
    if (isSpaceCode(code)) {
      i++;
    } else if (isWordCode(code, form, i)) {
      let j = i + 1;
      while (j < form.length && isWordCode(form.charCodeAt(j), form, j)) j++;
      tokens.push(form.slice(i, j));
      i = j;
    } else {
      const width = code >= 0xd800 && code <= 0xdbff && i + 1 < form.length ? 2 : 1;
      tokens.push(foldChar(form.slice(i, i + width)));
      i += width;
    }
  }
  return tokens;
}

const LAB_CONTEXT_AFTER = /^[ \t]*[:=]?[ \t]*(?:[<>≤≥]=?[ \t]*)?\d/;

export class TermMatcher {
  private readonly root = new Map<string, TrieNode>();
  private formCount = 0;

  /**
   * Adds one surface form. Case-insensitive unless `exactCase`; a `preferred` form wins
   * over another concept's identical form.
   */
  add(form: string, concept: string, options: { exactCase?: boolean; labContext?: boolean; preferred?: boolean } = {}): void {
    const tokens = tokenizeForm(form);
    if (tokens.length === 0) return;
    let map = this.root;
    let node: TrieNode | undefined;
    for (const token of tokens) {
      const key = token.toLowerCase();
      node = map.get(key);
      if (!node) {
        node = {};
        map.set(key, node);
      }
      if (!node.next) node.next = new Map();
      map = node.next;
    }
    const entry: MatchEntry = { concept };
    if (options.exactCase) entry.exact = tokens;
    if (options.labContext) entry.labContext = true;
    const entries = (node!.entries ??= []);
    if (options.preferred) entries.unshift(entry);
    else entries.push(entry);
    this.formCount++;
  }

  get size(): number {
    return this.formCount;
  }

  /**
   * All non-overlapping matches, scanning left to right; at each position the longest
   * form that satisfies its case and context rules wins.
   */
  findAll(text: string): RawMatch[] {
    const out: RawMatch[] = [];
    // Token boundaries are computed once into flat arrays: cheap, and lets the trie
    // walk look ahead without re-scanning.
    const starts: number[] = [];
    const ends: number[] = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
      const code = text.charCodeAt(i);
      if (isSpaceCode(code)) {
        i++;
        continue;
      }
      if (isWordCode(code, text, i)) {
        let j = i + 1;
        while (j < n && isWordCode(text.charCodeAt(j), text, j)) j++;
        starts.push(i);
        ends.push(j);
        i = j;
      } else {
        const width = code >= 0xd800 && code <= 0xdbff && i + 1 < n ? 2 : 1;
        starts.push(i);
        ends.push(i + width);
        i += width;
      }
    }
    const count = starts.length;
    const lowerCache: (string | undefined)[] = new Array(count);
    const lowerAt = (k: number): string => {
      let s = lowerCache[k];
      if (s === undefined) {
        s = text.slice(starts[k], ends[k]);
        s = s.length === 1 ? foldChar(s).toLowerCase() : s.toLowerCase();
        lowerCache[k] = s;
      }
      return s;
    };

    let t = 0;
    while (t < count) {
      let node = this.root.get(lowerAt(t));
      if (!node) {
        t++;
        continue;
      }
      let bestEnd = -1;
      let bestConcept = '';
      let k = t;
      while (node) {
        if (node.entries) {
          const accepted = this.accept(node.entries, text, starts, ends, t, k);
          if (accepted) {
            bestEnd = k;
            bestConcept = accepted;
          }
        }
        if (!node.next || k + 1 >= count) break;
        node = node.next.get(lowerAt(k + 1));
        k++;
      }
      if (bestEnd >= 0) {
        out.push({ concept: bestConcept, start: starts[t], end: ends[bestEnd] });
        t = bestEnd + 1;
      } else {
        t++;
      }
    }
    return out;
  }

  private accept(entries: MatchEntry[], text: string, starts: number[], ends: number[], first: number, last: number): string | undefined {
    for (const entry of entries) {
      if (entry.exact) {
        let same = entry.exact.length === last - first + 1;
        for (let k = 0; same && k < entry.exact.length; k++) {
          if (foldChar(text.slice(starts[first + k], ends[first + k])) !== entry.exact[k]) same = false;
        }
        if (!same) continue;
      }
      if (entry.labContext && !LAB_CONTEXT_AFTER.test(text.slice(ends[last], ends[last] + 16))) continue;
      return entry.concept;
    }
    return undefined;
  }
}
