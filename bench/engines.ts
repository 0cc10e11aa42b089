// The engines the benchmark compares on the same text, each prepared once and then
// measured warm: the regex floor, our full analysis, cspell-lib and Harper.

import { CONCEPTS } from '../server/src/knowledge/concepts';
import { shipped } from './shipped';

export interface Engine {
  id: string;
  label: string;
  /** What one run does, for the table notes. */
  what: string;
  setup(): Promise<void>;
  /** Processes the whole text once; returns a count so the work cannot be optimised away. */
  run(text: string): Promise<number> | number;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function surfaceForms(): string[] {
  const forms = new Set<string>();
  for (const c of CONCEPTS) {
    for (const f of c.forms) forms.add(f.toLowerCase().replace(/\s+/g, ' '));
    for (const f of c.exactForms ?? []) forms.add(f.toLowerCase().replace(/\s+/g, ' '));
  }
  return [...forms];
}

/**
 * The plain alternation of every surface form of the knowledge base (forms + exactForms),
 * longest first, case-insensitive, word-bounded, any whitespace between words. This is
 * what one would write first; V8 tries the alternatives one by one at each position.
 */
export function naiveFloorRegex(): RegExp {
  const alternation = surfaceForms()
    .sort((a, b) => b.length - a.length)
    .map((f) => escapeRe(f).replace(/ /g, '\\s+'))
    .join('|');
  return new RegExp(`(?<![A-Za-z0-9])(?:${alternation})(?![A-Za-z0-9])`, 'gi');
}

/**
 * The floor: the same forms as one regular expression, but factored into a character
 * trie ("calci(?:nosis(?: cutis)?|phylaxis)…"), which is the fastest a single regex can
 * find them. It finds mentions and nothing else: no assertions, no labs.
 */
export function floorRegex(): RegExp {
  type Node = Map<string, Node> & { end?: boolean };
  const root: Node = new Map();
  for (const f of surfaceForms()) {
    let n = root;
    for (const ch of f) {
      let next = n.get(ch);
      if (!next) n.set(ch, (next = new Map()));
      n = next;
    }
    n.end = true;
  }
  const emit = (n: Node): string => {
    const parts = [...n.keys()].sort().map((ch) => (ch === ' ' ? '\\s+' : escapeRe(ch)) + emit(n.get(ch)!));
    if (parts.length === 0) return '';
    const body = parts.length === 1 ? parts[0] : `(?:${parts.join('|')})`;
    return n.end ? `(?:${body})?` : body;
  };
  return new RegExp(`(?<![A-Za-z0-9])${emit(root)}(?![A-Za-z0-9])`, 'gi');
}

function regexEngine(id: string, label: string, what: string, make: () => RegExp): Engine {
  let re: RegExp;
  return {
    id,
    label,
    what,
    async setup() {
      re = make();
    },
    run(text) {
      re.lastIndex = 0;
      let n = 0;
      while (re.exec(text)) n++;
      return n;
    },
  };
}

export const floorEngine = () =>
  regexEngine('floor', 'regex floor (trie-factored)', 'one precompiled regex of all surface forms, factored as a character trie (gi, word-bounded)', floorRegex);
export const naiveFloorEngine = () =>
  regexEngine('naive', 'regex, plain alternation', 'the same forms as a plain alternation, longest first (gi, word-bounded)', naiveFloorRegex);

export function oursEngine(): Engine {
  return {
    id: 'ours',
    label: 'Calcinosis Notes analyzeText',
    what: 'sections, terms + assertions, labs, Ca×P products, findings; the analysis bundled and minified as the server ships it (bench/shipped.ts)',
    async setup() {
      shipped().analyzeText('Calcinosis cutis. Ca 10.8 mg/dL, Phos 7.1 mg/dL.');
    },
    run(text) {
      const a = shipped().analyzeText(text);
      return a.terms.length + a.labs.length + a.findings.length;
    },
  };
}

export function cspellEngine(): Engine {
  // cspell-lib is ESM-only; loaded on setup so the rest of the bench does not pay for it.
  let validator: { updateDocumentText(t: string): Promise<void>; checkDocument(force?: boolean): unknown[] } | undefined;
  return {
    id: 'cspell',
    label: 'cspell-lib 9 (Code Spell Checker engine)',
    what: 'DocumentValidator.updateDocumentText + checkDocument, default English settings, no suggestions',
    async setup() {
      const cs = await import('cspell-lib');
      const settings = await cs.getDefaultSettings();
      const doc = cs.createTextDocument({ uri: 'file:///bench/note.note', content: 'Calcinosis cutis warmup text.', languageId: 'plaintext' });
      const v = await cs.DocumentValidator.create(doc, { noConfigSearch: true, generateSuggestions: false }, settings);
      await v.prepare();
      v.checkDocument(true);
      validator = v as unknown as typeof validator;
    },
    async run(text) {
      await validator!.updateDocumentText(text);
      return validator!.checkDocument(true).length;
    },
  };
}

export function harperEngine(): Engine {
  let linter: { lint(t: string): Promise<unknown[]> } | undefined;
  return {
    id: 'harper',
    label: 'harper.js 2 (Harper grammar checker)',
    what: 'LocalLinter.lint, default rules, inlined WebAssembly binary',
    async setup() {
      const h = await import('harper.js');
      const { binaryInlined } = await import('harper.js/binaryInlined');
      const l = new h.LocalLinter({ binary: binaryInlined });
      await l.setup();
      await l.lint('Calcinosis cutis is a warm up sentence for the linter.');
      linter = l as unknown as typeof linter;
    },
    async run(text) {
      return (await linter!.lint(text)).length;
    },
  };
}
