// Each diagnostic code links to its section of the README that ships inside the
// extension, so the explanation opens offline.

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const README = join(__dirname, '..', 'README.md');

export function docsUrlFor(code: string): string {
  return `${pathToFileURL(README).href}#${code}`;
}
