// Completion: term and lab names as the clinician types (with the definition in the
// item's documentation), the usual units right after a lab name or value, and every
// order set as a snippet completion (so editors other than VS Code get them too).
//
// Cheap by construction: every item is built once at load, the entries are kept
// sorted by their lower-cased text, and a request is a few binary searches over the
// word(s) before the cursor. Lists are capped; a capped list is marked incomplete so
// the editor asks again as the clinician keeps typing.

import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
} from 'vscode-languageserver-types';
import type { Analysis } from '../analysis/types';
import { CONCEPTS } from '../knowledge/concepts';
import { ORDER_SETS, type OrderSet } from '../knowledge/orderSets';
import { CATEGORY_LABELS, type Concept } from '../knowledge/types';
import { ANALYTES } from '../knowledge/analytes';
import { byStart, lowerBound as firstAtOrAfter } from '../analysis/sorted';
import { displayUnit } from '../analysis/units';
import { SEED_CITATION } from './termHoverText';

/** At most this many items per request. */
export const MAX_ITEMS = 50;

type ItemData = { kind: 'concept'; id: string } | { kind: 'orderSet'; id: string } | { kind: 'unit'; id: string; unit: string };

interface Entry {
  /** Lower-cased text the typed prefix is compared with. */
  key: string;
  /** What gets inserted (a form as written, or an order-set prefix). */
  text: string;
  /** Concept or order-set id, for de-duplication. */
  id: string;
  /** Which form to show when several of a concept's forms match (lowest wins); for order sets, their place in ORDER_SETS. */
  rank: number;
  build: (insert: string) => CompletionItem;
}

const conceptById = new Map<string, Concept>(CONCEPTS.map((c) => [c.id, c]));
const orderSetById = new Map<string, OrderSet>(ORDER_SETS.map((s) => [s.id, s]));

function conceptItem(concept: Concept, form: string, insert: string): CompletionItem {
  const category = CATEGORY_LABELS[concept.category] ?? concept.category;
  const sameAsName = form.toLowerCase() === concept.name.toLowerCase();
  return {
    label: insert,
    kind: concept.category === 'lab-test' ? CompletionItemKind.Field : CompletionItemKind.Text,
    detail: sameAsName ? category : `${concept.name} · ${category}`,
    labelDetails: { description: category },
    filterText: insert,
    insertText: insert,
    data: { kind: 'concept', id: concept.id } satisfies ItemData,
  };
}

function orderSetItem(set: OrderSet): CompletionItem {
  return {
    label: set.prefix,
    kind: CompletionItemKind.Snippet,
    detail: set.label,
    labelDetails: { description: set.label },
    filterText: set.prefix,
    insertText: set.body.join('\n'),
    insertTextFormat: InsertTextFormat.Snippet,
    data: { kind: 'orderSet', id: set.id } satisfies ItemData,
  };
}

/** Forms shorter than this are not offered (a bare "P" is not worth a completion). */
const MIN_FORM_LENGTH = 2;

function buildEntries(): Entry[] {
  const entries: Entry[] = [];
  for (const concept of CONCEPTS) {
    // Rank = position in this list: the name, then abbreviations as written, then the
    // forms in the order the knowledge base lists them (preferred first).
    const ranked = [concept.name, ...(concept.exactForms ?? []), ...concept.forms];
    const seen = new Set<string>();
    for (const [rank, form] of ranked.entries()) {
      if (form.length < MIN_FORM_LENGTH || seen.has(form.toLowerCase())) continue;
      seen.add(form.toLowerCase());
      entries.push({ key: form.toLowerCase(), text: form, id: concept.id, rank, build: (insert) => conceptItem(concept, form, insert) });
    }
  }
  for (const set of ORDER_SETS) {
    entries.push({ key: set.prefix, text: set.prefix, id: `orderSet:${set.id}`, rank: ORDER_SETS.indexOf(set), build: () => orderSetItem(set) });
  }
  entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.text.length - b.text.length));
  return entries;
}

const ENTRIES = buildEntries();
const ORDER_SET_ITEMS = ORDER_SETS.map(orderSetItem);

