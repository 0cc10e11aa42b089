// Each diagnostic code links to its section of the README that ships inside the
// extension, so the explanation opens offline. vsce stores the file as readme.md in
// the package; a clone has README.md.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(__dirname, '..');
const README = ['README.md', 'readme.md'].map((name) => join(ROOT, name)).find((path) => existsSync(path)) ?? join(ROOT, 'README.md');

export function docsUrlFor(code: string): string {
  return `${pathToFileURL(README).href}#${code}`;
}
