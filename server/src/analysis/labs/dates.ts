// Dates as draw keys ("date:2026-3-14", "?" for a missing year) and what callers ask of
// draw keys: whether two values may come from the same blood draw, and the draw in words.

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/** A date match as a draw key "date:YYYY-M-D" ("?" for a missing year), or null if not a calendar date. */
export function dateKey(m: RegExpExecArray | RegExpMatchArray): string | null {
  let y: string | undefined;
  let mo: number;
  let d: number;
  if (m[1]) {
    y = m[1];
    mo = Number(m[2]);
    d = Number(m[3]);
  } else if (m[4]) {
    const a = Number(m[4]);
    const b = Number(m[5]);
    y = m[6];
    // US order unless the first number cannot be a month.
    if (a > 12 && b <= 12) {
      mo = b;
      d = a;
    } else {
      mo = a;
      d = b;
    }
  } else if (m[7]) {
    d = Number(m[7]);
    mo = Number(m[8]);
    y = m[9];
  } else if (m[10]) {
    mo = MONTHS[m[10].slice(0, 3).toLowerCase()] ?? 0;
    d = Number(m[11]);
    y = m[12];
  } else {
    d = Number(m[13]);
    mo = MONTHS[(m[14] ?? '').slice(0, 3).toLowerCase()] ?? 0;
    y = m[15];
  }
  if (!(mo >= 1 && mo <= 12 && d >= 1 && d <= 31)) return null;
  if (y && y.length === 2) y = `20${y}`;
  return `date:${y ?? '?'}-${mo}-${d}`;
}

/** What comparing draw keys needs to know of one key, worked out once per key (see drawInfo). */
export interface DrawInfo {
  key: string;
  /** The earlier value of a written trend ("…~earlier1"): never the same draw as another key. */
  earlier: boolean;
  /** A "date:" key (with or without the ~earlier suffix). */
  dated: boolean;
  /** Year ("?" when not written), month and day of a date key. */
  year: string;
  month: string;
  day: string;
}

/** The DrawInfo of a draw key, memoised (pairing compares the same few keys thousands of times). */
const DRAW_INFO = new Map<string, DrawInfo>();
export function drawInfo(key: string | undefined): DrawInfo | undefined {
  if (!key) return undefined;
  let info = DRAW_INFO.get(key);
  if (!info) {
    const dated = key.startsWith('date:');
    const [year = '', month = '', day = ''] = dated ? key.slice(5).split('-') : [];
    info = { key, earlier: key.includes('~earlier'), dated, year, month, day };
    if (DRAW_INFO.size >= 4096) DRAW_INFO.clear();
    DRAW_INFO.set(key, info);
  }
  return info;
}

/**
 * Whether two draw keys may be the same blood draw: 'same' (same date, or same block),
 * 'different' (two different dates) or 'unknown' (at least one has no date).
 */
export function compareDraws(a: string | undefined, b: string | undefined): 'same' | 'different' | 'unknown' {
  return compareDrawInfo(drawInfo(a), drawInfo(b));
}

/** compareDraws on keys already looked up with drawInfo. */
export function compareDrawInfo(a: DrawInfo | undefined, b: DrawInfo | undefined): 'same' | 'different' | 'unknown' {
  if (!a || !b) return 'unknown';
  // Equal keys are the same draw whatever their kind (every branch below agrees).
  if (a.key === b.key) return 'same';
  if (a.earlier || b.earlier) return 'different';
  if (a.dated && b.dated) {
    if (a.month !== b.month || a.day !== b.day) return 'different';
    if (a.year !== '?' && b.year !== '?' && a.year !== b.year) return 'different';
    return 'same';
  }
  return 'unknown';
}

/** Human words for a draw key ("3/14/2026", "an undated block"). */
export function describeDraw(draw: string | undefined): string {
  if (!draw) return 'no date';
  const base = draw.replace(/~earlier\d*$/, '');
  if (base.startsWith('date:')) {
    const [y, m, d] = base.slice(5).split('-');
    return y === '?' ? `${m}/${d}` : `${m}/${d}/${y}`;
  }
  return 'no date';
}
