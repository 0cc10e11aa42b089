// Finds every surface form of every concept in a text in one pass.
//
// Why a token trie and not one big regular expression: an alternation of a thousand
// phrases that share first words defeats the regex engine's prefilter, while a map
// keyed by the first word stays linear in the text whatever the vocabulary size.
// Words are runs of letters and digits; punctuation characters are words of their
// own; any run of whitespace separates words, so a phrase may wrap onto the next line
// (not across a blank line, which ends a paragraph).

import { doubled } from './buffers';

export interface MatchEntry {
  concept: string;
  /** Exact-case form as tokens, when the form is case-sensitive. */
  exact?: string[];
  /** The form counts only when a number follows (a bare "P" or "K"). */
  labContext?: boolean;
}

export interface RawMatch {
  concept: string;
  start: number;
  end: number;
}

const nonAsciiWordCache = new Map<number, boolean>();
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Is the code unit `code`, at text[i], part of a word? (Also read by bench/experiments/wasm-term-scan.) */
export function isWordCode(code: number, text: string, i: number): boolean {
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

/** Each ASCII letter or digit's lower-case code; 0 for every other ASCII character. */
const ASCII_FOLD: Uint8Array = (() => {
  const t = new Uint8Array(128);
  for (let c = 48; c <= 57; c++) t[c] = c;
  for (let c = 97; c <= 122; c++) t[c] = t[c - 32] = c;
  return t;
})();

function isSpaceCode(code: number): boolean {
  if (code > 32 && code < 0xa0) return false; // most characters, at the first test
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

// Spaces include no-break, thin and ideographic ones, and digits full-width ones, as pasted from lab portals.
const LAB_CONTEXT_AFTER = /^[ \t\u00a0\u2000-\u200a\u202f\u3000]*[:=\uff1a]?[ \t\u00a0\u2000-\u200a\u202f\u3000]*(?:[<>≤≥]=?[ \t\u00a0\u202f]*)?[\d\uff10-\uff19]/;

function hashLower(lower: string): number {
  let h = 0;
  for (let i = 0; i < lower.length; i++) h = (Math.imul(h, 31) + lower.charCodeAt(i)) | 0;
  return h;
}

/** Lower-cased token as the trie stores it (single characters folded first). */
function lowerToken(token: string): string {
  return token.length === 1 ? foldChar(token).toLowerCase() : token.toLowerCase();
}

/** foldChar on one code unit (typographic apostrophes and hyphens to ASCII). */
function foldCode(c: number): number {
  return c === 0x2019 || c === 0x2018 ? 39 : c === 0x2010 || c === 0x2011 ? 45 : c;
}

const ASCII_WORD = /^[a-z0-9]+$/;

/** The key of the transition from `node` on the lower-cased `token` (the first NUL ends the node's digits). */
function edgeKey(node: number, token: string): string {
  return `${node}\u0000${token}`;
}
function nodeOfEdge(edge: string): number {
  return Number(edge.slice(0, edge.indexOf('\u0000')));
}
function tokenOfEdge(edge: string): string {
  return edge.slice(edge.indexOf('\u0000') + 1);
}

/** Bytes of TermMatcher.rootHashBits, less one: 8 KB, 2^16 bits (one load, in the L1 cache). */
const ROOT_BITS_MASK = 0x1fff;

/** Slot of the transition (node, word hash) in the open-addressing table. (Also read by bench/experiments/wasm-term-scan.) */
export function slotOf(node: number, h: number, mask: number): number {
  const x = (h + Math.imul(node, 0x9e3779b1)) | 0;
  return (x ^ (x >>> 15)) & mask;
}

/**
 * The trie is flat: nodes are numbers (0 is the root), and every transition on an ASCII
 * word lives in one open-addressing table keyed by (node, hash of the word's lower-case
 * letters), with the word kept to confirm a hit. The scan computes the hash while it reads
 * a word, so a step costs a multiply and an array probe, with no string made. Words with
 * other letters and punctuation are rarer and go through a per-node map of strings.
 */
export class TermMatcher {
  /**
   * Every transition while forms are added, keyed by edgeKey(node, lower-cased token). The scan
   * reads the tables below instead, so index() moves the transitions there and empties this
   * map (a map per node, 2,600 of them, and then this map were most of the matcher's memory);
   * a form added after that brings them back (restoreEdges).
   */
  private readonly edges = new Map<string, number>();
  /** Whether the transitions are only in the tables (index() ran since the last add). */
  private edgesInTables = false;
  /**
   * Per node: the forms ending there, best first. Almost every node ends one form of one
   * concept, with no case or context rule: that node holds the concept's id alone instead of
   * a list of one entry object (2,400 small arrays and objects less).
   */
  private readonly entries: (MatchEntry[] | string | undefined)[] = [undefined];
  private formCount = 0;
  private maxTokens = 0;
  private dirty = true;

  // Built by index(): the ASCII transitions, and which punctuation can start a form.
  /** Bit (h & 0xffff) set for the hash h of every ASCII word that starts a form. */
  private rootHashBits = new Uint8Array(ROOT_BITS_MASK + 1);
  private tParent = new Int32Array(1); // parent node + 1; 0 marks an empty slot
  private tHash = new Int32Array(1);
  private tChild = new Int32Array(1);
  private tKey: string[] = [];
  private hasChildren = new Uint8Array(1);
  /** Per node: its transitions on words with other letters and on punctuation (undefined: none). */
  private otherChildren: (Map<string, number> | undefined)[] = [];
  private punctFirst = new Set<number>();
  /** The root's child for each ASCII punctuation mark (-1: none), without slicing it out of the text. */
  private rootPunct = new Int32Array(128).fill(-1);
  private walkStarts = new Int32Array(1);
  private walkEnds = new Int32Array(1);

  /**
   * Adds one surface form. Case-insensitive unless `exactCase`; a `preferred` form wins
   * over another concept's identical form.
   */
  add(form: string, concept: string, options: { exactCase?: boolean; labContext?: boolean; preferred?: boolean } = {}): void {
    const tokens = tokenizeForm(form);
    if (tokens.length === 0) return;
    if (this.edgesInTables) this.restoreEdges();
    let node = 0;
    for (const token of tokens) {
      const key = edgeKey(node, token.toLowerCase());
      let child = this.edges.get(key);
      if (child === undefined) {
        child = this.entries.length;
        this.entries.push(undefined);
        this.edges.set(key, child);
      }
      node = child;
    }
    const entry: MatchEntry = { concept };
    if (options.exactCase) entry.exact = tokens;
    if (options.labContext) entry.labContext = true;
    const here = this.entries[node];
    if (here === undefined && !entry.exact && !entry.labContext) this.entries[node] = concept;
    else {
      const entries = here === undefined ? [] : typeof here === 'string' ? [{ concept: here }] : here;
      if (options.preferred) entries.unshift(entry);
      else entries.push(entry);
      this.entries[node] = entries;
    }
    this.formCount++;
    if (tokens.length > this.maxTokens) this.maxTokens = tokens.length;
    this.dirty = true;
  }

  get size(): number {
    return this.formCount;
  }

  /** The most words in one form: how far past a word the scan can look (plus one word). */
  get depth(): number {
    return this.maxTokens;
  }

  /**
   * All non-overlapping matches, scanning left to right; at each position the longest
   * form that satisfies its case and context rules wins.
   */
  findAll(text: string): RawMatch[] {
    return this.scan(text, 0, text.length).matches;
  }

  /**
   * The matches `findAll` finds that start in [from, to), scanning from `from`, which must
   * be a position the full scan visits (the text start, or a token start outside every
   * match). `next` is where the scan stands when it stops: the start of the first token at
   * or after `to` that no match covers (or the text length). Resuming a scan at `next`
   * gives exactly what one scan would have given, which is what chunked and incremental
   * analysis rely on.
   */
  scan(text: string, from: number, to: number): { matches: RawMatch[]; next: number } {
    const next = this.scanInto(text, from, to);
    const matches: RawMatch[] = new Array(this.found);
    for (let k = 0; k < this.found; k++) matches[k] = { concept: this.foundConcepts[k], start: this.foundStarts[k], end: this.foundEnds[k] };
    this.releaseFound();
    return { matches, next };
  }

  /** Matches of the last scanInto: how many, and their concepts and offsets (valid until the next scan). */
  found = 0;
  foundConcepts: string[] = [];
  foundStarts = new Int32Array(256);
  foundEnds = new Int32Array(256);

  /**
   * What `scan` does, without an object per match: the matches are left in `found`,
   * `foundConcepts`, `foundStarts` and `foundEnds`; returns `next`.
   */
  scanInto(text: string, from: number, to: number): number {
    if (this.dirty) this.index();
    this.found = 0;
    const n = text.length;
    const hasChildren = this.hasChildren;
    const entries = this.entries;
    const starts = this.walkStarts;
    const ends = this.walkEnds;
    let i = from;
    for (;;) {
      let code = 0;
      while (i < n && isSpaceCode((code = text.charCodeAt(i)))) i++;
      if (i >= n || i >= to) return Math.min(i, n);
      const s = i;
      i = this.readToken(text, i, 0, code);
      let node = this.stepped;
      if (node < 0) continue;

      // Walk the trie over the following tokens, remembering the longest accepted form.
      starts[0] = s;
      ends[0] = i;
      let bestEnd = -1;
      let bestConcept = '';
      let k = 0;
      for (;;) {
        const here = entries[node];
        if (here !== undefined) {
          const accepted = typeof here === 'string' ? here : this.accept(here, text, k);
          if (accepted !== undefined) {
            bestEnd = k;
            bestConcept = accepted;
          }
        }
        if (hasChildren[node] === 0) break;
        let ts = ends[k];
        let lineBreaks = 0;
        for (let c: number; ts < n && isSpaceCode((c = text.charCodeAt(ts))); ts++) {
          if (c === 10 || (c === 13 && text.charCodeAt(ts + 1) !== 10)) lineBreaks++;
        }
        // A form may wrap onto the next line, but not across a blank line: that ends a paragraph.
        if (ts >= n || lineBreaks > 1) break;
        const te = this.readToken(text, ts, node, text.charCodeAt(ts));
        k++;
        starts[k] = ts;
        ends[k] = te;
        node = this.stepped;
        if (node < 0) break;
      }
      if (bestEnd >= 0) {
        this.pushFound(bestConcept, s, ends[bestEnd]);
        i = ends[bestEnd];
      }
    }
  }

  /** The node reached by the last readToken, or -1. */
  private stepped = -1;

  /**
   * Reads the token at i (whose first code unit is `code`): a word, or one punctuation
   * character or surrogate pair. Leaves in `stepped` the child of `node` for it (-1 when
   * there is none) and returns the token's end.
   */
  private readToken(text: string, i: number, node: number, code: number): number {
    const n = text.length;
    if (code < 128 && ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57))) {
      let h = 0;
      let j = i;
      let ascii = true;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c < 128) {
          const f = ASCII_FOLD[c]!;
          if (f === 0) break;
          h = (Math.imul(h, 31) + f) | 0;
        } else if (isWordCode(c, text, j)) ascii = false;
        else break;
        j++;
      }
      if (!ascii) this.stepped = this.otherChild(node, text.slice(i, j).toLowerCase());
      // Most words start no form: one bit of the root's hashes rules them out without a probe.
      else if (node === 0 && (this.rootHashBits[(h >>> 3) & ROOT_BITS_MASK]! & (1 << (h & 7))) === 0) this.stepped = -1;
      else this.stepped = this.asciiChild(node, h, text, i, j);
      return j;
    }
    if (isWordCode(code, text, i)) {
      let j = i + 1;
      while (j < n && isWordCode(text.charCodeAt(j), text, j)) j++;
      this.stepped = this.otherChild(node, text.slice(i, j).toLowerCase());
      return j;
    }
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < n ? 2 : 1;
    // (An ASCII mark is its own lower-cased, folded token.)
    if (node === 0 && code < 128) this.stepped = this.rootPunct[code]!;
    else if (node === 0 && width === 1 && !this.punctFirst.has(code)) this.stepped = -1;
    else this.stepped = this.otherChild(node, lowerToken(text.slice(i, i + width)));
    return i + width;
  }

  /** The child of `node` for the ASCII word text[s, e) whose lower-case hash is h, or -1. */
  private asciiChild(node: number, h: number, text: string, s: number, e: number): number {
    const mask = this.tParent.length - 1;
    const len = e - s;
    for (let slot = slotOf(node, h, mask); this.tParent[slot] !== 0; slot = (slot + 1) & mask) {
      if (this.tParent[slot] !== node + 1 || this.tHash[slot] !== h) continue;
      const key = this.tKey[slot];
      if (key.length !== len) continue;
      let k = 0;
      for (; k < len; k++) {
        let c = text.charCodeAt(s + k);
        if (c >= 65 && c <= 90) c += 32;
        if (c !== key.charCodeAt(k)) break;
      }
      if (k === len) return this.tChild[slot];
    }
    return -1;
  }

  private otherChild(node: number, key: string): number {
    const map = this.otherChildren[node];
    return map === undefined ? -1 : (map.get(key) ?? -1);
  }

  /** Drops large match buffers (after a long note), so the shared matcher holds little. */
  releaseFound(): void {
    this.found = 0;
    if (this.foundStarts.length > 4096) {
      this.foundConcepts = [];
      this.foundStarts = new Int32Array(256);
      this.foundEnds = new Int32Array(256);
    }
  }

  private pushFound(concept: string, start: number, end: number): void {
    const k = this.found;
    if (k === this.foundStarts.length) {
      this.foundStarts = doubled(this.foundStarts);
      this.foundEnds = doubled(this.foundEnds);
    }
    this.foundConcepts[k] = concept;
    this.foundStarts[k] = start;
    this.foundEnds[k] = end;
    this.found = k + 1;
  }

  /** Builds the transition tables after forms were added. */
  private index(): void {
    const nodes = this.entries.length;
    let ascii = 0;
    for (const key of this.edges.keys()) if (ASCII_WORD.test(tokenOfEdge(key))) ascii++;
    // Load factor at most 1/2: a probe rarely goes past its first slot.
    let size = 16;
    while (size < ascii * 2) size *= 2;
    const parent = new Int32Array(size);
    const hashes = new Int32Array(size);
    const child = new Int32Array(size);
    const keys: string[] = new Array(size).fill('');
    const hasChildren = new Uint8Array(nodes);
    const otherChildren: (Map<string, number> | undefined)[] = new Array(nodes).fill(undefined);
    const punctFirst = new Set<number>();
    const rootPunct = new Int32Array(128).fill(-1);
    const rootHashBits = new Uint8Array(ROOT_BITS_MASK + 1);
    for (const [edge, to] of this.edges) {
      const node = nodeOfEdge(edge);
      const key = tokenOfEdge(edge);
      hasChildren[node] = 1;
      if (!ASCII_WORD.test(key)) {
        (otherChildren[node] ??= new Map()).set(key, to);
        if (node === 0 && key.length === 1) {
          punctFirst.add(key.charCodeAt(0));
          if (key.charCodeAt(0) < 128) rootPunct[key.charCodeAt(0)] = to;
        }
        continue;
      }
      const h = hashLower(key);
      if (node === 0) rootHashBits[(h >>> 3) & ROOT_BITS_MASK]! |= 1 << (h & 7);
      let slot = slotOf(node, h, size - 1);
      while (parent[slot] !== 0) slot = (slot + 1) & (size - 1);
      parent[slot] = node + 1;
      hashes[slot] = h;
      child[slot] = to;
      keys[slot] = key;
    }
    // Typographic apostrophes and hyphens fold to ASCII ones before the lookup.
    if (punctFirst.has(39)) punctFirst.add(0x2019).add(0x2018);
    if (punctFirst.has(45)) punctFirst.add(0x2010).add(0x2011);
    this.rootHashBits = rootHashBits;
    this.tParent = parent;
    this.tHash = hashes;
    this.tChild = child;
    this.tKey = keys;
    this.hasChildren = hasChildren;
    this.otherChildren = otherChildren;
    this.punctFirst = punctFirst;
    this.rootPunct = rootPunct;
    this.walkStarts = new Int32Array(this.maxTokens + 1);
    this.walkEnds = new Int32Array(this.maxTokens + 1);
    this.edges.clear();
    this.edgesInTables = true;
    this.dirty = false;
  }

  /** Puts the transitions back into `edges` from the tables (a form added after a scan). */
  private restoreEdges(): void {
    for (let slot = 0; slot < this.tParent.length; slot++) {
      if (this.tParent[slot] !== 0) this.edges.set(edgeKey(this.tParent[slot] - 1, this.tKey[slot]), this.tChild[slot]);
    }
    this.otherChildren.forEach((map, node) => map?.forEach((to, key) => this.edges.set(edgeKey(node, key), to)));
    this.edgesInTables = false;
  }

  /** The concept of the first entry whose case and context rules hold for tokens 0..last of the walk. */
  private accept(entries: MatchEntry[], text: string, last: number): string | undefined {
    const starts = this.walkStarts;
    const ends = this.walkEnds;
    outer: for (const entry of entries) {
      const exact = entry.exact;
      if (exact) {
        if (exact.length !== last + 1) continue;
        for (let k = 0; k <= last; k++) {
          const word = exact[k];
          const s = starts[k];
          const len = ends[k] - s;
          if (word.length !== len) continue outer;
          if (len === 1) {
            if (foldCode(text.charCodeAt(s)) !== word.charCodeAt(0)) continue outer;
          } else {
            for (let c = 0; c < len; c++) if (text.charCodeAt(s + c) !== word.charCodeAt(c)) continue outer;
          }
        }
      }
      if (entry.labContext && !LAB_CONTEXT_AFTER.test(text.slice(ends[last], ends[last] + 16))) continue;
      return entry.concept;
    }
    return undefined;
  }
}
