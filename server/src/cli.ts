// Command-line entry point: the same analysis as the editor, without an editor.
//   calcinosis-notes check FILE…          path:line:col: severity: message [code]
//   calcinosis-notes analyze --json FILE… the full analysis as JSON

import { readFileSync, statSync } from 'node:fs';
import { parseCustomTerms } from './analysis/customTermsFile';
import { LineIndex } from './analysis/lineIndex';
import type { Analysis, Finding } from './analysis/types';
import { analyzeNote } from './noteStore';
import { DEFAULT_SETTINGS, normalize, type Settings } from './settings';

const USAGE = `Usage:
  calcinosis-notes check [options] FILE...      list findings, one a line
  calcinosis-notes analyze --json [options] FILE...   print the analysis as JSON, one object a file a line

Options:
  --terms FILE            add user terms (one a line, or term<TAB>definition)
  --threshold N           Ca×P threshold in mg²/dL² (default 70, StatPearls)
  --preset NAME           statpearls-70 | kdoqi-ckd-55
  --corrected-calcium     use albumin-corrected calcium in the Ca×P product
  --fail-on LEVEL         error | warning | never (check only; default warning)
  --max-size N            skip files longer than N characters (default ${DEFAULT_SETTINGS.maxDocumentSize})
  -h, --help              show this help
  -v, --version           show the version

Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage or file errors.
Nothing is sent anywhere; the analysis runs on this machine only.`;

const VERSION = '0.1.0';
const RANK: Record<string, number> = { error: 3, warning: 2, information: 1, hint: 0 };

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

interface Parsed {
  command: string;
  files: string[];
  raw: Record<string, unknown>;
  failOn: 'error' | 'warning' | 'never';
  json: boolean;
  termsFile?: string;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Parsed {
  const [command, ...rest] = argv;
  const parsed: Parsed = { command: command ?? '', files: [], raw: { caPhosProduct: {} }, failOn: 'warning', json: false };
  const product = parsed.raw.caPhosProduct as Record<string, unknown>;
  const value = (i: number, flag: string) => {
    const v = rest[i + 1];
    if (v === undefined) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    switch (arg) {
      case '--json':
        parsed.json = true;
        break;
      case '--terms':
        parsed.termsFile = value(i++, arg);
        break;
      case '--threshold': {
        const n = Number(value(i++, arg));
        if (!Number.isFinite(n) || n <= 0) throw new UsageError('--threshold must be a positive number');
        product.threshold = n;
        product.preset = 'custom';
        break;
      }
      case '--preset':
        product.preset = value(i++, arg);
        break;
      case '--corrected-calcium':
        product.useCorrectedCalcium = true;
        break;
      case '--fail-on': {
        const v = value(i++, arg);
        if (v !== 'error' && v !== 'warning' && v !== 'never') throw new UsageError('--fail-on must be error, warning or never');
        parsed.failOn = v;
        break;
      }
      case '--max-size':
        parsed.raw.maxDocumentSize = Number(value(i++, arg));
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        parsed.files.push(arg);
    }
  }
  return parsed;
}

function settingsFor(parsed: Parsed, io: Io): Settings {
  const { settings, faults } = normalize(parsed.raw);
  // The editor falls back to a default and says so; the command line refuses instead (a value
  // asked for and silently replaced would be worse), so its message leaves the fallback out.
  if (faults.length) throw new UsageError(faults.join(' '));
  if (parsed.termsFile) {
    let content: string;
    try {
      content = readFileSync(parsed.termsFile, 'utf8');
    } catch {
      throw new UsageError(`cannot read the terms file ${parsed.termsFile}`);
    }
    const { terms, problems: termProblems } = parseCustomTerms(content);
    for (const p of termProblems) io.err(`calcinosis-notes: ${parsed.termsFile}: ${p}`);
    settings.customTerms = terms;
  }
  return settings;
}

function diagnosticJson(f: Finding, lines: LineIndex) {
  const s = lines.positionAt(f.start);
  const e = lines.positionAt(f.end);
  return { line: s.line, character: s.character, endLine: e.line, endCharacter: e.character, severity: f.severity, code: f.code, message: f.message };
}

/** The analysis in the documented JSON contract (README, "JSON output"). */
export function analysisJson(path: string, analysis: Analysis, lines: LineIndex) {
  return {
    path,
    terms: analysis.terms.toArray().map(({ text, start, end, line, character, concept, category, assertion }) => ({
      text, start, end, line, character, concept, category, assertion,
    })),
    labs: analysis.labs.map(({ text, start, end, line, character, analyte, value, unit, comparator, conventional, si, assertion }) => ({
      text, start, end, line, character, analyte, value, unit, comparator, conventional, si, assertion,
    })),
    products: analysis.products.map(({ calcium, phosphate, value, unit, threshold, elevated }) => ({
      calcium, phosphate, value, unit, threshold, elevated,
    })),
    diagnostics: analysis.findings.map((f) => diagnosticJson(f, lines)),
  };
}

function effectiveSeverity(f: Finding, settings: Settings): string {
  return settings.severity[f.code] ?? f.severity;
}

export function run(argv: string[], io: Io): number {
  if (argv.length === 0 || argv[0] === '-h' || argv[0] === '--help' || argv[0] === 'help') {
    io.out(USAGE);
    return argv.length === 0 ? 2 : 0;
  }
  if (argv[0] === '-v' || argv[0] === '--version') {
    io.out(VERSION);
    return 0;
  }
  let parsed: Parsed;
  let settings: Settings;
  try {
    parsed = parseArgs(argv);
    if (parsed.command !== 'check' && parsed.command !== 'analyze') throw new UsageError(`unknown command "${parsed.command}"`);
    if (parsed.files.length === 0) throw new UsageError('no FILE given');
    settings = settingsFor(parsed, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`calcinosis-notes: ${error.message}\n\n${USAGE}`);
    return 2;
  }

  let status = 0;
  for (const file of parsed.files) {
    let text: string;
    try {
      if (statSync(file).isDirectory()) throw new Error('is a directory');
      text = readFileSync(file, 'utf8');
    } catch (error) {
      io.err(`calcinosis-notes: cannot read ${file}: ${(error as Error).message.replace(/^.*?: /, '')}`);
      status = 2;
      continue;
    }
    const note = analyzeNote(`file://${file}`, 0, text, settings);
    if (parsed.command === 'analyze') {
      // One JSON object per file, one per line (JSON Lines): a single file prints one object.
      io.out(JSON.stringify(analysisJson(file, note.analysis, note.lines)));
      continue;
    }
    for (const f of note.analysis.findings) {
      const severity = effectiveSeverity(f, settings);
      if (severity === 'off') continue;
      const pos = note.lines.positionAt(f.start);
      io.out(`${file}:${pos.line + 1}:${pos.character + 1}: ${severity}: ${f.message} [${f.code}]`);
      if (parsed.failOn !== 'never' && RANK[severity] >= RANK[parsed.failOn] && status === 0) status = 1;
    }
  }
  return status;
}

if (require.main === module) {
  process.exitCode = run(process.argv.slice(2), {
    out: (s) => process.stdout.write(s + '\n'),
    err: (s) => process.stderr.write(s + '\n'),
  });
}
