import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_SETTINGS, SETTINGS_PREFIX, settingsTableMarkdown } from '../../server/src/settingsSchema';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const START = '<!-- settings:start -->';
const END = '<!-- settings:end -->';

describe('README settings table', () => {
  it('sits between the settings:start and settings:end markers', () => {
    assert.ok(readme.includes(START) && readme.indexOf(END) > readme.indexOf(START), 'README.md has both markers, in order');
  });

  it('is exactly the table generated from settingsSchema (run npm run build:manifest after changing a setting)', () => {
    const table = readme.slice(readme.indexOf(START) + START.length, readme.indexOf(END)).trim();
    assert.equal(table, settingsTableMarkdown());
  });

  it('has one row per setting with its default', () => {
    for (const s of ALL_SETTINGS) {
      const row = settingsTableMarkdown()
        .split('\n')
        .find((line) => line.startsWith(`| \`${SETTINGS_PREFIX}.${s.key}\` |`));
      assert.ok(row, `row for ${s.key}`);
      if (!s.schema.properties) assert.ok(row.includes(`\`${JSON.stringify(s.schema.default)}\``), `${s.key} default in its row`);
    }
  });
});
