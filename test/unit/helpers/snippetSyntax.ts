// A small, strict parser of the VS Code snippet grammar, used by the tests to check
// every order-set body before it reaches an editor, and to expand a body the way an
// editor would when the clinician accepts every default.
//
//   any         ::= tabstop | placeholder | choice | variable | text
//   tabstop     ::= '$' int | '${' int '}' | '${' int transform '}'
//   placeholder ::= '${' int ':' any* '}'
//   choice      ::= '${' int '|' option (',' option)* '|}'
//   variable    ::= '$' var | '${' var '}' | '${' var ':' any* '}' | '${' var transform '}'
//   transform   ::= '/' regex '/' format '/' options
//
// In text, `\$`, `\}` and `\\` are escapes; inside a choice option `\,` and `\|` too.
// Stricter than VS Code on purpose: a bare `$` that starts nothing, a `}` that closes
// nothing, an unterminated `${`, an empty choice option, and two definitions of the
// same tab stop that disagree are all errors (VS Code would silently insert something
// else than the author meant).

export type SnippetNode =
  | { type: 'text'; value: string }
  | { type: 'tabstop'; index: number; transform?: Transform }
  | { type: 'placeholder'; index: number; children: SnippetNode[] }
  | { type: 'choice'; index: number; options: string[] }
  | { type: 'variable'; name: string; children?: SnippetNode[]; transform?: Transform };

export interface Transform {
  regex: string;
  format: string;
  options: string;
}

