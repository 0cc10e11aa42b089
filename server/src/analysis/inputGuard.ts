// Decides whether a document can be analysed at all. Huge or binary documents get
// one clear finding instead of a frozen editor or a page of nonsense matches.

import type { Finding } from './types';

/** Share of NUL or other control characters, in the first 8 KiB, above which a document is treated as binary. */
const BINARY_SAMPLE = 8192;
const BINARY_RATIO = 0.1;

export function looksBinary(text: string): boolean {
  const n = Math.min(text.length, BINARY_SAMPLE);
  if (n === 0) return false;
  let nul = 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) nul++;
    else if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
    else if (c === 0xfffd) control++;
  }
  // Any run of NUL bytes is a strong sign of binary content; a few stray control
  // characters pasted from a lab system are not.
  return nul > 0 && (nul + control) / n > 0.01 ? true : (nul + control) / n > BINARY_RATIO;
}

/**
 * "5000000" as "5,000,000". Written out rather than with toLocaleString: the first call of
 * toLocaleString (or Intl) pages in the ICU number-formatting data, about 6 MB of resident
 * memory kept for the life of the server, to format this one message.
 */
export function groupThousands(n: number): string {
  const digits = String(Math.trunc(Math.abs(n)));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return (n < 0 ? '-' : '') + out;
}

export function inputGuard(text: string, maxSize: number): Finding | undefined {
  if (text.length > maxSize) {
    return {
      start: 0,
      end: 0,
      severity: 'warning',
      code: 'document-too-large',
      message:
        `This note has ${groupThousands(text.length)} characters, more than the ${groupThousands(maxSize)} set in ` +
        'calcinosisNotes.maxDocumentSize, so Calcinosis Notes is not analysing it. Raise the setting to analyse it anyway.',
    };
  }
  if (looksBinary(text)) {
    return {
      start: 0,
      end: 0,
      severity: 'warning',
      code: 'binary-content',
      message: 'This file looks like binary data (it contains NUL or control bytes), so Calcinosis Notes is not analysing it.',
    };
  }
  return undefined;
}
