// Property-based specifications: whatever a clinician types or pastes, the analysis never
// throws and every range it reports is right (test/robustness/invariants.ts).
// 11,000 generated documents in all, kept small so the suite stays quick; scripts/soak.ts
// runs the same properties on far more and larger documents.

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText } from '../../../server/src/analysis/analyze';
import { createAssertionContext } from '../../../server/src/analysis/context';
import { LineIndex } from '../../../server/src/analysis/lineIndex';
import { TermMentions } from '../../../server/src/analysis/mentions';
import { findSections } from '../../../server/src/analysis/sections';
import { TermMatcher, tokenizeForm } from '../../../server/src/analysis/termMatcher';
import { analyzeNote } from '../../../server/src/noteStore';
import { normalize } from '../../../server/src/settings';
import { checkAnalysis } from '../../robustness/invariants';
import { customTermArbitrary, hostileNoteArbitrary, noteArbitrary } from '../../robustness/noteArbitraries';

// A fixed seed per property keeps failures reproducible in CI; the soak script varies it.
const params = (numRuns: number, seed: number) => ({ numRuns, seed, endOnFailure: true });

describe('robustness: properties of the analysis over generated notes', function () {
  this.timeout(120_000);
  it('analyzeText never throws and every range is inside the note, sliced and positioned right (4,000 realistic notes)', () => {
    fc.assert(
      fc.property(noteArbitrary(30), (text) => {
        checkAnalysis(text, analyzeText(text));
      }),
      params(4000, 0x8a11),
    );
  });

  it('the same holds for hostile notes: lone surrogates, NUL, astral characters, RTL, every line break (3,000 notes)', () => {
    fc.assert(
      fc.property(hostileNoteArbitrary(20), (text) => {
        checkAnalysis(text, analyzeText(text));
      }),
      params(3000, 0x5eed),
    );
  });

  it('custom terms of any shape never break the analysis, and each custom mention is a literal occurrence (1,000 cases)', () => {
    fc.assert(
      fc.property(fc.array(customTermArbitrary, { maxLength: 6 }), noteArbitrary(15), (raw, note) => {
        const { settings } = normalize({ customTerms: raw });
        // Put each term into the note so the matcher has something to find.
        const text = note + ' ' + settings.customTerms.map((t) => t.term).join(' ; ');
        const analysis = analyzeText(text, { customTerms: settings.customTerms });
        checkAnalysis(text, analysis);
        for (const mention of analysis.terms.toArray().filter((t) => t.custom)) {
          const words = (s: string) => tokenizeForm(s).map((w) => w.toLowerCase()).join('\u0000');
          const matchesATerm = settings.customTerms.some((t) => words(t.term) === words(mention.text));
          assert.ok(matchesATerm, `custom mention ${JSON.stringify(mention.text)} is not one of the terms ${JSON.stringify(settings.customTerms)}`);
        }
      }),
      params(1000, 0xc057),
    );
  });

  it('LineIndex agrees with vscode-languageserver-textdocument on every offset and position (1,000 hostile notes)', () => {
    fc.assert(
      fc.property(hostileNoteArbitrary(12), fc.nat(), (text, seed) => {
        const lines = new LineIndex(text);
        const doc = TextDocument.create('file:///x.note', 'clinical-note', 1, text);
        for (let offset = 0; offset <= text.length; offset++) {
          // Inside a \r\n pair is no real position; LineIndex calls it the end of the line.
          if (text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10) continue;
          assert.deepEqual(lines.positionAt(offset), doc.positionAt(offset), `positionAt(${offset})`);
        }
        // Out-of-range positions (hover at line 9999, character -5) are clamped, as the LSP asks.
        const positions = [
          { line: 9999, character: 0 },
          { line: 0, character: 9999 },
          { line: seed % (lines.lineCount + 2), character: seed % 7 },
        ];
        for (const p of positions) assert.equal(lines.offsetAt(p), doc.offsetAt(p), `offsetAt(${JSON.stringify(p)})`);
      }),
      params(1000, 0x11e5),
    );
  });

  it('sections and assertions are defined for every span of hostile text (1,000 notes)', () => {
    fc.assert(
      fc.property(hostileNoteArbitrary(20), fc.nat(), fc.nat(), (text, a, b) => {
        const sections = findSections(text);
        checkAnalysis(text, { terms: TermMentions.from([]), labs: [], products: [], findings: [], sections });
        const assertionOf = createAssertionContext(text, sections);
        const start = text.length ? a % text.length : 0;
        const end = Math.min(text.length, start + 1 + (b % 20));
        const assertion = assertionOf(start, end);
        assert.ok(['current', 'historical', 'hypothetical'].includes(assertion.temporality));
      }),
      params(1000, 0x5ec7),
    );
  });

  it('analyzeNote with any size limit either analyses or returns exactly one explanation (1,000 notes)', () => {
    fc.assert(
      fc.property(noteArbitrary(20), fc.integer({ min: 0, max: 400 }), (text, limit) => {
        const { settings } = normalize({});
        settings.maxDocumentSize = limit;
        const note = analyzeNote('file:///n.note', 1, text, settings);
        if (text.length > limit) {
          assert.equal(note.skipped?.code, 'document-too-large');
          assert.deepEqual(note.analysis.findings, [note.skipped]);
          assert.equal(note.analysis.terms.length + note.analysis.labs.length, 0);
        } else {
          checkAnalysis(text, note.analysis);
        }
      }),
      params(1000, 0x512e),
    );
  });

  it('the term matcher finds only whole-token literal occurrences of added forms (invariant check on its own)', () => {
    fc.assert(
      fc.property(fc.array(customTermArbitrary, { minLength: 1, maxLength: 5 }), hostileNoteArbitrary(10), (forms, text) => {
        const m = new TermMatcher();
        forms.forEach((f, i) => m.add(f, `c${i}`));
        const full = text + ' ' + forms.join(' ');
        let last = 0;
        for (const hit of m.findAll(full)) {
          assert.ok(hit.start >= last && hit.start < hit.end && hit.end <= full.length);
          last = hit.end;
        }
      }),
      params(500, 0x7e12),
    );
  });
});
