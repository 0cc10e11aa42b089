// ConText-style trigger lexicon, as data. analysis/context/lexicon.ts compiles it once.
//
// Matching is case-insensitive, on word boundaries, with any run of whitespace
// between words; at each word the longest phrase wins, so a pseudo-trigger such
// as "no increase" hides the "no" inside it. The same phrase may be listed under
// several kinds ("no history of" both negates and marks the past).
//
// direction: 'forward' = applies to what follows, up to the sentence end or a
// terminator; 'backward' = applies to what precedes, back to the sentence start
// or a terminator; 'both'. maxWords limits the scope to that many words.

export type ModifierKind = 'negated' | 'possible' | 'historical' | 'hypothetical' | 'other-experiencer';
export type TriggerKind = ModifierKind | 'pseudo' | 'terminate';
export type TriggerDirection = 'forward' | 'backward' | 'both';

export interface ContextTrigger {
  phrase: string;
  kind: TriggerKind;
  /** Ignored for 'pseudo' and 'terminate'. */
  direction?: TriggerDirection;
  /** Maximum number of words between the trigger and the mention. */
  maxWords?: number;
  /** The scope ends at the next comma (the trigger qualifies one list item or clause). */
  clause?: boolean;
  /** For 'terminate': the kinds whose scope it ends (all when absent). */
  ends?: ModifierKind[];
}

const t = (kind: TriggerKind, direction: TriggerDirection, phrases: string[], maxWords?: number): ContextTrigger[] =>
  phrases.map((phrase) => ({ phrase, kind, direction, ...(maxWords !== undefined ? { maxWords } : {}) }));
const pseudo = (phrases: string[]): ContextTrigger[] => phrases.map((phrase) => ({ phrase, kind: 'pseudo' as const }));
const stop = (phrases: string[], ends?: ModifierKind[]): ContextTrigger[] =>
  phrases.map((phrase) => ({ phrase, kind: 'terminate' as const, ...(ends ? { ends } : {}) }));