function lowerBound(key: string): number {
  let lo = 0;
  let hi = ENTRIES.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ENTRIES[mid].key < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Characters that belong to a term as typed: letters, digits and the joiners in "25-OH", "anti-Ro/SSA", "25(OH)D". */
const WORD_CHAR = /[\p{L}\p{N}\-/()'+×&]/u;
const ALNUM = /[\p{L}\p{N}]/u;

interface Context {
  lineStart: number;
  /** Text of the line up to the cursor: at most its last LOOK_BACK characters, from a word's start. */
  before: string;
  position: Position;
}

/** How far back on the line completion reads. */
const LOOK_BACK = 200;

function contextAt(text: string, offset: number, position?: Position): Context {
  let lineStart = offset;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  let line = position?.line;
  if (line === undefined) {
    line = 0;
    for (let i = text.indexOf('\n'); i >= 0 && i < lineStart; i = text.indexOf('\n', i + 1)) line++;
    // A lone \r also ends a line (LSP); count those the \n loop missed.
    if (text.includes('\r')) {
      for (let i = 0; i < lineStart; i++) if (text[i] === '\r' && text[i + 1] !== '\n') line++;
    }
  }
  // The patterns that read `before` backtrack over it: on a long line ("------…", "((((…")
  // each request took time growing with the square of the line's length. What completion looks
  // for (a few words, a value, a unit) fits in the last LOOK_BACK characters; the cut is moved
  // forward to a blank so that no word is read from its middle.
  let from = Math.max(lineStart, offset - LOOK_BACK);
  if (from > lineStart) while (from < offset && text[from - 1] !== ' ' && text[from - 1] !== '\t') from++;
  return { lineStart, before: text.slice(from, offset), position: position ?? { line, character: offset - lineStart } };
}

/** The word being typed: the run of word characters before the cursor, without leading punctuation. */
function currentWord(before: string): string {
  let i = before.length;
  while (i > 0 && WORD_CHAR.test(before[i - 1])) i--;
  while (i < before.length && !ALNUM.test(before[i])) i++;
  return before.slice(i);
}

function withRange(item: CompletionItem, ctx: Context, length: number, sortText: string): CompletionItem {
  const { line, character } = ctx.position;
  const range = { start: { line, character: character - length }, end: { line, character } };
  return { ...item, sortText, textEdit: { range, newText: item.insertText ?? item.label } };
}

/** Matches the phrase (the last 1–3 words typed) against the sorted entries. */
function termCompletions(ctx: Context, word: string, out: CompletionItem[], seen: Set<string>): boolean {
  // Longer phrases first: "total pro" finds "total protein" before "pro" finds "protein".
  const phrases: string[] = [];
  const wordStart = ctx.before.length - word.length;
  const head = ctx.before.slice(0, wordStart);
  const m = /(?:^|[^\p{L}\p{N}\-/()'+×&])((?:[\p{L}\p{N}\-/()'+×&]+[ \t]+){1,2})$/u.exec(head);
  if (m) {
    const words = m[1].trim().split(/[ \t]+/);
    for (let n = words.length; n >= 1; n--) phrases.push(words.slice(words.length - n).join(' ') + ' ' + word);
  }
  phrases.push(word);
  let incomplete = false;
  for (const [p, phrase] of phrases.entries()) {
    const key = phrase.toLowerCase();
    // The best matching form of each concept: its name, else an abbreviation, else the shortest form.
    const best = new Map<string, Entry>();
    for (let i = lowerBound(key); i < ENTRIES.length && ENTRIES[i].key.startsWith(key); i++) {
      const entry = ENTRIES[i];
      if (seen.has(entry.id)) continue;
      const prev = best.get(entry.id);
      if (!prev || entry.rank < prev.rank) best.set(entry.id, entry);
    }
    const order = (e: Entry) => (e.id.startsWith('orderSet:') ? e.rank : 1000 + e.text.length);
    const sorted = [...best.values()].sort((a, b) => order(a) - order(b) || (a.key < b.key ? -1 : 1));
    for (const entry of sorted) {
      if (out.length >= MAX_ITEMS) {
        incomplete = true;
        break;
      }
      seen.add(entry.id);
      const insert = casedInsert(entry, phrase);
      const isSnippet = entry.id.startsWith('orderSet:');
      const sort = `${isSnippet ? '0' : '1'}${p}${String(out.length).padStart(3, '0')}`;
      out.push(withRange(entry.build(insert), ctx, phrase.length, sort));
    }
    if (incomplete) break;
  }
  return incomplete;
}

/**
 * The text to insert, in the clinician's case: a lower-case form keeps what was typed
 * ("25-OH" → "25-OH vitamin d"); a name is lower-cased mid-sentence unless it starts
 * with an acronym ("calc" → "calcium", "Calc" → "Calcium"); abbreviations keep their case.
 */
function casedInsert(entry: Entry, phrase: string): string {
  const { text } = entry;
  if (text === text.toLowerCase()) return phrase + text.slice(phrase.length);
  const typedLower = phrase[0] === phrase[0].toLowerCase();
  if (entry.rank === 0 && typedLower && text.length > 1 && text[1] === text[1].toLowerCase()) return text[0].toLowerCase() + text.slice(1);
  return text;
}

/**
 * Dot phrases: ".workup", ".cc-tx-d" at the start of a line or after a space list the
 * order sets whose prefix (with or without "cc-") starts with what follows the dot.
 */
function dotPhraseCompletions(ctx: Context): CompletionItem[] | undefined {
  const m = /(?:^|\s)\.([a-z0-9-]*)$/i.exec(ctx.before);
  if (!m) return undefined;
  const typed = m[1].toLowerCase();
  const items: CompletionItem[] = [];
  ORDER_SETS.forEach((set, i) => {
    const short = set.prefix.replace(/^cc-/, '');
    if (!set.prefix.startsWith(typed) && !short.startsWith(typed)) return;
    const item = ORDER_SET_ITEMS[i];
    const withDot = withRange(item, ctx, typed.length + 1, `0${String(i).padStart(3, '0')}`);
    items.push({ ...withDot, filterText: `.${short}`, label: `.${short}` });
  });
  return items;
}

/** Usual units per analyte id (conventional first, then SI), from the analyte knowledge. */
const LAB_UNITS: Record<string, string[]> = Object.fromEntries(
  ANALYTES.filter((a) => a.conventionalUnit || a.siUnit).map((a) => {
    const units = [a.conventionalUnit, a.siUnit, ...Object.keys(a.aliasUnits ?? {})]
      .filter((u): u is string => !!u)
      .map(displayUnit);
    return [a.id, [...new Set(units)]];
  }),
);

/** Written lab names → analyte id, for unit completion: plain names lower-cased, exact-case names as written. */
const LAB_NAMES: Map<string, string> = (() => {
  const names = new Map<string, string>();
  for (const a of ANALYTES) {
    if (!LAB_UNITS[a.id]) continue;
    for (const name of [a.name, ...a.names]) names.set(name.toLowerCase(), a.id);
    for (const name of [...(a.exactNames ?? []), ...(a.numberOnlyNames ?? [])]) names.set(name, a.id);
  }
  return names;
})();

/** "Ca ", "phosphate 5.1 ", "PTH: 88 p": the lab whose units to offer, and how much unit is already typed. */
function labBeforeCursor(ctx: Context, analysis: Analysis, offset: number): { id: string; typed: string } | undefined {
  const m = /(?:^|[^\p{L}\p{N}])((?:[\p{L}\p{N}\-()+,²]+ ){0,3}?[\p{L}\p{N}\-()+,²]+)[ \t]*[:=]?[ \t]*(?:(?:<=|>=|≤|≥|<|>)?[ \t]*\d+(?:[.,]\d+)?[ \t]*)?[ \t]([\p{L}µ/%]*)$/u.exec(
    ctx.before,
  );
  if (!m) return undefined;
  const typed = m[2];
  const words = m[1].split(' ');
  for (let n = Math.min(words.length, 4); n >= 1; n--) {
    const name = words.slice(words.length - n).join(' ');
    const id = LAB_NAMES.get(name) ?? LAB_NAMES.get(name.toLowerCase());
    if (id) return { id, typed };
  }
  // A value the analysis already read, written without its unit, ending just before the cursor.
  // Labs are sorted by start: only the last one starting before the cursor can qualify.
  const { labs } = analysis;
  const lab = labs[firstAtOrAfter(labs, offset, byStart) - 1];
  if (lab && lab.unit === null && lab.valueEnd <= offset && offset - lab.valueEnd <= typed.length + 2 && LAB_UNITS[lab.analyte]) {
    return { id: lab.analyte, typed };
  }
  return undefined;
}

function unitCompletions(ctx: Context, lab: { id: string; typed: string }, afterValue: boolean): CompletionItem[] {
  const concept = conceptById.get(lab.id);
  const units = LAB_UNITS[lab.id] ?? [];
  return units
    .filter((u) => u.toLowerCase().startsWith(lab.typed.toLowerCase()))
    .map((unit, i) => {
      // Right after the name, the value is still to come: place the cursor before the unit.
      const snippet = !afterValue;
      const item: CompletionItem = {
        label: unit,
        kind: CompletionItemKind.Unit,
        detail: `${concept?.name ?? lab.id}: ${i === 0 ? 'usual unit' : 'also used'}`,
        filterText: unit,
        insertText: snippet ? `\${1:value} ${unit}$0` : unit,
        insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        data: { kind: 'unit', id: lab.id, unit } satisfies ItemData,
      };
      return withRange(item, ctx, lab.typed.length, `0${i}`);
    });
}

export function completionList(text: string, offset: number, analysis: Analysis, position?: Position): CompletionList {
  const ctx = contextAt(text, offset, position);
  const dot = dotPhraseCompletions(ctx);
  if (dot) return { isIncomplete: false, items: dot };

  const lab = labBeforeCursor(ctx, analysis, offset);
  const word = currentWord(ctx.before);
  if (lab && (lab.typed === word || lab.typed === '')) {
    const afterValue = /\d[ \t]*\S*$/.test(ctx.before);
    const units = unitCompletions(ctx, lab, afterValue);
    if (units.length > 0) return { isIncomplete: false, items: units };
  }
  // Nothing typed (e.g. completion triggered by a space): offer nothing rather than a wall of terms.
  if (!word || /^[\d.,]+$/.test(word)) return { isIncomplete: false, items: [] };

  const items: CompletionItem[] = [];
  const incomplete = termCompletions(ctx, word, items, new Set());
  return { isIncomplete: incomplete, items };
}

/** The items of `completionList` (the list is capped at MAX_ITEMS; prefer completionList to pass isIncomplete on). */
export function completionItems(text: string, offset: number, analysis: Analysis, position?: Position): CompletionItem[] {
  return completionList(text, offset, analysis, position).items;
}

// ------------------------------------------------------------------ resolve

/** The snippet body as a clinician will see it: defaults shown, choices as [a | b], stops removed. */
export function previewOrderSet(set: OrderSet): string {
  return set.body
    .join('\n')
    .replace(/\$\{(\d+)\|((?:[^|\\]|\\.)*)\|\}/g, (_, _n, opts: string) => '[' + opts.split(/(?<!\\),/).join(' | ').replace(/\\(.)/g, '$1') + ']')
    .replace(/\$\{\d+:([^{}]*)\}/g, '$1')
    .replace(/\$\{CURRENT_YEAR\}-\$\{CURRENT_MONTH\}-\$\{CURRENT_DATE\}/g, "today's date")
    .replace(/\$\{?\d+\}?/g, '')
    .replace(/\\([$}\\])/g, '$1')
    .trimEnd();
}

