// A value as the readers find it, before `finish` adds conversions, plausibility, its draw
// and its assertion. Shared by the quantitative and serology readers and by finish.ts.

import type { Analyte } from '../../knowledge/analytes';
import type { LabValue } from '../types';

export interface RawValue {
  analyte: Analyte;
  start: number;
  end: number;
  valueStart: number;
  valueEnd: number;
  value: number | string;
  unit: string | null;
  /** Offset of the written unit (the text there is the unit as written). */
  unitStart?: number;
  comparator: LabValue['comparator'];
  attachedDate?: string;
  /** An earlier value written after the current one ("previously 9.4"). */
  earlier?: boolean;
  trendIndex?: number; // 0 for the first of a trend, increasing; the last is current
  trendLength?: number;
  inheritedUnit?: string | null;
  result?: LabValue['result'];
}

/**
 * A raw value with every key present (the optional ones undefined until a reader sets them):
 * values made by the different readers then share one object shape, so `finish` and the sort
 * that reads thousands of them stay monomorphic (five literal shapes made them megamorphic).
 * Made by a class rather than an object literal: V8 tracks where literals are made, to decide
 * whether to allocate them where long-lived objects go, and that bookkeeping made this one
 * allocation about 8% of the lab scan (raw values are dropped once finished).
 */
export function rawValue(
  analyte: Analyte,
  start: number,
  end: number,
  valueStart: number,
  valueEnd: number,
  value: number | string,
  unit: string | null,
  unitStart: number | undefined,
  comparator: LabValue['comparator'],
): RawValue {
  return new Raw(analyte, start, end, valueStart, valueEnd, value, unit, unitStart, comparator);
}

class Raw implements RawValue {
  attachedDate: string | undefined = undefined;
  earlier: boolean | undefined = undefined;
  trendIndex: number | undefined = undefined;
  trendLength: number | undefined = undefined;
  inheritedUnit: string | null | undefined = undefined;
  result: LabValue['result'] | undefined = undefined;
  constructor(
    public analyte: Analyte,
    public start: number,
    public end: number,
    public valueStart: number,
    public valueEnd: number,
    public value: number | string,
    public unit: string | null,
    public unitStart: number | undefined,
    public comparator: LabValue['comparator'],
  ) {}
}