export class SnippetSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at offset ${offset}`);
  }
}

/** Variables VS Code resolves when a snippet is inserted. */
export const KNOWN_VARIABLES: ReadonlySet<string> = new Set([
  'TM_SELECTED_TEXT', 'TM_CURRENT_LINE', 'TM_CURRENT_WORD', 'TM_LINE_INDEX', 'TM_LINE_NUMBER',
  'TM_FILENAME', 'TM_FILENAME_BASE', 'TM_DIRECTORY', 'TM_FILEPATH', 'RELATIVE_FILEPATH',
  'CLIPBOARD', 'WORKSPACE_NAME', 'WORKSPACE_FOLDER', 'CURSOR_INDEX', 'CURSOR_NUMBER',
  'CURRENT_YEAR', 'CURRENT_YEAR_SHORT', 'CURRENT_MONTH', 'CURRENT_MONTH_NAME', 'CURRENT_MONTH_NAME_SHORT',
  'CURRENT_DATE', 'CURRENT_DAY_NAME', 'CURRENT_DAY_NAME_SHORT', 'CURRENT_HOUR', 'CURRENT_MINUTE',
  'CURRENT_SECOND', 'CURRENT_SECONDS_UNIX', 'CURRENT_TIMEZONE_OFFSET', 'RANDOM', 'RANDOM_HEX', 'UUID',
  'BLOCK_COMMENT_START', 'BLOCK_COMMENT_END', 'LINE_COMMENT',
]);

const DIGIT = /[0-9]/;
const VAR_START = /[_a-zA-Z]/;
const VAR_CHAR = /[_a-zA-Z0-9]/;

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parse(): SnippetNode[] {
    const nodes = this.sequence(false);
    if (this.pos < this.src.length) throw new SnippetSyntaxError('unbalanced "}"', this.pos);
    return nodes;
  }

  /** Parses nodes until end of input, or until an unescaped `}` when nested. */
  private sequence(nested: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ type: 'text', value: text });
      text = '';
    };
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos];
      if (ch === '\\') {
        const next = this.src[this.pos + 1];
        if (next === '$' || next === '}' || next === '\\') {
          text += next;
          this.pos += 2;
        } else {
          text += ch;
          this.pos += 1;
        }
      } else if (ch === '$') {
        flush();
        nodes.push(this.dollar());
      } else if (ch === '}') {
        if (nested) break;
        throw new SnippetSyntaxError('unbalanced "}"', this.pos);
      } else {
        text += ch;
        this.pos += 1;
      }
    }
    flush();
    return nodes;
  }

  private int(): number {
    const start = this.pos;
    while (this.pos < this.src.length && DIGIT.test(this.src[this.pos])) this.pos += 1;
    return Number(this.src.slice(start, this.pos));
  }

  private name(): string {
    const start = this.pos;
    while (this.pos < this.src.length && VAR_CHAR.test(this.src[this.pos])) this.pos += 1;
    return this.src.slice(start, this.pos);
  }

  private dollar(): SnippetNode {
    const start = this.pos;
    this.pos += 1; // '$'
    const ch = this.src[this.pos];
    if (ch !== undefined && DIGIT.test(ch)) return { type: 'tabstop', index: this.int() };
    if (ch !== undefined && VAR_START.test(ch)) return { type: 'variable', name: this.name() };
    if (ch !== '{') throw new SnippetSyntaxError('bare "$" (escape it as "\\$")', start);
    this.pos += 1; // '{'
    const head = this.src[this.pos];
    if (head !== undefined && DIGIT.test(head)) {
      const index = this.int();
      const after = this.src[this.pos];
      if (after === '}') {
        this.pos += 1;
        return { type: 'tabstop', index };
      }
      if (after === ':') {
        this.pos += 1;
        const children = this.sequence(true);
        this.close(start);
        return { type: 'placeholder', index, children };
      }
      if (after === '|') {
        this.pos += 1;
        return { type: 'choice', index, options: this.choiceOptions(start) };
      }
      if (after === '/') return { type: 'tabstop', index, transform: this.transform(start) };
      throw new SnippetSyntaxError(`unexpected ${after === undefined ? 'end' : JSON.stringify(after)} after "\${${index}"`, this.pos);
    }
    if (head !== undefined && VAR_START.test(head)) {
      const name = this.name();
      const after = this.src[this.pos];
      if (after === '}') {
        this.pos += 1;
        return { type: 'variable', name };
      }
      if (after === ':') {
        this.pos += 1;
        const children = this.sequence(true);
        this.close(start);
        return { type: 'variable', name, children };
      }
      if (after === '/') return { type: 'variable', name, transform: this.transform(start) };
      throw new SnippetSyntaxError(`unexpected ${after === undefined ? 'end' : JSON.stringify(after)} after "\${${name}"`, this.pos);
    }
    throw new SnippetSyntaxError('"${" must be followed by a tab stop number or a variable name', start);
  }

  private close(start: number): void {
    if (this.src[this.pos] !== '}') throw new SnippetSyntaxError('unterminated "${"', start);
    this.pos += 1;
  }

  private choiceOptions(start: number): string[] {
    const options: string[] = [];
    let current = '';
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos];
      if (ch === '\\' && ',|\\$}'.includes(this.src[this.pos + 1] ?? '')) {
        current += this.src[this.pos + 1];
        this.pos += 2;
      } else if (ch === ',') {
        options.push(current);
        current = '';
        this.pos += 1;
      } else if (ch === '|') {
        if (this.src[this.pos + 1] !== '}') throw new SnippetSyntaxError('choice must end with "|}" (escape a literal "|" as "\\|")', this.pos);
        options.push(current);
        this.pos += 2;
        const empty = options.findIndex((o) => o === '');
        if (empty >= 0) throw new SnippetSyntaxError(`empty choice option #${empty + 1} (escape a literal "," as "\\,")`, start);
        return options;
      } else {
        current += ch;
        this.pos += 1;
      }
    }
    throw new SnippetSyntaxError('unterminated choice', start);
  }

  /** After `/`: regex '/' format '/' options '}'. */
  private transform(start: number): Transform {
    const part = (): string => {
      this.pos += 1; // '/'
      let out = '';
      let depth = 0; // inside a format's ${1:/upcase}, a '/' does not end the part
      while (this.pos < this.src.length && (this.src[this.pos] !== '/' || depth > 0)) {
        if (this.src.startsWith('${', this.pos)) {
          depth += 1;
          out += '${';
          this.pos += 2;
        } else if (this.src[this.pos] === '}' && depth > 0) {
          depth -= 1;
          out += '}';
          this.pos += 1;
        } else if (this.src[this.pos] === '\\' && this.pos + 1 < this.src.length) {
          out += this.src.slice(this.pos, this.pos + 2);
          this.pos += 2;
        } else {
          out += this.src[this.pos];
          this.pos += 1;
        }
      }
      if (this.src[this.pos] !== '/') throw new SnippetSyntaxError('unterminated transform', start);
      return out;
    };
    const regex = part();
    const format = part();
    this.pos += 1; // '/'
    const optStart = this.pos;
    while (this.pos < this.src.length && /[gimsuy]/.test(this.src[this.pos])) this.pos += 1;
    const options = this.src.slice(optStart, this.pos);
    try {
      new RegExp(regex, options);
    } catch {
      throw new SnippetSyntaxError(`invalid transform regex /${regex}/`, start);
    }
    this.close(start);
    return { regex, format, options };
  }
}

