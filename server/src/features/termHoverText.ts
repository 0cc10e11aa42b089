// Markdown shown when hovering a recognised term. Plain strings: pinned by golden
// snapshot tests, shared by the LSP hover and the CLI.

import type { Assertion, TermMention } from '../analysis/types';
import { CATEGORY_LABELS, type Concept } from '../knowledge/types';
import type { CustomTerm, HoverDetail } from '../settings';

export const SEED_CITATION = 'StatPearls, "Calcinosis Cutis" (Le & Bedocs, updated 2019)';

/** Words for an assertion that is not plain, or undefined when it is plain. */
export function describeAssertion(a: Assertion): string | undefined {
  const parts: string[] = [];
  if (a.negated) parts.push('negated here');
  if (a.possible) parts.push('mentioned as possible, not confirmed');
  if (a.temporality === 'historical') parts.push('historical');
  if (a.temporality === 'hypothetical') parts.push('hypothetical (a condition or plan, not a finding)');
  if (a.experiencer === 'other') parts.push('about someone other than the patient');
  if (parts.length === 0) return undefined;
  const text = parts.join('; ');
  return text[0].toUpperCase() + text.slice(1) + '.';
}

export function termHoverMarkdown(mention: TermMention, concept: Concept, detail: HoverDetail): string {
  const lines: string[] = [`**${concept.name}** · _${CATEGORY_LABELS[concept.category]}_`];
  const assertion = describeAssertion(mention.assertion);
  if (assertion) lines.push('', `⚠ ${assertion}`);
  lines.push('', concept.definition);
  if (detail === 'brief') return lines.join('\n');
  lines.push('', `**Why it matters for calcinosis:** ${concept.relevance}`);
  if (concept.dose) lines.push('', `**Dose reported in the seed article:** ${concept.dose}`);
  if (concept.codes?.length) {
    lines.push('', '**Codes:** ' + concept.codes.map((c) => `${c.system} \`${c.code}\` ${c.display}`).join(' · '));
  }
  if (concept.seedSection) lines.push('', `_Source: ${SEED_CITATION}, section "${concept.seedSection}"._`);
  return lines.join('\n');
}

export function customTermHoverMarkdown(mention: TermMention, term: CustomTerm | undefined): string {
  const lines = [`**${term?.term ?? mention.text}** · _Your term_`];
  const assertion = describeAssertion(mention.assertion);
  if (assertion) lines.push('', `⚠ ${assertion}`);
  if (term?.definition) lines.push('', term.definition);
  lines.push('', '_From your custom terms (calcinosisNotes.customTerms)._');
  return lines.join('\n');
}