function conceptDocumentation(concept: Concept): string {
  const lines = [`**${concept.name}** · _${CATEGORY_LABELS[concept.category] ?? concept.category}_`, '', concept.definition];
  if (concept.relevance) lines.push('', `**Why it matters for calcinosis:** ${concept.relevance}`);
  if (concept.dose) lines.push('', `**Dose reported in the seed article:** ${concept.dose}`);
  const units = LAB_UNITS[concept.id];
  if (units?.length) lines.push('', `**Units:** ${units.join(', ')}`);
  if (concept.seedSection) lines.push('', `_Source: ${SEED_CITATION}, section "${concept.seedSection}"._`);
  return lines.join('\n');
}

function orderSetDocumentation(set: OrderSet): string {
  return [
    `**${set.label}** · \`${set.prefix}\``,
    '',
    set.description,
    '',
    '```text',
    previewOrderSet(set),
    '```',
    '',
    '`***` marks a field to fill in; Tab moves to the next field, and choices open as a list.',
    '',
    `_Source: ${SEED_CITATION}, section "${set.seedSection}". Confirm every dose before ordering._`,
  ].join('\n');
}

const documentationCache = new Map<string, string>();

export function resolveCompletion(item: CompletionItem): CompletionItem {
  const data = item.data as ItemData | undefined;
  if (!data || item.documentation) return item;
  const key = `${data.kind}:${data.id}`;
  let value = documentationCache.get(key);
  if (value === undefined) {
    if (data.kind === 'orderSet') {
      const set = orderSetById.get(data.id);
      value = set ? orderSetDocumentation(set) : '';
    } else {
      const concept = conceptById.get(data.id);
      value = concept ? conceptDocumentation(concept) : '';
    }
    documentationCache.set(key, value);
  }
  return value ? { ...item, documentation: { kind: MarkupKind.Markdown, value } } : item;
}
