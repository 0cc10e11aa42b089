// Reports an unexpected error in the server without writing note text to the log.
//
// An error's message can quote its input (a TypeError names a property, a RangeError a
// value, a custom error anything), so only the error's class and the places in the code it
// came from are logged: file:line:column frames of the bundled server, never the message.

const FRAME = /\(?((?:[A-Za-z]:)?[^\s():]*\.(?:js|ts|cjs|mjs):\d+:\d+)\)?\s*$/;

/** A log line safe for a clinical note: what the server was doing, the error class and up to four code locations. */
export function describeInternalError(doing: string, error: unknown): string {
  const name = error instanceof Error ? error.constructor.name || error.name : typeof error;
  const frames: string[] = [];
  if (error instanceof Error && typeof error.stack === 'string') {
    for (const line of error.stack.split('\n').slice(1)) {
      const m = FRAME.exec(line.trim());
      if (m) frames.push(m[1].replace(/^.*[\\/](dist|src)[\\/]/, '$1/'));
      if (frames.length === 4) break;
    }
  }
  return `Calcinosis Notes: internal error (${name}) while ${doing}${frames.length ? ` at ${frames.join(' < ')}` : ''}. The note was left as it was; the message is withheld because it may quote note text.`;
}
