// How each calcinosisNotes.* setting looks to VS Code: type, default, scope, description and
// the titled group it sits in. Defaults come from DEFAULT_SETTINGS, never retyped here.
// scripts/build-manifest.ts writes package.json's contributes.configuration and the README's
// settings table from this file; test/unit/manifest.test.ts fails when either drifts.
// Not bundled: only the build script and the tests read it.

import {
  DEFAULT_SETTINGS,
  DIAGNOSTIC_CODES,
  THRESHOLD_PRESETS,
  type DiagnosticCode,
  type Settings,
} from './settings';

export const SETTINGS_PREFIX = 'calcinosisNotes';

/** The JSON schema subset VS Code reads for one setting. */
export interface SettingSchema {
  type: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';
  default: unknown;
  scope: 'application' | 'machine' | 'window' | 'resource' | 'machine-overridable' | 'language-overridable';
  markdownDescription: string;
  order: number;
  enum?: string[];
  enumDescriptions?: string[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: Record<string, unknown>;
  uniqueItems?: boolean;
  properties?: Record<string, Record<string, unknown>>;
  additionalProperties?: boolean | Record<string, unknown>;
}

export interface SettingDefinition {
  /** The key under calcinosisNotes, e.g. `caPhosProduct.preset`. */
  key: string;
  /** The field of Settings that normalize() fills from this key; null for client-only keys. */
  field: keyof Settings | null;
  schema: SettingSchema;
}

export interface SettingCategory {
  title: string;
  settings: SettingDefinition[];
}

const SEVERITY_ENUM = ['error', 'warning', 'information', 'hint', 'off'];
const SEVERITY_DESCRIPTIONS = [
  'Shown as an error (red squiggle).',
  'Shown as a warning (yellow squiggle).',
  'Shown as information (blue squiggle).',
  'Shown only as faint dots under the text, not in the Problems panel.',
  'Not shown at all.',
];

/** What each diagnostic code reports, for the severity setting's description. */
export const DIAGNOSTIC_DESCRIPTIONS: Record<DiagnosticCode, string> = {
  'ca-phos-product-elevated': 'the calcium × phosphate product is above the threshold in use',
  'ca-phos-product-not-computed': 'calcium and phosphate are both in the note but the product could not be worked out',
  'implausible-lab-value': 'a lab value is outside what is physiologically possible (often a unit or typing slip)',
  'lab-out-of-range': 'a lab value is outside its reference range',
  'unit-assumed': 'a lab value has no unit and the usual one was assumed',
  'unit-ambiguous': 'a lab value has no unit and its number fits both unit systems, so it is not used',
  'unfilled-field': 'a placeholder from an order set or template is still empty',
  'document-too-large': 'the note is larger than `#calcinosisNotes.maxDocumentSize#` and was not analysed',
  'binary-content': 'the file looks like binary data and was not analysed',
};

function preset(id: keyof typeof THRESHOLD_PRESETS): string {
  const p = THRESHOLD_PRESETS[id];
  return `Flag a product above ${p.value} mg²/dL². Source: ${p.source}.`;
}

let order = 0;
const next = () => ++order;

/** Every setting, grouped as the Settings editor shows them. */
export const SETTING_CATEGORIES: SettingCategory[] = [
  {
    title: 'General',
    settings: [
      {
        key: 'languages',
        field: 'languages',
        schema: {
          type: 'array',
          items: { type: 'string' },
          uniqueItems: true,
          default: DEFAULT_SETTINGS.languages,
          scope: 'window',
          order: next(),
          markdownDescription:
            'Language ids whose documents are analysed. `.note` files open as `clinical-note`; add other ids (for example `latex`) to analyse those too. Changing this restarts the language server.',
        },
      },
      {
        key: 'preferredUnits',
        field: 'preferredUnits',
        schema: {
          type: 'string',
          enum: ['conventional', 'si'],
          enumDescriptions: [
            'US conventional units: calcium and phosphate in mg/dL.',
            'SI units: calcium and phosphate in mmol/L.',
          ],
          default: DEFAULT_SETTINGS.preferredUnits,
          scope: 'resource',
          order: next(),
          markdownDescription:
            'The unit system you read in. A lab value written in the other system gets its converted value as a hint; hovers show both.',
        },
      },
      {
        key: 'trace.server',
        field: null,
        schema: {
          type: 'string',
          enum: ['off', 'messages', 'verbose'],
          enumDescriptions: [
            'No protocol tracing.',
            'Log the name of each message between VS Code and the language server.',
            'Log each message with its content. The content includes note text: use only on notes without patient data.',
          ],
          default: 'off',
          scope: 'window',
          order: next(),
          markdownDescription:
            'Traces the messages between VS Code and the language server in the **Calcinosis Notes** output channel, for reporting a problem.',
        },
      },
    ],
  },
  {
    title: 'Calcium × phosphate',
    settings: [
      {
        key: 'caPhosProduct.preset',
        field: 'caPhosPreset',
        schema: {
          type: 'string',
          enum: ['statpearls-70', 'kdoqi-ckd-55', 'custom'],
          enumDescriptions: [
            preset('statpearls-70'),
            preset('kdoqi-ckd-55'),
            'Use your own value, calcinosisNotes.caPhosProduct.threshold.',
          ],
          default: DEFAULT_SETTINGS.caPhosPreset,
          scope: 'resource',
          order: next(),
          markdownDescription:
            'Which published threshold the calcium × phosphate product is compared with. Each hover and warning names the source of the threshold it used.',
        },
      },
      {
        key: 'caPhosProduct.threshold',
        field: 'caPhosThreshold',
        schema: {
          type: 'number',
          exclusiveMinimum: 0,
          exclusiveMaximum: 1000,
          default: DEFAULT_SETTINGS.caPhosThreshold,
          scope: 'resource',
          order: next(),
          markdownDescription:
            'Your own threshold for the calcium × phosphate product, in mg²/dL². Used when `#calcinosisNotes.caPhosProduct.preset#` is `custom`.',
        },
      },
      {
        key: 'caPhosProduct.useCorrectedCalcium',
        field: 'useCorrectedCalcium',
        schema: {
          type: 'boolean',
          default: DEFAULT_SETTINGS.useCorrectedCalcium,
          scope: 'resource',
          order: next(),
          markdownDescription:
            'Multiply the albumin-corrected calcium instead of the measured calcium when the note also gives albumin. The hover shows which calcium was used.',
        },
      },
    ],
  },
  {
    title: 'Terms',
    settings: [
      {
        key: 'customTerms',
        field: 'customTerms',
        schema: {
          type: 'array',
          items: {
            anyOf: [
              { type: 'string', minLength: 1 },
              {
                type: 'object',
                properties: {
                  term: { type: 'string', minLength: 1, description: 'The word or phrase as written in notes.' },
                  definition: { type: 'string', description: 'Shown when you hover the term.' },
                },
                required: ['term'],
                additionalProperties: false,
              },
            ],
          },
          default: DEFAULT_SETTINGS.customTerms,
          scope: 'resource',
          order: next(),
          markdownDescription:
            'Extra terms your clinic uses, recognised and completed like the built-in ones. Each entry is a string or `{ "term": …, "definition": … }`. For long lists use `#calcinosisNotes.customTermsFile#`.',
        },
      },
      {
        key: 'customTermsFile',
        field: 'customTermsFile',
        schema: {
          type: 'string',
          default: DEFAULT_SETTINGS.customTermsFile,
          scope: 'resource',
          order: next(),
          markdownDescription:
            'Path of a UTF-8 text file of extra terms: one term a line, or term, a tab, then its definition; lines starting with `#` are comments. A relative path starts at the workspace folder that holds the note (the first folder when the note is outside all of them). Read from disk only; at most 2 MB and 5000 terms.',
        },
      },
    ],
  },
  {
    title: 'Hover and hints',
    settings: [
      {
        key: 'hover.detail',
        field: 'hoverDetail',
        schema: {
          type: 'string',
          enum: ['brief', 'full'],
          enumDescriptions: [
            'One line: what the term or value is.',
            'The definition, how it is stated in the sentence (negated, possible, historical…), and sources.',
          ],
          default: DEFAULT_SETTINGS.hoverDetail,
          scope: 'resource',
          order: next(),
          markdownDescription: 'How much a hover over a term or lab value shows.',
        },
      },
      {
        key: 'inlayHints.enabled',
        field: 'inlayHints',
        schema: {
          type: 'boolean',
          default: DEFAULT_SETTINGS.inlayHints,
          scope: 'resource',
          order: next(),
          markdownDescription:
            'Show converted units and computed values (such as the calcium × phosphate product) inline after lab values. VS Code\'s `editor.inlayHints.enabled` also applies.',
        },
      },
    ],
  },
  {
    title: 'Diagnostics',
    settings: [
      {
        key: 'severity',
        field: 'severity',
        schema: {
          type: 'object',
          properties: Object.fromEntries(
            DIAGNOSTIC_CODES.map((code) => [
              code,
              {
                type: 'string',
                enum: SEVERITY_ENUM,
                enumDescriptions: SEVERITY_DESCRIPTIONS,
                default: DEFAULT_SETTINGS.severity[code],
                markdownDescription: `Reported when ${DIAGNOSTIC_DESCRIPTIONS[code]}.`,
              },
            ]),
          ),
          additionalProperties: false,
          default: DEFAULT_SETTINGS.severity,
          scope: 'resource',
          order: next(),
          markdownDescription:
            'How each kind of problem is shown, by its code (the code appears in the Problems panel): `error`, `warning`, `information`, `hint`, or `off` to hide it.\n\n' +
            DIAGNOSTIC_CODES.map((code) => `- \`${code}\` (default \`${DEFAULT_SETTINGS.severity[code]}\`): ${DIAGNOSTIC_DESCRIPTIONS[code]}.`).join('\n'),
        },
      },
      {
        key: 'referenceRanges',
        field: 'referenceRanges',
        schema: {
          type: 'object',
          additionalProperties: {
            type: 'array',
            items: { type: 'number' },
            minItems: 2,
            maxItems: 2,
          },
          default: DEFAULT_SETTINGS.referenceRanges,
          scope: 'resource',
          order: next(),
          markdownDescription:
            'Your laboratory\'s reference ranges, replacing the built-in ones: analyte id to `[low, high]` in the analyte\'s conventional unit, for example `{ "calcium": [8.6, 10.3], "phosphate": [2.5, 4.5] }`.',
        },
      },
    ],
  },
  {
    title: 'Files and limits',
    settings: [
      {
        key: 'include',
        field: 'include',
        schema: {
          type: 'array',
          items: { type: 'string' },
          default: DEFAULT_SETTINGS.include,
          scope: 'resource',
          order: next(),
          markdownDescription:
            'Glob patterns matched against a note\'s full path; when the list is not empty, only matching documents are analysed. `**` crosses folders, `*` and `?` stay within one, `{a,b}` means either. Example: `**/notes/**`.',
        },
      },
      {
        key: 'exclude',
        field: 'exclude',
        schema: {
          type: 'array',
          items: { type: 'string' },
          default: DEFAULT_SETTINGS.exclude,
          scope: 'resource',
          order: next(),
          markdownDescription:
            'Glob patterns (as in `#calcinosisNotes.include#`) for documents never analysed, even when included. Example: `**/templates/**`.',
        },
      },
      {
        key: 'maxDocumentSize',
        field: 'maxDocumentSize',
        schema: {
          type: 'integer',
          minimum: 1000,
          maximum: 200_000_000,
          default: DEFAULT_SETTINGS.maxDocumentSize,
          scope: 'resource',
          order: next(),
          markdownDescription:
            'Documents with more characters than this are not analysed; a single notice says so. Keeps the editor responsive on pasted exports and logs.',
        },
      },
    ],
  },
];

export const ALL_SETTINGS: SettingDefinition[] = SETTING_CATEGORIES.flatMap((c) => c.settings);

/** package.json's contributes.configuration: one titled node per category. */
export function configurationContribution(): { title: string; order: number; properties: Record<string, SettingSchema> }[] {
  return SETTING_CATEGORIES.map((category, index) => ({
    title: category.title,
    order: index + 1,
    properties: Object.fromEntries(category.settings.map((s) => [`${SETTINGS_PREFIX}.${s.key}`, s.schema])),
  }));
}

/**
 * The nested object VS Code hands the server for `calcinosisNotes` when each key has the
 * given value (dotted keys become nested objects, as workspace/configuration returns them).
 */
export function nestedSettings(values: Record<string, unknown>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const parts = key.split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]] = value;
  }
  return root;
}

