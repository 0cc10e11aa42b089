// Waiting helpers for the extension-host suite: every wait is on an event or a condition with a
// deadline, never a fixed sleep.
import * as vscode from 'vscode';

export const DEADLINE_MS = 60_000;

/** Resolves with the document's diagnostics once `accept` says they are the expected ones. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  what: string,
): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const current = vscode.languages.getDiagnostics(uri);
      if (!accept(current)) return false;
      clearTimeout(timer);
      subscription.dispose();
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      const seen = vscode.languages.getDiagnostics(uri).map((d) => `${d.code}: ${d.message}`);
      reject(new Error(`no diagnostics matching "${what}" within ${DEADLINE_MS / 1000} s; got ${JSON.stringify(seen)}`));
    }, DEADLINE_MS);
    check();
  });
}

/** Asks `probe` again each time the language server publishes something, until `accept`ed. */
export async function retryUntil<T>(probe: () => Thenable<T>, accept: (value: T) => boolean, what: string): Promise<T> {
  const until = Date.now() + DEADLINE_MS;
  let last: T | undefined;
  while (Date.now() < until) {
    last = await probe();
    if (accept(last)) return last;
    // Wait for the next sign of life from the server (or a short poll) before asking again.
    await new Promise<void>((resolve) => {
      const sub = vscode.languages.onDidChangeDiagnostics(() => {
        sub.dispose();
        clearTimeout(timer);
        resolve();
      });
      const timer = setTimeout(() => {
        sub.dispose();
        resolve();
      }, 250);
    });
  }
  throw new Error(`${what}: not satisfied within ${DEADLINE_MS / 1000} s; last answer ${JSON.stringify(last)?.slice(0, 500)}`);
}

/** Position of the first occurrence of `text` (plus `into` characters) in the document. */
export function positionOf(document: vscode.TextDocument, text: string, into = 1): vscode.Position {
  const at = document.getText().indexOf(text);
  if (at < 0) throw new Error(`"${text}" is not in ${document.uri.fsPath}`);
  return document.positionAt(at + into);
}

/** The plain text of hover results, one string per hover. */
export function hoverText(hovers: vscode.Hover[]): string[] {
  return hovers.map((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n'));
}
