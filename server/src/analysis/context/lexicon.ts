// The trigger lexicon of the assertion context, compiled once at module load: every phrase of
// knowledge/contextTriggers.ts as token ids, looked up by its first token, and the character
// tables the sentence scanner reads text with. Words are keyed by a hash in a typed-array
// table, so scanning allocates nothing for the many words that are not part of any trigger.

import { CONTEXT_TRIGGERS, type ModifierKind, type TriggerDirection } from '../../knowledge/contextTriggers';

interface CompiledTrigger {
  kind: ModifierKind | 'pseudo' | 'terminate';
  direction: TriggerDirection;
  maxWords: number;
  clause: boolean;
  /** For terminators: bit mask of the kinds whose scope it ends. */
  endsMask: number;
}

export interface PhraseEntry {
  /** Token ids (see VOCAB) of the phrase. */
  ids: number[];
  triggers: CompiledTrigger[];
  /** Kinds (bit mask) whose scope this phrase ends. */
  terminatesMask: number;
  /**
   * True when the phrase is a trigger, or begins with one ("no" in a longer phrase): a mention
   * starting inside the phrase is then reached by that beginning (see resolve).
   */
  actsAsTrigger: boolean;
}

export const KIND_BIT: Record<ModifierKind, number> = {
  negated: 1,
  possible: 2,
  historical: 4,
  hypothetical: 8,
  'other-experiencer': 16,
};
const ALL_KINDS = 31;

// Tokens: a word is a run of letters/digits (an apostrophe between two of them
// stays inside: "didn't", "patient's"); any other visible character is a token of
// its own. Text is scanned by character code and words are looked up by a hash in
// a typed-array table, so scanning allocates nothing for the many words that are
// not part of any trigger.

export function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c >= 0xd800 && c <= 0xdfff) return false; // surrogates (emoji): punctuation-like
  if (c === 0xa0 || (c >= 0x2000 && c <= 0x206f) || c === 0x3000 || c === 0xfeff) return false;
  return true;
}
function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}
export function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000;
}
function lowerCode(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c === 0x2019 ? 39 : c;
}

/** Character classes for the scanner, for every UTF-16 code unit: one table load per character. */
export const SPACE = 0;
export const WORD = 1;
export const APOS = 2;
const OTHER = 3;
export const CHAR_CLASS: Uint8Array = (() => {
  // Every code unit outside these ranges is a letter (see isWordCode): classifying only the
  // ranges, not all 65,536 units one by one, saves about 4 ms of server start-up.
  const t = new Uint8Array(65536).fill(WORD);
  const notAllLetters = [[0, 127], [0xa0, 0xa0], [0x2000, 0x206f], [0x3000, 0x3000], [0xd800, 0xdfff], [0xfeff, 0xfeff]];
  for (const [from, to] of notAllLetters) {
    for (let c = from; c <= to; c++) t[c] = isSpaceCode(c) ? SPACE : isWordCode(c) ? WORD : isApostrophe(c) ? APOS : OTHER;
  }
  return t;
})();
/** ASCII lower-casing table (other code units map to themselves, ’ to '). */
export const LOWER = new Uint16Array(65536);
for (let c = 0; c < 65536; c++) LOWER[c] = c;
for (let c = 65; c <= 90; c++) LOWER[c] = lowerCode(c);
LOWER[0x2019] = lowerCode(0x2019);

/** Splits a trigger phrase into tokens by the same rules the scanner applies to text. */
function tokenizePhrase(phrase: string): string[] {
  const out: string[] = [];
  const p = phrase.toLowerCase();
  let i = 0;
  while (i < p.length) {
    const c = p.charCodeAt(i);
    if (isSpaceCode(c)) {
      i++;
    } else if (isWordCode(c)) {
      const ws = i;
      while (i < p.length && (isWordCode(p.charCodeAt(i)) || (isApostrophe(p.charCodeAt(i)) && i + 1 < p.length && isWordCode(p.charCodeAt(i + 1))))) i++;
      out.push(p.slice(ws, i));
    } else {
      out.push(p[i]);
      i++;
    }
  }
  return out;
}

export const FNV_BASIS = 0x811c9dc5 | 0;
export const FNV_PRIME = 16777619;
const TABLE_BITS = 12;
const TABLE_MASK = (1 << TABLE_BITS) - 1;

/** Every distinct token of the lexicon; a token's id is its index. */
const VOCAB: string[] = [];
const HASH_KEYS = new Int32Array(1 << TABLE_BITS);
/** Word id + 1 per slot (0 = empty). */
const HASH_IDS = new Int32Array(1 << TABLE_BITS);
/** Id of a single-character (punctuation) token, by char code < 128; -1 when none. */
export const PUNCT_ID = new Int32Array(128).fill(-1);