function cell(text: string): string {
  return text
    .replace(/`#calcinosisNotes\.([\w.]+)#`/g, '`calcinosisNotes.$1`')
    .replace(/\|/g, '\\|')
    .replace(/\n\n/g, '<br>')
    .replace(/\n/g, '<br>');
}

function defaultCell(schema: SettingSchema): string {
  const value = schema.default;
  if (schema.properties && value && typeof value === 'object') return 'one per code, listed';
  return `\`${JSON.stringify(value)}\``;
}

/** The README's settings table (between the settings:start and settings:end markers). */
export function settingsTableMarkdown(): string {
  const rows = ['| Setting | Default | Description |', '| --- | --- | --- |'];
  for (const category of SETTING_CATEGORIES) {
    rows.push(`| **${category.title}** | | |`);
    for (const s of category.settings) {
      let description = s.schema.markdownDescription;
      if (s.schema.enum && s.schema.enumDescriptions && !s.schema.properties) {
        description += '\n' + s.schema.enum.map((v, i) => `- \`${v}\`: ${s.schema.enumDescriptions![i]}`).join('\n');
      }
      rows.push(`| \`${SETTINGS_PREFIX}.${s.key}\` | ${defaultCell(s.schema)} | ${cell(description)} |`);
    }
  }
  return rows.join('\n');
}
