// Keeps the TextMate grammar's word lists in step with the server's data: every section
// header phrase, quantitative lab name and forward negation cue the analysis knows is added
// to the matching alternation in syntaxes/clinical-note.tmLanguage.json (entries written by
// hand there are kept). `--check` writes nothing and fails when an entry is missing.
// Run: npm run build:grammar [-- --check]

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANALYTES } from '../server/src/knowledge/analytes';
import { CONTEXT_TRIGGERS } from '../server/src/knowledge/contextTriggers';
import { SECTION_HEADERS } from '../server/src/knowledge/sectionHeaders';

const FILE = join(__dirname, '..', 'syntaxes', 'clinical-note.tmLanguage.json');

/** A phrase as a grammar regex: metacharacters escaped, any run of spaces allowed. */
export function phraseToRegex(phrase: string): string {
  return phrase
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\s+/g, '\\s+');
}

/** Start and end (exclusive, after the closing paren) of the group opening at `open`. */
function groupEnd(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  throw new Error(`unbalanced group at ${open}`);
}

/** Top-level alternatives of a group body. */
function alternatives(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(body.slice(start, i));
      start = i + 1;
    }
  }
  out.push(body.slice(start));
  return out;
}

/**
 * Adds `wanted` (regex sources) to the alternation of the group that starts at the n-th
 * occurrence of `opener` in `match`. Longest first, so the longest phrase wins.
 */
function extend(match: string, opener: string, nth: number, wanted: string[], exactCase = false): { match: string; added: string[] } {
  let at = -1;
  for (let k = 0; k <= nth; k++) at = match.indexOf(opener, at + 1);
  if (at < 0) throw new Error(`no group ${opener} #${nth}`);
  const end = groupEnd(match, at);
  const body = match.slice(at + opener.length, end - 1);
  const existing = alternatives(body);
  // Compared without optional escapes ("x\\-ray" is "x-ray"), and without case unless the group is exact-case.
  const key = (source: string) => {
    const plain = source.replace(/\\([^A-Za-z])/g, '$1');
    return exactCase ? plain : plain.toLowerCase();
  };
  const known = new Set(existing.map(key));
  const added = [...new Set(wanted)].filter((w) => !known.has(key(w)));
  const all = [...existing, ...added].sort((a, b) => b.length - a.length || a.localeCompare(b));
  return { match: match.slice(0, at + opener.length) + all.join('|') + match.slice(end - 1), added };
}

export function updatedGrammar(grammar: { repository: Record<string, { match: string }> }) {
  const repo = grammar.repository;
  const missing: string[] = [];
  const apply = (rule: string, opener: string, nth: number, wanted: string[], exactCase = false) => {
    const r = extend(repo[rule].match, opener, nth, wanted, exactCase);
    repo[rule].match = r.match;
    missing.push(...r.added.map((a) => `${rule}: ${a}`));
  };
  // Strict one-letter headers ("A", "P") are coloured by the caps-header rule only when alone.
  apply('section-header', '(?i:', 0, SECTION_HEADERS.filter((h) => !h.strict).flatMap((h) => h.phrases.map(phraseToRegex)));
  const quantitative = ANALYTES.filter((a) => a.kind === 'quantitative');
  apply('lab-run', '(?i:', 0, quantitative.flatMap((a) => a.names.map(phraseToRegex)));
  apply('lab-run', '(?:', 0, quantitative.flatMap((a) => (a.exactNames ?? []).map(phraseToRegex)), true);
  apply('negation', '(?i:', 0, CONTEXT_TRIGGERS.filter((t) => t.kind === 'negated' && t.direction !== 'backward').map((t) => phraseToRegex(t.phrase)));
  return { grammar, missing };
}

if (require.main === module) {
  const check = process.argv.includes('--check');
  const grammar = JSON.parse(readFileSync(FILE, 'utf8'));
  const { missing } = updatedGrammar(grammar);
  if (check) {
    if (missing.length) {
      console.error(`The grammar lacks ${missing.length} entries of the server data (run npm run build:grammar):\n  ${missing.join('\n  ')}`);
      process.exitCode = 1;
    } else console.log('The grammar is in step with the server data.');
  } else {
    writeFileSync(FILE, JSON.stringify(grammar, null, 2) + '\n');
    console.log(`Added ${missing.length} entries to ${FILE}.`);
  }
}
