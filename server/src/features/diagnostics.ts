// Findings → LSP diagnostics, with the user's severities, a stable code, the
// source name and a link to the code's section of the README.

import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { LineIndex } from '../analysis/lineIndex';
import type { Finding } from '../analysis/types';
import type { SeverityName, Settings } from '../settings';

export const SOURCE = 'calcinosis-notes';

/** Diagnostics beyond this many are not published: a clinician reads the first screenful, and serialising thousands costs more than finding them. */
export const MAX_DIAGNOSTICS = 1000;

const SEVERITY: Record<Exclude<SeverityName, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostics(
  findings: readonly Finding[],
  lines: LineIndex,
  settings: Settings,
  uri: string,
  docsUrl: (code: string) => string | undefined,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const finding of findings) {
    const level = settings.severity[finding.code] ?? finding.severity;
    if (level === 'off') continue;
    const diagnostic: Diagnostic = {
      range: { start: lines.positionAt(finding.start), end: lines.positionAt(finding.end) },
      severity: SEVERITY[level],
      code: finding.code,
      source: SOURCE,
      message: finding.message,
    };
    const href = docsUrl(finding.code);
    if (href) diagnostic.codeDescription = { href };
    if (finding.related?.length) {
      diagnostic.relatedInformation = finding.related.map((r) => ({
        location: { uri, range: { start: lines.positionAt(r.start), end: lines.positionAt(r.end) } },
        message: r.message,
      }));
    }
    if (out.length === MAX_DIAGNOSTICS) {
      // Say that the list was cut rather than dropping findings silently.
      out.push({
        range: diagnostic.range,
        severity: DiagnosticSeverity.Information,
        code: 'diagnostics-truncated',
        source: SOURCE,
        message: `Calcinosis Notes shows the first ${MAX_DIAGNOSTICS} findings of this note; the rest are not listed.`,
      });
      break;
    }
    out.push(diagnostic);
  }
  return out;
}