/** Parses a snippet body and checks that each tab stop is defined consistently. */
export function parseSnippet(src: string): SnippetNode[] {
  const nodes = new Parser(src).parse();
  checkConsistency(nodes);
  return nodes;
}

function checkConsistency(nodes: SnippetNode[]): void {
  const defs = new Map<number, string>();
  const define = (index: number, def: string) => {
    const prev = defs.get(index);
    if (prev !== undefined && prev !== def) {
      throw new SnippetSyntaxError(`tab stop $${index} defined twice inconsistently (${prev} vs ${def})`, 0);
    }
    defs.set(index, def);
  };
  const walk = (list: SnippetNode[]) => {
    for (const node of list) {
      if (node.type === 'choice') define(node.index, `choice ${JSON.stringify(node.options)}`);
      else if (node.type === 'placeholder') {
        define(node.index, `placeholder ${JSON.stringify(render(node.children, new Map(), {}))}`);
        walk(node.children);
      } else if (node.type === 'variable' && node.children) walk(node.children);
    }
  };
  walk(nodes);
}

export interface ExpandOptions {
  /** Values for variables; unknown variables fall back to their default, then their name (as VS Code does). */
  variables?: Record<string, string>;
  /** Option index to take for a choice tab stop (default: the first option). */
  choose?: Record<number, number>;
}

/**
 * The text an editor inserts when every choice takes its first option and every
 * placeholder keeps its default; mirrors repeat their placeholder's value.
 */
export function expandSnippet(src: string, options: ExpandOptions = {}): string {
  const nodes = parseSnippet(src);
  const values = new Map<number, string>();
  const collect = (list: SnippetNode[]) => {
    for (const node of list) {
      if (node.type === 'choice' && !values.has(node.index)) {
        const pick = options.choose?.[node.index] ?? 0;
        if (pick >= node.options.length) throw new RangeError(`tab stop $${node.index} has no option #${pick + 1}`);
        values.set(node.index, node.options[pick]);
      }
      else if (node.type === 'placeholder') {
        if (!values.has(node.index)) values.set(node.index, render(node.children, values, options.variables ?? {}));
        collect(node.children);
      }
    }
  };
  collect(nodes);
  return render(nodes, values, options.variables ?? {});
}

function render(nodes: SnippetNode[], values: Map<number, string>, variables: Record<string, string>): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out += node.value;
        break;
      case 'tabstop':
        out += values.get(node.index) ?? '';
        break;
      case 'placeholder':
        out += values.get(node.index) ?? render(node.children, values, variables);
        break;
      case 'choice':
        out += values.get(node.index) ?? node.options[0];
        break;
      case 'variable':
        out += variables[node.name] ?? (node.children ? render(node.children, values, variables) : node.name);
        break;
    }
  }
  return out;
}

/** Every node of the tree, depth first. */
export function allNodes(nodes: SnippetNode[]): SnippetNode[] {
  const out: SnippetNode[] = [];
  const walk = (list: SnippetNode[]) => {
    for (const node of list) {
      out.push(node);
      if (node.type === 'placeholder') walk(node.children);
      else if (node.type === 'variable' && node.children) walk(node.children);
    }
  };
  walk(nodes);
  return out;
}
