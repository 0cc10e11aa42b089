// Order-set snippets mark fields the clinician must fill with "***" (the convention
// of commercial record systems' smart phrases). A marker left in a note is a finding.

import type { Finding } from './types';

export const UNFILLED_MARKER = '***';

const MARKER = /\*{3}(?!\*)/g;

export function findUnfilledFields(text: string): Finding[] {
  const findings: Finding[] = [];
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
    // "****" or longer is a Markdown rule or emphasis run, not a field marker.
    if (m.index > 0 && text.charCodeAt(m.index - 1) === 42) continue;
    findings.push({
      start: m.index,
      end: m.index + 3,
      severity: 'warning',
      code: 'unfilled-field',
      message: 'This field (***) is still to be filled in.',
    });
  }
  return findings;
}
