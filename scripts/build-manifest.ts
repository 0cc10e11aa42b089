// `npm run build:manifest`: writes package.json's contributes.configuration and README.md's
// settings table from server/src/settingsSchema.ts. Only those two parts change.
// `--check` writes nothing and exits 1 when either is out of date.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configurationContribution, settingsTableMarkdown } from '../server/src/settingsSchema';

const root = join(__dirname, '..');
const check = process.argv.includes('--check');
export const START = '<!-- settings:start -->';
export const END = '<!-- settings:end -->';

/** package.json text with contributes.configuration replaced (2-space JSON, as npm writes it). */
export function withConfiguration(packageJson: string): string {
  const manifest = JSON.parse(packageJson);
  manifest.contributes.configuration = configurationContribution();
  return JSON.stringify(manifest, null, 2) + '\n';
}

/** README text with the table between the markers replaced; a Settings section is added when the markers are missing. */
export function withSettingsTable(readme: string): string {
  const block = `${START}\n${settingsTableMarkdown()}\n${END}`;
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start >= 0 && end > start) return readme.slice(0, start) + block + readme.slice(end + END.length);
  return readme.replace(/\n*$/, '\n\n') + `## Settings\n\n${block}\n`;
}

function update(file: string, transform: (text: string) => string): boolean {
  const path = join(root, file);
  if (!existsSync(path)) {
    console.error(`${file} does not exist yet: skipped`);
    return false;
  }
  const before = readFileSync(path, 'utf8');
  const after = transform(before);
  if (after === before) return false;
  if (check) console.error(`${file} is out of date: run npm run build:manifest`);
  else {
    writeFileSync(path, after);
    console.log(`updated ${file}`);
  }
  return true;
}

if (require.main === module) {
  const changed = [update('package.json', withConfiguration), update('README.md', withSettingsTable)];
  if (check && changed.some(Boolean)) process.exitCode = 1;
}