function wordHash(s: string, from: number, to: number): number {
  let h = FNV_BASIS;
  for (let i = from; i < to; i++) h = Math.imul(h ^ lowerCode(s.charCodeAt(i)), FNV_PRIME);
  return h;
}

function tokenId(tok: string, add: boolean): number {
  const c = tok.charCodeAt(0);
  if (!isWordCode(c)) {
    if (c >= 128) return -1;
    if (PUNCT_ID[c] < 0 && add) {
      PUNCT_ID[c] = VOCAB.length;
      VOCAB.push(tok);
    }
    return PUNCT_ID[c];
  }
  const h = wordHash(tok, 0, tok.length);
  for (let slot = h & TABLE_MASK; ; slot = (slot + 1) & TABLE_MASK) {
    const id = HASH_IDS[slot] - 1;
    if (id < 0) {
      if (!add) return -1;
      HASH_KEYS[slot] = h;
      HASH_IDS[slot] = VOCAB.length + 1;
      VOCAB.push(tok);
      return VOCAB.length - 1;
    }
    if (HASH_KEYS[slot] === h && VOCAB[id] === tok) return id;
  }
}

/** Phrase entries by the id of their first token, longest first. */
const BY_FIRST_TOKEN: PhraseEntry[][] = (() => {
  // Parentheses are tokens too: they bound the scope of the triggers inside them.
  tokenId('(', true);
  tokenId(')', true);
  const byPhrase = new Map<string, PhraseEntry>();
  for (const trig of CONTEXT_TRIGGERS) {
    const tokens = tokenizePhrase(trig.phrase);
    if (tokens.length === 0) continue;
    const ids = tokens.map((t) => tokenId(t, true));
    if (ids.some((id) => id < 0)) continue;
    const key = ids.join(' ');
    let entry = byPhrase.get(key);
    if (!entry) {
      entry = { ids, triggers: [], terminatesMask: 0, actsAsTrigger: false };
      byPhrase.set(key, entry);
    }
    const endsMask = trig.kind === 'terminate' ? (trig.ends ? trig.ends.reduce((m, k) => m | KIND_BIT[k], 0) : ALL_KINDS) : 0;
    entry.terminatesMask |= endsMask;
    if (trig.kind === 'terminate') continue;
    entry.triggers.push({
      kind: trig.kind,
      direction: trig.direction ?? 'forward',
      maxWords: trig.maxWords ?? Number.POSITIVE_INFINITY,
      clause: !!trig.clause,
      endsMask,
    });
  }
  for (const entry of byPhrase.values()) {
    for (let len = 1; len <= entry.ids.length && !entry.actsAsTrigger; len++) {
      const prefix = byPhrase.get(entry.ids.slice(0, len).join(' '));
      entry.actsAsTrigger = prefix !== undefined && prefix.triggers.length > 0;
    }
  }
  const table: PhraseEntry[][] = VOCAB.map(() => []);
  for (const entry of byPhrase.values()) table[entry.ids[0]].push(entry);
  for (const list of table) list.sort((a, b) => b.ids.length - a.ids.length);
  return table;
})();
export const OPEN_PAREN = PUNCT_ID[40];
export const CLOSE_PAREN = PUNCT_ID[41];

/** Id of the word text[from, to) in the lexicon, or -1. */
export function lookupWord(text: string, from: number, to: number, h: number): number {
  const len = to - from;
  for (let slot = h & TABLE_MASK; ; slot = (slot + 1) & TABLE_MASK) {
    const id = HASH_IDS[slot] - 1;
    if (id < 0) return -1;
    if (HASH_KEYS[slot] !== h) continue;
    const w = VOCAB[id];
    if (w.length !== len) continue;
    let same = true;
    for (let k = 0; k < len; k++) {
      if (LOWER[text.charCodeAt(from + k)] !== w.charCodeAt(k)) {
        same = false;
        break;
      }
    }
    if (same) return id;
  }
}

/** The longest phrase whose tokens are ids[k..] (consecutive in the text), using tokens before `limit` only. */
export function longestEntryAt(ids: Int32Array, ordinals: Int32Array, k: number, limit: number): PhraseEntry | undefined {
  const candidates = BY_FIRST_TOKEN[ids[k]];
  for (const entry of candidates) {
    const len = entry.ids.length;
    if (k + len > limit) continue;
    let ok = true;
    for (let j = 1; j < len; j++) {
      if (ids[k + j] !== entry.ids[j] || ordinals[k + j] !== ordinals[k] + j) {
        ok = false;
        break;
      }
    }
    if (ok) return entry;
  }
  return undefined;
}
