// The analyte name table and the regexes built from it. Every name, exact-case name and
// number-only name in knowledge/analytes.ts, and every phrase that is not a lab value,
// becomes one trie-shaped regex: NAME_RE finds the names in one global scan, NAME_AT reads
// one at a fixed position (the second name of "Ca/Phos"). `lookup` turns the text matched
// back into the entry it stands for.

import { ANALYTES, NOT_A_LAB_VALUE, type Analyte } from '../../knowledge/analytes';

export interface NameEntry {
  analyte: Analyte | null; // null: a phrase that is not a lab value (drug, score, product)
  /** Case-sensitive key of the form when only that exact case counts. */
  exact: string | null;
  /** Only directly before a number or inside a slash list ("P 4.1", "Ca/P"). */
  numberOnly: boolean;
}

function keyOf(s: string): string {
  return s.toLowerCase().replace(/[\s\-‐–.]+/g, '');
}
function exactKeyOf(s: string): string {
  return s.replace(/[\s\-‐–.]+/g, '');
}
/** A form as regex tokens: spaces match runs of blanks, hyphens and dots are optional. */
function formTokens(form: string): string[] {
  const out: string[] = [];
  for (const ch of form) {
    if (ch === ' ') out.push('[ \\t]*');
    else if (ch === '-' || ch === '‐') out.push('[ \\t]*[-‐–]?[ \\t]*');
    else if (ch === '.') out.push('\\.?');
    else out.push(ch.replace(/[\\^$*+?()[\]{}|/]/g, '\\$&'));
  }
  return out;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  terminal: boolean;
}

/**
 * One regex for many forms, factored as a trie so the engine rejects most positions
 * after one character instead of trying every alternative in turn. Longer forms are
 * tried before a form ends (the empty branch comes last).
 */
function trieRegexSource(forms: string[]): string {
  const root: TrieNode = { children: new Map(), terminal: false };
  for (const f of forms) {
    let node = root;
    for (const tok of formTokens(f)) {
      const key = tok.length === 1 ? tok.toLowerCase() : tok;
      let next = node.children.get(key);
      if (!next) node.children.set(key, (next = { children: new Map(), terminal: false }));
      node = next;
    }
    node.terminal = true;
  }
  const emit = (node: TrieNode): string => {
    const branches = [...node.children.entries()]
      // Literal characters before optional tokens, so fixed text is preferred.
      .sort((a, b) => (a[0].length === 1 ? 0 : 1) - (b[0].length === 1 ? 0 : 1))
      .map(([tok, child]) => tok + emit(child));
    if (!branches.length) return '';
    const body = branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
    if (!node.terminal) return body;
    return branches.length === 1 ? `(?:${body})?` : `${body}?`;
  };
  return emit(root);
}

const ENTRIES = new Map<string, NameEntry[]>();
const FORMS: string[] = [];
function addForm(form: string, entry: NameEntry): void {
  const key = keyOf(form);
  let list = ENTRIES.get(key);
  if (!list) ENTRIES.set(key, (list = []));
  list.push(entry);
  FORMS.push(form);
}
for (const phrase of NOT_A_LAB_VALUE) addForm(phrase, { analyte: null, exact: null, numberOnly: false });
for (const a of ANALYTES) {
  for (const n of a.names) addForm(n, { analyte: a, exact: null, numberOnly: false });
  for (const n of a.exactNames ?? []) addForm(n, { analyte: a, exact: exactKeyOf(n), numberOnly: false });
  for (const n of a.numberOnlyNames ?? []) addForm(n, { analyte: a, exact: exactKeyOf(n), numberOnly: true });
}
const NAME_SOURCE =
  '(?:' +
  trieRegexSource([...new Set(FORMS)]) +
  ')(?![A-Za-z_]|\\d(?!\\d*[.,]\\d))';
/**
 * A name must not continue a word. Every form begins with an ASCII letter or digit, and then
 * `\b` says exactly that (no [A-Za-z0-9_] before it) while letting the regex engine skip
 * ahead to where a name can begin; the equivalent lookbehind makes it try every position
 * (a 1 MB scan takes 5.4 ms with it, 3.3 ms with `\b`). A form beginning otherwise would need
 * the lookbehind.
 */
const NOT_INSIDE_A_WORD = FORMS.every((f) => /^[A-Za-z0-9_]/.test(f)) ? '\\b' : '(?<![A-Za-z0-9_])';
/** Every analyte name, one global scan. */
export const NAME_RE = new RegExp(NOT_INSIDE_A_WORD + NAME_SOURCE, 'gi');
/** The same names, anchored (for the second name of "Ca/Phos"). */
export const NAME_AT = new RegExp(NAME_SOURCE, 'iy');

/** Lookups by the name as written (a note repeats a few dozen spellings thousands of times). */
const LOOKUP_CACHE: [Map<string, NameEntry | null>, Map<string, NameEntry | null>] = [new Map(), new Map()];

export function lookup(matched: string, allowNumberOnly: boolean): NameEntry | null {
  const cache = LOOKUP_CACHE[allowNumberOnly ? 1 : 0];
  let entry = cache.get(matched);
  if (entry === undefined) {
    entry = lookupUncached(matched, allowNumberOnly);
    if (cache.size >= 4096) cache.clear();
    cache.set(matched, entry);
  }
  return entry;
}

function lookupUncached(matched: string, allowNumberOnly: boolean): NameEntry | null {
  const list = ENTRIES.get(keyOf(matched));
  if (!list) return null;
  const exact = exactKeyOf(matched);
  for (const e of list) {
    if (e.numberOnly && !allowNumberOnly) continue;
    if (e.exact === null || e.exact === exact) return e;
  }
  return null;
}
