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
  /** The ASCII word keys of `next`, by hash of their letters (built by index()). */
  nextAscii?: Map<number, { key: string; node: TrieNode }[]>;
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

// Spaces include no-break, thin and ideographic ones, and digits full-width ones, as pasted from lab portals.
const LAB_CONTEXT_AFTER = /^[ \t\u00a0\u2000-\u200a\u202f\u3000]*[:=\uff1a]?[ \t\u00a0\u2000-\u200a\u202f\u3000]*(?:[<>≤≥]=?[ \t\u00a0\u202f]*)?[\d\uff10-\uff19]/;

function hashLower(lower: string): number {
  let h = 0;
  for (let i = 0; i < lower.length; i++) h = (Math.imul(h, 31) + lower.charCodeAt(i)) | 0;
  return h;
}

/** The bucket entry whose key equals text[s, e) ignoring ASCII case. */
function findInBucket(bucket: { key: string; node: TrieNode }[], text: string, s: number, e: number): TrieNode | undefined {
  const len = e - s;
  outer: for (const { key, node } of bucket) {
    if (key.length !== len) continue;
    for (let k = 0; k < len; k++) {
      let c = text.charCodeAt(s + k);
      if (c >= 65 && c <= 90) c += 32;
      if (c !== key.charCodeAt(k)) continue outer;
    }
    return node;
  }
  return undefined;
}

/** Lower-cased token as the trie stores it (single characters folded first). */
function lowerToken(token: string): string {
  return token.length === 1 ? foldChar(token).toLowerCase() : token.toLowerCase();
}

function nextTokenStart(text: string, i: number): number {
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  return i;
}

/** End of the token starting at i (a word, or one punctuation character or surrogate pair). */
function tokenEnd(text: string, i: number): number {
  const n = text.length;
  const code = text.charCodeAt(i);
  if (isWordCode(code, text, i)) {
    let j = i + 1;
    while (j < n && isWordCode(text.charCodeAt(j), text, j)) j++;
    return j;
  }
  return code >= 0xd800 && code <= 0xdbff && i + 1 < n ? i + 2 : i + 1;
}

/**
 * The child of `node` for the token text[ts, te): an ASCII word is looked up by the hash of
 * its lower-case letters (as the first word is), anything else by its lower-cased text.
 */
function nextNode(node: TrieNode, text: string, ts: number, te: number): TrieNode | undefined {
  let h = 0;
  let k = ts;
  for (; k < te; k++) {
    const c = text.charCodeAt(k);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) h = (Math.imul(h, 31) + c) | 0;
    else if (c >= 65 && c <= 90) h = (Math.imul(h, 31) + c + 32) | 0;
    else break;
  }
  if (k === te && node.nextAscii) {
    const bucket = node.nextAscii.get(h);
    return bucket ? findInBucket(bucket, text, ts, te) : undefined;
  }
  return node.next!.get(lowerToken(text.slice(ts, te)));
}

