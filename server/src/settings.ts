// The one settings module: types, defaults and normalize(). The client imports it
// type-only; package.json's contributes.configuration is checked against it by a test.

export type SeverityName = 'error' | 'warning' | 'information' | 'hint' | 'off';
export type HoverDetail = 'brief' | 'full';
export type UnitSystem = 'conventional' | 'si';
export type ThresholdPreset = 'statpearls-70' | 'kdoqi-ckd-55' | 'custom';

export interface CustomTerm {
  term: string;
  definition?: string;
}

export interface Settings {
  /** Language ids the server analyses. */
  languages: string[];
  /** Which published Ca×P threshold to apply; 'custom' uses `caPhosProduct.threshold`. */
  caPhosPreset: ThresholdPreset;
  /** Threshold in mg²/dL² used when the preset is 'custom'. */
  caPhosThreshold: number;
  /** Multiply albumin-corrected calcium instead of measured calcium when albumin is known. */
  useCorrectedCalcium: boolean;
  customTerms: CustomTerm[];
  /** Workspace-relative (or absolute) path of a file with one term a line, or term<TAB>definition. */
  customTermsFile: string;
  hoverDetail: HoverDetail;
  inlayHints: boolean;
  /** The unit system the clinician reads in; values written in the other one get a converted hint. */
  preferredUnits: UnitSystem;
  /** Severity per diagnostic code; 'off' hides it. */
  severity: Record<string, SeverityName>;
  /** Documents larger than this many characters are not analysed (the server says so once). */
  maxDocumentSize: number;
  include: string[];
  exclude: string[];
  /** Reference range overrides, keyed by analyte id: [low, high] in the analyte's conventional unit. */
  referenceRanges: Record<string, [number, number]>;
}

export const THRESHOLD_PRESETS: Record<Exclude<ThresholdPreset, 'custom'>, { value: number; source: string; url: string }> = {
  'statpearls-70': {
    value: 70,
    source: 'StatPearls, "Calcinosis Cutis" (Le & Bedocs, 2019), Pathophysiology: Metastatic Calcification',
    url: 'http://knowledge.statpearls.com/chapter/rheumatology/18768/',
  },
  'kdoqi-ckd-55': {
    value: 55,
    source: 'KDOQI 2003 bone metabolism guideline for adults with CKD stages 3–5, guideline 6.5',
    url: 'http://kidneyfoundation.cachefly.net/professionals/KDOQI/guidelines_bone/guide6.htm',
  },
};

export const DIAGNOSTIC_CODES = [
  'ca-phos-product-elevated',
  'ca-phos-product-not-computed',
  'implausible-lab-value',
  'lab-out-of-range',
  'unit-assumed',
  'unit-ambiguous',
  'unfilled-field',
  'document-too-large',
  'binary-content',
] as const;
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

export const DEFAULT_SEVERITY: Record<DiagnosticCode, SeverityName> = {
  'ca-phos-product-elevated': 'warning',
  'ca-phos-product-not-computed': 'information',
  'implausible-lab-value': 'warning',
  'lab-out-of-range': 'information',
  'unit-assumed': 'hint',
  'unit-ambiguous': 'information',
  'unfilled-field': 'warning',
  'document-too-large': 'warning',
  'binary-content': 'warning',
};

export const DEFAULT_SETTINGS: Settings = {
  languages: ['clinical-note', 'plaintext', 'markdown'],
  caPhosPreset: 'statpearls-70',
  caPhosThreshold: 70,
  useCorrectedCalcium: false,
  customTerms: [],
  customTermsFile: '',
  hoverDetail: 'full',
  inlayHints: true,
  preferredUnits: 'conventional',
  severity: { ...DEFAULT_SEVERITY },
  maxDocumentSize: 5_000_000,
  include: [],
  exclude: [],
  referenceRanges: {},
};

/** The effective Ca×P threshold and where it comes from. */
export function caPhosThreshold(settings: Settings): { value: number; source: string; url?: string } {
  if (settings.caPhosPreset === 'custom') {
    return { value: settings.caPhosThreshold, source: 'your setting calcinosisNotes.caPhosProduct.threshold' };
  }
  return THRESHOLD_PRESETS[settings.caPhosPreset];
}

export interface NormalizedSettings {
  settings: Settings;
  /** One message per setting that was malformed and fell back to its default (what the editor shows). */
  problems: string[];
  /**
   * The same messages without the fallback ("calcinosisNotes.x must be …."), for callers that
   * refuse a malformed value instead of replacing it (the command line).
   */
  faults: string[];
}

