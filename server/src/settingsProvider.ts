// Per-document settings: asked of the client through workspace/configuration when it
// supports that (VS Code does), otherwise taken from initializationOptions or the last
// didChangeConfiguration (simpler editors). Cached by URI; cleared on change.

import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageType, ShowMessageNotification, type Connection, type WorkspaceFolder } from 'vscode-languageserver';
import { parseCustomTerms } from './analysis/customTermsFile';
import { normalize, type Settings } from './settings';

const MAX_TERMS_FILE_BYTES = 2_000_000;

export class SettingsProvider {
  private readonly cache = new Map<string, Promise<Settings>>();
  private pushed: unknown;
  private readonly reported = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
    private readonly folders: () => WorkspaceFolder[],
    initial: unknown,
  ) {
    this.pushed = initial;
  }

  /** Settings sent with didChangeConfiguration (used when the client cannot be asked). */
  setPushed(raw: unknown): void {
    this.pushed = raw;
    this.cache.clear();
  }

  clear(): void {
    this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  get(uri: string): Promise<Settings> {
    let pending = this.cache.get(uri);
    if (!pending) {
      pending = this.load(uri);
      this.cache.set(uri, pending);
    }
    return pending;
  }

  private async load(uri: string): Promise<Settings> {
    let raw: unknown = this.pushed;
    if (this.canPull) {
      try {
        raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'calcinosisNotes' });
      } catch {
        raw = this.pushed;
      }
    }
    if (raw && typeof raw === 'object' && 'calcinosisNotes' in (raw as object)) raw = (raw as Record<string, unknown>).calcinosisNotes;
    const { settings, problems } = normalize(raw);
    if (settings.customTermsFile) {
      const fromFile = this.readTermsFile(uri, settings.customTermsFile, problems);
      if (fromFile.length) settings.customTerms = [...settings.customTerms, ...fromFile];
    }
    this.report(problems);
    return settings;
  }

  /** Relative paths are resolved from the workspace folder that holds the note (or the first folder). */
  private readTermsFile(uri: string, path: string, problems: string[]) {
    const folders = this.folders();
    const folder = folders.find((f) => uri.startsWith(f.uri.endsWith('/') ? f.uri : f.uri + '/')) ?? folders[0];
    let resolved = path;
    if (!isAbsolute(path)) {
      if (!folder) {
        problems.push(`calcinosisNotes.customTermsFile "${path}" is relative but no workspace folder is open.`);
        return [];
      }
      try {
        resolved = join(fileURLToPath(folder.uri), path);
      } catch {
        problems.push(`calcinosisNotes.customTermsFile: the workspace folder is not on disk, so "${path}" cannot be read.`);
        return [];
      }
    }
    try {
      if (statSync(resolved).size > MAX_TERMS_FILE_BYTES) {
        problems.push(`calcinosisNotes.customTermsFile "${path}" is larger than 2 MB and was not read.`);
        return [];
      }
      const parsed = parseCustomTerms(readFileSync(resolved, 'utf8'));
      for (const p of parsed.problems) problems.push(`calcinosisNotes.customTermsFile "${path}": ${p}.`);
      return parsed.terms;
    } catch {
      problems.push(`calcinosisNotes.customTermsFile "${path}" could not be read.`);
      return [];
    }
  }

  /** Each distinct problem is shown once per session, not on every keystroke. */
  private report(problems: string[]): void {
    const fresh = problems.filter((p) => !this.reported.has(p));
    if (fresh.length === 0) return;
    for (const p of fresh) this.reported.add(p);
    // A notification (window/showMessage), not connection.window.showWarningMessage, which is
    // the window/showMessageRequest request: nothing here needs an answer from the user.
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Calcinosis Notes: ${fresh.join(' ')}` });
  }
}
