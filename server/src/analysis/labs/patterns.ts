// The sticky regexes read at fixed positions after (or just before) an analyte name:
// dates, the filler words between a name and its number, numbers, units written in table
// cells, what may not follow a lab value, flags, reference ranges, attached dates, trends,
// earlier values and slash lists. Built once at load; each reader sets lastIndex and tests.

import { UNIT_SOURCE } from '../units';

const DATE_SOURCE =
  '(?:(\\d{4})-(\\d{1,2})-(\\d{1,2})' +
  '|(\\d{1,2})[/](\\d{1,2})(?:[/](\\d{4}|\\d{2}))?' +
  '|(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})' +
  '|((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)\\.?[ \\t]+(\\d{1,2})(?:st|nd|rd|th)?(?:,?[ \\t]+(\\d{4}))?' +
  '|(\\d{1,2})[ \\t]+((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)\\.?(?:,?[ \\t]+(\\d{4}))?)';
export const DATE_RE = new RegExp('(?<![\\d/.,:])' + DATE_SOURCE + '(?![\\d/]|\\.\\d)', 'g');

/**
 * Words and marks between a name and its number. A parenthesised qualifier with letters
 * and no slash ("(24 h)", "(25-OH)", "(intact)") is skipped when a number follows, so its
 * digits are never read as the value; "(mg/dL)" is a unit and is left to the unit reader.
 */
export const FILLER_AT =
  /(?:[ \t]*(?:\((?:serum|s|total|plasma|blood|fasting)\)|\((?=[^()\n/]{0,24}[A-Za-z])[^()\n/]{1,24}\)(?=[ \t]*[:=]?[ \t]*[<>≤≥]?[ \t]*\d)|(?:has|have|had)[ \t]+(?:come|gone|been)(?![A-Za-z])|,[ \t]*(?:serum|total|plasma)(?![A-Za-z])|(?:serum|plasma|fasting|total|levels?|values?|results?|was|were|is|are|of|at|now|today|came[ \t]+back(?:[ \t]+(?:as|at))?|returned(?:[ \t]+at)?|measured(?:[ \t]+at)?|noted(?:[ \t]+at)?|(?:mildly[ \t]+|markedly[ \t]+)?(?:elevated|high|raised|low|increased|decreased|normal)(?:[ \t]+(?:at|to))?|remains?|remained|(?:rose|went|climbed|fell|dropped)[ \t]+to|up[ \t]+to|down[ \t]+to|(?:rose|went|increased|decreased|fell|dropped|climbed|improved|worsened)[ \t]+from|from|approximately|approx\.?|about|around|of[ \t]+about|checked)(?![A-Za-z])|=|:|,|~|≈|-(?!>)|\||\t|\(|#))*[ \t]*/y;

export const DATE_PREFIX_AT = new RegExp('[ \\t]*(?:on|from|dated|drawn|\\()?[ \\t]*' + DATE_SOURCE + '\\)?[ \\t]*:?', 'y');

export const NUM_AT = /(<=|>=|≤|≥|<|>|less[ \t]+than|greater[ \t]+than|below|above|under|over)?[ \t]*(\d+(?:[.,]\d+)?|[.,]\d+)(?!\d)/y;

/** What may not follow a number that is a lab value (dates, ranges, times, ages, doses). */
export const NOT_VALUE_AFTER =
  /(?:[ \t]*[/][ \t]*\d|[ \t]*[-–][ \t]*\d|:\d|[ \t]*(?:yo|y\/o|y\.o\.|years?|yrs?|year-old|months?|mos?|weeks?|wks?|days?|hours?|hrs?|minutes?|mins?|times|cm|mm|kg|lbs?|%|mg|g|mcg|µg|μg|ug|IU|units?|tabs?|tablets?|caps?|capsules?|mEq|mmol|ml|mL|puffs?|drops?|sprays?|doses?|vials?|amps?)(?![A-Za-z/]))/y;
export const BARE_EXCRETION_UNIT_AT = /[ \t]*(mg|mmol)(?![A-Za-z/])/y;

export const TABLE_UNIT_AT = new RegExp('[ \\t]*(?:\\||\\t|\\()[ \\t]*(' + UNIT_SOURCE + ')\\)?', 'iy');

export const FLAG_AT = /[ \t]*(?:[|\t][ \t]*)?(?:\((?:HH|LL|H|L|high|low|crit(?:ical)?|abnormal|A)\)|\[(?:H|L)\]|(?:HH|LL|H|L)(?![A-Za-z0-9])|[↑↓]|\*+|!)/y;
export const RANGE_AT =
  /[ \t]*(?:[[(][ \t]*(?:(?:ref(?:erence)?\.?|normal|nl|N|RR|range|ULN)[ \t]*(?:range|interval)?[ \t]*:?[ \t]*)?(?:[<>≤≥][ \t]*)?\d+(?:[.,]\d+)?(?:[ \t]*(?:-|–|to)[ \t]*\d+(?:[.,]\d+)?)?[ \t]*[^\])\n/:]{0,12}[\])]|[ \t]*(?:[|\t])[ \t]*(?:[<>≤≥][ \t]*)?\d+(?:[.,]\d+)?[ \t]*(?:-|–|to)[ \t]*\d+(?:[.,]\d+)?|,?[ \t]*(?:ref(?:erence)?(?:[ \t]+range)?|normal(?:[ \t]+range)?|nl)[ \t]*:?[ \t]*\d+(?:[.,]\d+)?[ \t]*(?:-|–|to)[ \t]*\d+(?:[.,]\d+)?)/y;
export const DATE_AFTER_AT = new RegExp('[ \\t]*(?:\\(|,?[ \\t]*(?:on|from|dated|drawn|collected)[ \\t]+)' + DATE_SOURCE + '\\)?', 'y');
export const TREND_AT =
  /[ \t]*(?:,[ \t]*)?(?:-+>|→|⟶|➔|=>|⇒|\bto\b|,?[ \t]*(?:(?:last|this)[ \t]+(?:month|week|year)|yesterday|in[ \t]+\d{4})?[ \t]*,?[ \t]*(?:and[ \t]+)?(?:(?:is|was)[ \t]+)?(?:then|now)(?:[ \t]+(?:up|down)[ \t]+to)?|(?:increased|rose|climbed|fell|dropped|decreased)[ \t]+to)[ \t]*/y;
/** An earlier value written after the current one: "10.8, previously 9.4", "1.1 (baseline 0.9)". */
export const EARLIER_AT = /[ \t]*[,;(]?[ \t]*(?:previously|prior(?:ly)?|baseline|before|last|was|vs\.?|compared[ \t]+(?:with|to)|down[ \t]+from|up[ \t]+from|from)[ \t]*:?[ \t]*/y;
/** Another dated value of the same analyte: "9.2 (1/2/2026), 10.8 (3/14/2026)". */
export const NEXT_DATED_AT = /[ \t]*[,;][ \t]*(?:and[ \t]+)?/y;
export const SLASH_AT = /[ \t]*\/[ \t]*/y;
export const MAX_SLASH_NAMES = 8;
export const SLASH_NUM_AT = /[ \t]*\/[ \t]*(\d+(?:[.,]\d+)?)(?!\d)/y;
export const BACK_RE = new RegExp('(<=|>=|≤|≥|<|>)?[ \\t]*(\\d+(?:[.,]\\d+)?)[ \\t]*(' + UNIT_SOURCE + ')[ \\t]*(?:(?:of|serum|total|for)[ \\t]+)*$', 'i');
