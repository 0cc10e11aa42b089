import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, DIAGNOSTIC_CODES, normalize } from '../../server/src/settings';
import {
  ALL_SETTINGS,
  configurationContribution,
  nestedSettings,
  SETTING_CATEGORIES,
  SETTINGS_PREFIX,
} from '../../server/src/settingsSchema';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** A value of the wrong shape for each setting, as a user might type it into settings.json. */
const MALFORMED: Record<string, unknown> = {
  languages: 'markdown',
  preferredUnits: 'imperial',
  'trace.server': undefined, // client-only: the server never reads it
  'caPhosProduct.preset': 'nephrology-60',
  'caPhosProduct.threshold': -5,
  'caPhosProduct.useCorrectedCalcium': 'yes',
  customTerms: 'nodule',
  customTermsFile: 42,
  'hover.detail': 'medium',
  'inlayHints.enabled': 'on',
  severity: 'loud',
  referenceRanges: [8.5, 10.5],
  include: '**/*.note',
  exclude: { pattern: '**/drafts/**' },
  maxDocumentSize: 10,
};

describe('package.json contributes.configuration', () => {
  it('is exactly what scripts/build-manifest.ts generates from settingsSchema (run npm run build:manifest after changing a setting)', () => {
    assert.deepEqual(manifest.contributes.configuration, JSON.parse(JSON.stringify(configurationContribution())));
  });

  it('groups the settings under the six titled categories', () => {
    assert.deepEqual(
      manifest.contributes.configuration.map((c: { title: string }) => c.title),
      ['General', 'Calcium × phosphate', 'Terms', 'Hover and hints', 'Diagnostics', 'Files and limits'],
    );
  });

  it('declares every field of Settings once, with the default from DEFAULT_SETTINGS', () => {
    const properties: Record<string, { default: unknown }> = Object.assign(
      {},
      ...manifest.contributes.configuration.map((c: { properties: object }) => c.properties),
    );
    const fields = ALL_SETTINGS.map((s) => s.field).filter((f) => f !== null);
    assert.deepEqual([...fields].sort(), Object.keys(DEFAULT_SETTINGS).sort(), 'each Settings field has exactly one key');
    for (const s of ALL_SETTINGS) {
      const declared = properties[`${SETTINGS_PREFIX}.${s.key}`];
      assert.ok(declared, `${s.key} is in package.json`);
      if (s.field) assert.deepEqual(declared.default, DEFAULT_SETTINGS[s.field], `${s.key} default`);
    }
  });

  it('gives every key a type, scope, order, Markdown description, and a description for each enum value', () => {
    const orders = new Set<number>();
    for (const s of ALL_SETTINGS) {
      const { type, scope, order, markdownDescription, enum: values, enumDescriptions } = s.schema;
      assert.ok(type && scope && markdownDescription.length > 20, s.key);
      assert.ok(!orders.has(order), `${s.key} has its own order`);
      orders.add(order);
      if (values) assert.equal(enumDescriptions?.length, values.length, `${s.key} enumDescriptions`);
    }
  });

  it('cites the source of each Ca×P threshold preset', () => {
    const presets = ALL_SETTINGS.find((s) => s.key === 'caPhosProduct.preset')!.schema;
    assert.deepEqual(presets.enum, ['statpearls-70', 'kdoqi-ckd-55', 'custom']);
    assert.match(presets.enumDescriptions![0], /70 mg²\/dL².*StatPearls/);
    assert.match(presets.enumDescriptions![1], /55 mg²\/dL².*KDOQI/);
  });

  it('has one severity property per diagnostic code, each defaulting as DEFAULT_SETTINGS says', () => {
    const severity = ALL_SETTINGS.find((s) => s.key === 'severity')!.schema;
    assert.deepEqual(Object.keys(severity.properties!), [...DIAGNOSTIC_CODES]);
    for (const code of DIAGNOSTIC_CODES) {
      assert.equal(severity.properties![code].default, DEFAULT_SETTINGS.severity[code]);
      assert.deepEqual(severity.properties![code].enum, ['error', 'warning', 'information', 'hint', 'off']);
    }
  });

  it('says where a relative customTermsFile path starts', () => {
    const file = ALL_SETTINGS.find((s) => s.key === 'customTermsFile')!.schema;
    assert.match(file.markdownDescription, /relative path starts at the workspace folder that holds the note/);
  });

  it('links only to settings that exist, in the `#key#` form the Settings editor turns into links', () => {
    const keys = new Set(ALL_SETTINGS.map((s) => s.key));
    for (const s of ALL_SETTINGS) {
      for (const [link, key] of s.schema.markdownDescription.matchAll(/.?#calcinosisNotes\.([\w.]+)#.?/g)) {
        assert.ok(keys.has(key), `${s.key} links to ${key}`);
        assert.ok(link.startsWith('`') && link.endsWith('`'), `${s.key}: ${link} is inside backticks`);
      }
      // enumDescriptions are plain text: a link there would show as #…#.
      for (const text of s.schema.enumDescriptions ?? []) assert.ok(!text.includes('#calcinosisNotes'), `${s.key}: ${text}`);
    }
  });
});

describe('package.json as the Marketplace and VS Code read it', () => {
  it('activates only on the languages it analyses by default', () => {
    assert.deepEqual([...manifest.activationEvents].sort(), DEFAULT_SETTINGS.languages.map((l) => `onLanguage:${l}`).sort());
  });

  it('puts every command in the one category "Calcinosis"', () => {
    for (const command of manifest.contributes.commands) assert.equal(command.category, 'Calcinosis', command.command);
  });

  it('binds keys only to declared commands, and only in clinical notes', () => {
    const declared = new Set(manifest.contributes.commands.map((c: { command: string }) => c.command));
    assert.ok(manifest.contributes.keybindings.length > 0);
    for (const binding of manifest.contributes.keybindings) {
      assert.ok(declared.has(binding.command), `${binding.command} is not a declared command`);
      assert.match(binding.when, /editorLangId == clinical-note/);
    }
  });

  it('needs VS Code 1.91 (vscode-languageclient 11) and types no newer than that', () => {
    assert.equal(manifest.engines.vscode, '^1.91.0');
    const client = JSON.parse(readFileSync(join(root, 'node_modules', 'vscode-languageclient', 'package.json'), 'utf8'));
    assert.equal(client.engines.vscode, manifest.engines.vscode, 'the language client asks for the same minimum');
    // vsce refuses to package when @types/vscode is newer than engines.vscode.
    assert.equal(manifest.devDependencies['@types/vscode'], '1.91.0');
  });

  it('declares untrusted and virtual workspace support with reasons', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    assert.ok(manifest.capabilities.untrustedWorkspaces.description.length > 20);
    assert.equal(manifest.capabilities.virtualWorkspaces.supported, 'limited');
    assert.match(manifest.capabilities.virtualWorkspaces.description, /custom terms file/);
  });

  it('has the metadata the Marketplace shows, and a 128×128 PNG icon', () => {
    for (const key of ['displayName', 'description', 'publisher', 'license', 'repository', 'categories', 'keywords', 'homepage', 'bugs', 'galleryBanner']) {
      assert.ok(manifest[key], key);
    }
    const png = readFileSync(join(root, manifest.icon));
    assert.equal(png.toString('ascii', 1, 4), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });

  it('packages from an allowlist that puts back no node_modules and no source maps', () => {
    const rules = readFileSync(join(root, '.vscodeignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    assert.equal(rules[0], '**', 'everything is ignored first');
    const putBack = rules.filter((r) => r.startsWith('!'));
    // The server loads dist/noteFeatures.js (its analysis) with the first note: without it an
    // installed extension would start and then fail on every note.
    for (const bundle of ['!dist/client.js', '!dist/server.js', '!dist/noteFeatures.js']) assert.ok(putBack.includes(bundle), `${bundle} is not put back`);
    assert.ok(!putBack.some((r) => /node_modules|\.map|\*\*\/\*\.js|^!dist\/\*\*$/.test(r)), putBack.join(' '));
  });
});

describe('settings defaults round trip', () => {
  it('normalize() reads every default back unchanged, with no problem reported', () => {
    const values = Object.fromEntries(ALL_SETTINGS.map((s) => [s.key, structuredClone(s.schema.default)]));
    const { settings, problems } = normalize(nestedSettings(values));
    assert.deepEqual(problems, []);
    assert.deepEqual(settings, DEFAULT_SETTINGS);
  });

  for (const category of SETTING_CATEGORIES) {
    for (const s of category.settings) {
      if (s.field === null) continue;
      it(`normalize() reads the default of ${s.key} back on its own`, () => {
        const { settings, problems } = normalize(nestedSettings({ [s.key]: structuredClone(s.schema.default) }));
        assert.deepEqual(problems, []);
        assert.deepEqual(settings[s.field!], DEFAULT_SETTINGS[s.field!]);
      });
    }
  }
});

describe('normalize() with a malformed value', () => {
  it('covers every setting the server reads', () => {
    assert.deepEqual(
      Object.keys(MALFORMED).sort(),
      ALL_SETTINGS.map((s) => s.key).sort(),
    );
  });

  for (const s of ALL_SETTINGS) {
    if (s.field === null) continue;
    it(`falls back to the default of ${s.key} with one message naming it`, () => {
      const { settings, problems } = normalize(nestedSettings({ [s.key]: MALFORMED[s.key] }));
      assert.deepEqual(settings[s.field!], DEFAULT_SETTINGS[s.field!]);
      assert.equal(problems.length, 1, problems.join(' | '));
      const name = `${SETTINGS_PREFIX}.${s.key}`.replace(/\.enabled$/, '');
      assert.ok(problems[0].startsWith(name.split('.').slice(0, 2).join('.')), problems[0]);
      assert.match(problems[0], /using the default\.$/);
    });
  }
});