const SEVERITY_NAMES: readonly SeverityName[] = ['error', 'warning', 'information', 'hint', 'off'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Coerces raw settings (as VS Code or another client sends them, possibly malformed)
 * into a complete Settings object. Anything malformed falls back to its default and
 * is reported once in `problems` (and in `faults`, without the fallback).
 */
export function normalize(raw: unknown): NormalizedSettings {
  const problems: string[] = [];
  const faults: string[] = [];
  const fault = (what: string, fallback: string) => {
    faults.push(`${what}.`);
    problems.push(`${what}; ${fallback}.`);
  };
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    languages: [...DEFAULT_SETTINGS.languages],
    severity: { ...DEFAULT_SEVERITY },
    referenceRanges: {},
  };
  if (raw === undefined || raw === null) return { settings, problems, faults };
  if (!isRecord(raw)) {
    fault('calcinosisNotes settings are not an object', 'using defaults');
    return { settings, problems, faults };
  }
  const bad = (key: string, why: string) => fault(`calcinosisNotes.${key} ${why}`, 'using the default');

  const stringList = (key: string, value: unknown): string[] | undefined => {
    if (value === undefined) return undefined;
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
    bad(key, 'must be a list of strings');
    return undefined;
  };

  settings.languages = stringList('languages', raw.languages) ?? settings.languages;
  settings.include = stringList('include', raw.include) ?? settings.include;
  settings.exclude = stringList('exclude', raw.exclude) ?? settings.exclude;

  const product = raw.caPhosProduct;
  if (product !== undefined) {
    if (!isRecord(product)) bad('caPhosProduct', 'must be an object');
    else {
      if (product.preset !== undefined) {
        if (product.preset === 'statpearls-70' || product.preset === 'kdoqi-ckd-55' || product.preset === 'custom') {
          settings.caPhosPreset = product.preset;
        } else bad('caPhosProduct.preset', 'must be "statpearls-70", "kdoqi-ckd-55" or "custom"');
      }
      if (product.threshold !== undefined) {
        const t = typeof product.threshold === 'string' ? Number(product.threshold) : product.threshold;
        if (typeof t === 'number' && Number.isFinite(t) && t > 0 && t < 1000) {
          settings.caPhosThreshold = t;
          // A threshold that differs from the preset's value only makes sense as a custom one.
          if (product.preset === undefined && t !== 70) settings.caPhosPreset = 'custom';
        } else bad('caPhosProduct.threshold', 'must be a positive number of mg²/dL² below 1000');
      }
      if (product.useCorrectedCalcium !== undefined) {
        if (typeof product.useCorrectedCalcium === 'boolean') settings.useCorrectedCalcium = product.useCorrectedCalcium;
        else bad('caPhosProduct.useCorrectedCalcium', 'must be true or false');
      }
    }
  }

  if (raw.customTerms !== undefined) {
    if (Array.isArray(raw.customTerms)) {
      const terms: CustomTerm[] = [];
      for (const item of raw.customTerms) {
        if (typeof item === 'string' && item.trim()) terms.push({ term: item.trim() });
        else if (isRecord(item) && typeof item.term === 'string' && item.term.trim()) {
          terms.push({
            term: item.term.trim(),
            definition: typeof item.definition === 'string' ? item.definition : undefined,
          });
        } else {
          bad('customTerms', 'has an entry that is neither a string nor {term, definition}');
          break;
        }
      }
      settings.customTerms = terms.slice(0, 5000);
    } else bad('customTerms', 'must be a list');
  }

  if (raw.customTermsFile !== undefined) {
    if (typeof raw.customTermsFile === 'string') settings.customTermsFile = raw.customTermsFile;
    else bad('customTermsFile', 'must be a path');
  }

  const hover = raw.hover;
  if (hover !== undefined) {
    if (isRecord(hover) && (hover.detail === 'brief' || hover.detail === 'full')) settings.hoverDetail = hover.detail;
    else if (isRecord(hover) && hover.detail === undefined) {
      /* nothing set */
    } else bad('hover.detail', 'must be "brief" or "full"');
  }

  const hints = raw.inlayHints;
  if (hints !== undefined) {
    if (isRecord(hints) && typeof hints.enabled === 'boolean') settings.inlayHints = hints.enabled;
    else if (typeof hints === 'boolean') settings.inlayHints = hints;
    else bad('inlayHints.enabled', 'must be true or false');
  }

  if (raw.preferredUnits !== undefined) {
    if (raw.preferredUnits === 'conventional' || raw.preferredUnits === 'si') settings.preferredUnits = raw.preferredUnits;
    else bad('preferredUnits', 'must be "conventional" or "si"');
  }

  if (raw.severity !== undefined) {
    if (isRecord(raw.severity)) {
      for (const [code, value] of Object.entries(raw.severity)) {
        if (!(DIAGNOSTIC_CODES as readonly string[]).includes(code)) bad(`severity.${code}`, 'is not a known diagnostic');
        else if (typeof value === 'string' && (SEVERITY_NAMES as readonly string[]).includes(value)) {
          settings.severity[code] = value as SeverityName;
        } else bad(`severity.${code}`, 'must be error, warning, information, hint or off');
      }
    } else bad('severity', 'must be an object of diagnostic code to severity');
  }

  if (raw.maxDocumentSize !== undefined) {
    const n = raw.maxDocumentSize;
    if (typeof n === 'number' && Number.isFinite(n) && n >= 1000) settings.maxDocumentSize = Math.min(Math.floor(n), 200_000_000);
    else bad('maxDocumentSize', 'must be a number of characters, at least 1000');
  }

  if (raw.referenceRanges !== undefined) {
    if (isRecord(raw.referenceRanges)) {
      for (const [analyte, range] of Object.entries(raw.referenceRanges)) {
        if (
          Array.isArray(range) &&
          range.length === 2 &&
          range.every((v) => typeof v === 'number' && Number.isFinite(v)) &&
          (range[0] as number) < (range[1] as number)
        ) {
          settings.referenceRanges[analyte] = [range[0] as number, range[1] as number];
        } else bad(`referenceRanges.${analyte}`, 'must be [low, high] with low < high');
      }
    } else bad('referenceRanges', 'must be an object of analyte to [low, high]');
  }

  return { settings, problems, faults };
}
