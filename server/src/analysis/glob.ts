// Minimal glob matching for the include/exclude settings: `**` crosses folders, `*`
// and `?` stay within one path segment, `{a,b}` alternates. Everything else is
// literal, so a setting can never become a slow or invalid regular expression.

const cache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  let cached = cache.get(glob);
  if (cached) return cached;
  let out = '';
  let inBraces = false;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          out += '(?:[^/]*/)*';
        } else out += '.*';
      } else out += '[^/]*';
    } else if (ch === '?') out += '[^/]';
    else if (ch === '{' && !inBraces) {
      inBraces = true;
      out += '(?:';
    } else if (ch === '}' && inBraces) {
      inBraces = false;
      out += ')';
    } else if (ch === ',' && inBraces) out += '|';
    else out += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  if (inBraces) out += ')';
  cached = new RegExp(`^(?:${out})$`);
  if (cache.size > 256) cache.clear();
  cache.set(glob, cached);
  return cached;
}

/**
 * Whether a path is in scope: it matches one of `include` (or `include` is empty) and
 * none of `exclude`. A pattern without a slash matches the file name in any folder.
 */
export function pathInScope(path: string, include: readonly string[], exclude: readonly string[]): boolean {
  const normalized = path.replace(/\\/g, '/');
  const matches = (glob: string) => {
    const target = glob.includes('/') ? normalized : normalized.slice(normalized.lastIndexOf('/') + 1);
    const re = globToRegExp(glob.includes('/') && !glob.startsWith('/') && !glob.startsWith('**') ? `**/${glob}` : glob);
    return re.test(target);
  };
  if (include.length > 0 && !include.some(matches)) return false;
  return !exclude.some(matches);
}