export const CONTEXT_TRIGGERS: readonly ContextTrigger[] = [
  // ── Negation ───────────────────────────────────────────────────────────
  ...t('negated', 'forward', [
    'no', 'not', 'without', 'denies', 'denied', 'denying', 'deny', 'absence of', 'absent', 'negative for',
    'no evidence of', 'no evidence', 'no signs of', 'no sign of', 'no symptoms of', 'no history of', 'no hx of',
    'no h/o', 'no known', 'no new', 'no definite', 'no obvious', 'no significant', 'no suspicious', 'no apparent',
    'no other', 'no further', 'no residual', 'no abnormal', 'no findings of', 'no complaints of', 'free of',
    'never', 'never had', 'never developed', 'did not', 'does not', 'do not', 'has not', 'have not', 'had not',
    'was not', 'were not', 'is not', 'are not', 'cannot', 'can not', "didn't", "doesn't", "don't", "hasn't",
    "haven't", "wasn't", "isn't", "aren't", 'neither', 'nor', 'fails to reveal', 'failed to reveal',
    'fails to show', 'failed to show', 'rules out', 'ruled out', 'rule him out', 'rule her out',
    'unremarkable for', 'resolution of', 'with no', 'w/o', 'denies any', 'without any', 'no longer', 'not have',
    'not had', 'declines', 'declined', '-ve for', 'is -ve for', 'low suspicion for', 'low suspicion of',
    'low likelihood of', 'low probability of', 'unlikely to be', 'no findings suggesting', 'no findings to suggest',
    'no evidence to suggest', 'nothing to suggest',
  ]),
  ...t('negated', 'forward', ['non'], 0),
  ...t('negated', 'backward', [
    'is negative', 'was negative', 'are negative', 'were negative', 'is absent', 'was absent',
    'are absent', 'were absent', 'not seen', 'not identified', 'not present', 'not appreciated',
    'not detected', 'not noted', 'not found', 'not visualized', 'not demonstrated', 'not evident', 'is ruled out',
    'was ruled out', 'were ruled out', 'are ruled out', 'has been ruled out', 'have been ruled out', 'ruled out', 'not likely', 'is not likely',
    'is unlikely', 'was denied', 'were denied', 'has resolved', 'have resolved', 'had resolved', 'is resolved',
  ], 6),
  // Bare words that negate only what stands right before them ("ANA negative", "pain free").
  ...t('negated', 'backward', ['negative', 'absent', 'free', 'unlikely', 'denied', 'none', 'resolved', '-ve'], 0),

  // ── Possibility (uncertain; a possible mention is not negated) ─────────
  ...t('possible', 'forward', [
    'possible', 'possibly', 'probable', 'probably', 'suspected', 'suspect', 'suspicion of', 'suspicious for',
    'concern for', 'concerning for', 'worrisome for', 'worrying for', 'rule out', 'r/o', 'rule out for',
    'to rule out', 'likely', 'most likely', 'question of', 'questionable', 'query', '?', 'may be', 'may have',
    'may represent', 'might be', 'could be', 'could represent', 'cannot exclude', 'can not exclude',
    'cannot rule out', 'can not rule out', 'not ruled out', 'cannot be ruled out', 'differential includes',
    'differential diagnosis includes', 'ddx', 'versus', 'vs', 'suggestive of', 'suggests', 'suggesting',
    'presumed', 'presumably', 'equivocal', 'indeterminate', 'uncertain', 'not certain whether',
    'not certain if', 'not sure whether', 'not sure if', 'raised the possibility of', 'possibility of',
    'evaluate for', 'evaluation for', 'to evaluate for', 'assess for', 'to exclude', 'exclude',
  ]),
  ...t('possible', 'backward', [
    'cannot be excluded', 'can not be excluded', 'cannot be ruled out', 'can not be ruled out', 'not excluded',
    'not ruled out', 'not been excluded', 'not been ruled out', 'is possible', 'is likely', 'is probable',
    'is suspected', 'suspected', 'likely', 'vs', 'versus', 'is questioned', 'questionable', ], 6),

  // ── Historical ─────────────────────────────────────────────────────────
  ...t('historical', 'forward', [
    'history of', 'hx of', 'h/o', 'history significant for', 'history is significant for', 'history notable for',
    'history positive for', 'history is positive for', 'past history', 'past history of', 'medical history',
    'past medical history', 'past surgical history', 'surgical history', 'pmh', 'pmhx', 'psh',
    'previously', 'history includes', 'no history of', 'no hx of', 'no h/o',
    'personal history of', 'known history of', 'formerly', 'previous diagnosis of', 'social history',
    'known to have', 'no known', 'medical problems including', 'medical problems include', 'comorbidities',
    'comorbidities include', 'comorbidities including', 'longstanding', 'long-standing', 'long standing',
    'had been diagnosed with', 'was diagnosed with', 'diagnosed with', 'family history of', 'family history', 'fh of', 'fhx of',
  ]),
  // Adjectives of the past reach only the noun phrase they qualify.
  ...t('historical', 'forward', ['previous', 'prior', 'remote', 'former', 'old history of'], 4),
  // "status post" qualifies the procedure named right after it, not a whole list.
  ...['status post', 's/p'].map((phrase): ContextTrigger => ({ phrase, kind: 'historical', direction: 'forward', clause: true })),
  // Findings reported by an earlier study belong to the past.
  ...t('historical', 'forward', [
    'previous report', 'prior report', 'previous study', 'prior study', 'previous studies', 'prior studies',
    'previous biopsy', 'prior biopsy', 'previous imaging', 'prior imaging', 'previous exam', 'prior exam',
    'previous examination', 'prior examination', 'previous radiograph', 'prior radiograph', 'previous marrow report',
    'prior marrow report',
  ]),
  ...t('historical', 'backward', ['in the past', 'in the remote past', 'years ago', 'months ago', 'as a child', 'previously', 'in childhood'], 8),

  // ── Hypothetical ───────────────────────────────────────────────────────
  ...t('hypothetical', 'forward', [
    'if', 'should he', 'should she', 'should they', 'should the patient', 'should there be', 'return if', 'call if', 'return for', 'return with', 'call for', 'in case of', 'in the event of',
    'in the event', 'as needed for', 'prn for', 'p.r.n. for', 'watch for', 'monitor for', 'look out for',
    'to prevent', 'prevention of', 'prophylaxis for', 'prophylaxis of',
    'call', 'return to', 'seek medical attention for', 'seek medical attention if', 'risk of', 'risk for', 'at risk of', 'at risk for', 'unless', ]),
  ...t('hypothetical', 'backward', ['as needed', 'prn', 'p.r.n.'], 4),
  ...t('hypothetical', 'both', ['if needed', 'if necessary', 'if present', 'if it occurs', 'if required'], 4),

  // ── Someone other than the patient ─────────────────────────────────────
  ...t('other-experiencer', 'both', [
    'mother', 'father', 'sister', 'brother', 'sisters', 'brothers', 'sibling', 'siblings', 'parent', 'parents',
    'aunt', 'uncle', 'grandmother', 'grandfather', 'grandparent', 'grandparents', 'cousin', 'cousins', 'son',
    'daughter', 'sons', 'daughters', 'mom', 'dad', 'relative', 'relatives', 'twin', 'niece', 'nephew', 'husband',
    'wife', 'spouse', 'maternal', 'paternal', 'family member', 'family members',
  ], 8),
  ...t('other-experiencer', 'forward', [
    'family history of', 'family history', 'fh', 'fh:', 'fhx', 'fh of', 'fhx of', 'family hx', 'family hx of',
    'runs in the family', 'in the family',
  ]),

  // ── Pseudo-triggers: look like triggers, mean nothing ──────────────────
  ...pseudo([
    'no increase', 'no increased', 'no change', 'no changes', 'no interval change', 'no significant change',
    'no definite change', 'no suspicious change', 'no significant interval change', 'no appreciable change',
    'not only', 'not necessarily', 'not extend', 'not cause', 'not drain', 'not certain', 'not clear',
    'not to', 'gram negative', 'gram-negative', 'without difficulty', 'without incident',
    'without complication', 'not resolve', 'not respond', 'not improve', 'not improved',
    'not responded', 'no improvement', 'no response', 'not worse', 'not worsened', 'not clearly',
    'without change', 'not changed', 'has not changed', 'have not changed', 'without contrast',
    'with and without contrast', 'history of present illness', 'history of the present illness', 'history and physical', 'history and exam',
    'history taking', 'history was obtained', 'history was taken', 'poor history', 'day history', 'days history', 'week history', 'weeks history', 'month history', 'months history',
    'year history', 'years history', 'hour history', 'hours history', 'prior to', 'previous to', 'prior to admission',
    'previously mentioned', 'as previously', 'as previously described', 'as before', 'whether or not',
    'more or less', 'rather than', 'no one', 'negative pressure',
    ]),

  // ── Terminators: end a trigger's scope ─────────────────────────────────
  ...stop([
    'but', 'however', 'although', 'though', 'yet', 'nevertheless', 'still', 'except', 'except for', 'aside from',
    'apart from', 'other than', 'besides', 'which', 'whereas', 'while', 'otherwise', ';',
    'secondary to', 'due to', 'because of', 'cause of', 'causes of', 'source of', 'etiology of', 'origin of',
    'reason for', 'as the cause of', 'as the source of', 'as the etiology of', 'as a cause of', 'explains',
  ]),
  ...stop(['who', 'presents', 'presented', 'presenting', 'presents with', 'now presents', 'admitted', 'came in',
    'comes in', 'complains', 'complaining', 'c/o']),
  ...stop(['currently', 'now', 'today', 'recent', 'recently', 'new', 'this admission', 'that', 'than', ', with', 'active', 'ongoing'], ['historical']),
  ...stop([','], ['other-experiencer']),
];