export class TermMatcher {
  private readonly root = new Map<string, TrieNode>();
  private formCount = 0;
  private maxTokens = 0;

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
   *
   * The scan allocates nothing for a word no form starts with: ASCII words are looked up
   * by a hash of their lower-case letters, computed while they are read.
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
    const punctFirst = this.punctFirst!;
    const firstHashes = this.firstHashes;
    const firstIds = this.firstIds;
    const firstBuckets = this.firstBuckets;
    const firstMask = firstIds.length - 1;
    let i = from;
    for (;;) {
      // Next token.
      let code = 0;
      while (i < n && isSpaceCode((code = text.charCodeAt(i)))) i++;
      if (i >= n || i >= to) return Math.min(i, n);
      const s = i;
      let node: TrieNode | undefined;
      if (code < 128 && ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122))) {
        // ASCII word (it may continue with non-ASCII letters).
        let h = 0;
        let ascii = true;
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c < 128) {
            if (c >= 97 && c <= 122) h = (Math.imul(h, 31) + c) | 0;
            else if (c >= 65 && c <= 90) h = (Math.imul(h, 31) + c + 32) | 0;
            else if (c >= 48 && c <= 57) h = (Math.imul(h, 31) + c) | 0;
            else break;
          } else if (isWordCode(c, text, j)) ascii = false;
          else break;
          j++;
        }
        i = j;
        if (ascii) {
          // Open addressing over the hashes of the first words: most words are in no form.
          for (let slot = h & firstMask; firstIds[slot] !== 0; slot = (slot + 1) & firstMask) {
            if (firstHashes[slot] === h) {
              node = findInBucket(firstBuckets[firstIds[slot] - 1], text, s, j);
              break;
            }
          }
        } else node = this.root.get(text.slice(s, j).toLowerCase());
      } else if (isWordCode(code, text, i)) {
        let j = i + 1;
        while (j < n && isWordCode(text.charCodeAt(j), text, j)) j++;
        i = j;
        node = this.root.get(text.slice(s, j).toLowerCase());
      } else {
        const width = code >= 0xd800 && code <= 0xdbff && i + 1 < n ? 2 : 1;
        i += width;
        if (width === 2 || punctFirst.has(code)) node = this.root.get(lowerToken(text.slice(s, i)));
      }
      if (!node) continue;

      // Walk the trie over the following tokens, remembering the longest accepted form.
      const starts = this.walkStarts;
      const ends = this.walkEnds;
      starts.length = 0;
      ends.length = 0;
      starts.push(s);
      ends.push(i);
      let bestEnd = -1;
      let bestConcept = '';
      let k = 0;
      let pos = i;
      while (node) {
        if (node.entries) {
          const accepted = this.accept(node.entries, text, starts, ends, 0, k);
          if (accepted) {
            bestEnd = k;
            bestConcept = accepted;
          }
        }
        if (!node.next || node.next.size === 0) break;
        const ts = nextTokenStart(text, pos);
        if (ts >= n) break;
        const te = tokenEnd(text, ts);
        starts.push(ts);
        ends.push(te);
        pos = te;
        node = nextNode(node, text, ts, te);
        k++;
      }
      if (bestEnd >= 0) {
        this.pushFound(bestConcept, s, ends[bestEnd]);
        i = ends[bestEnd];
      }
    }
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
      const starts = new Int32Array(k * 2);
      starts.set(this.foundStarts);
      this.foundStarts = starts;
      const ends = new Int32Array(k * 2);
      ends.set(this.foundEnds);
      this.foundEnds = ends;
    }
    this.foundConcepts[k] = concept;
    this.foundStarts[k] = start;
    this.foundEnds[k] = end;
    this.found = k + 1;
  }

  private readonly walkStarts: number[] = [];
  private readonly walkEnds: number[] = [];
  private dirty = true;
  /** First ASCII words by hash: slot → hash, slot → bucket index + 1 (0: empty). */
  private firstHashes = new Int32Array(1);
  private firstIds = new Int32Array(1);
  private firstBuckets: { key: string; node: TrieNode }[][] = [];
  private punctFirst?: Set<number>;

  /** Builds the first-word lookup tables after forms were added. */
  private index(): void {
    const asciiFirst = new Map<number, { key: string; node: TrieNode }[]>();
    const punctFirst = new Set<number>();
    for (const [key, node] of this.root) {
      if (/^[a-z0-9]+$/.test(key)) {
        const h = hashLower(key);
        const bucket = asciiFirst.get(h) ?? [];
        bucket.push({ key, node });
        asciiFirst.set(h, bucket);
      } else if (key.length === 1) punctFirst.add(key.charCodeAt(0));
    }
    // The same hashed lookup for the words after the first (no string per step of the walk).
    const stack = [...this.root.values()];
    while (stack.length) {
      const node = stack.pop()!;
      if (!node.next) continue;
      const byHash = new Map<number, { key: string; node: TrieNode }[]>();
      for (const [key, child] of node.next) {
        stack.push(child);
        if (!/^[a-z0-9]+$/.test(key)) continue;
        const h = hashLower(key);
        const bucket = byHash.get(h) ?? [];
        bucket.push({ key, node: child });
        byHash.set(h, bucket);
      }
      node.nextAscii = byHash;
    }
    // Typographic apostrophes and hyphens fold to ASCII ones before the lookup.
    if (punctFirst.has(39)) punctFirst.add(0x2019).add(0x2018);
    if (punctFirst.has(45)) punctFirst.add(0x2010).add(0x2011);
    let size = 16;
    while (size < asciiFirst.size * 4) size *= 2;
    const hashes = new Int32Array(size);
    const ids = new Int32Array(size);
    const buckets: { key: string; node: TrieNode }[][] = [];
    for (const [h, bucket] of asciiFirst) {
      let slot = h & (size - 1);
      while (ids[slot] !== 0) slot = (slot + 1) & (size - 1);
      hashes[slot] = h;
      buckets.push(bucket);
      ids[slot] = buckets.length;
    }
    this.firstHashes = hashes;
    this.firstIds = ids;
    this.firstBuckets = buckets;
    this.punctFirst = punctFirst;
    this.dirty = false;
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
