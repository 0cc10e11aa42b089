import type { Concept } from '../types';
import { ANATOMY } from './anatomy';
import { CAUSES } from './causes';
import { COMPLICATIONS } from './complications';
import { ASSOCIATED_DISEASES } from './diseases';
import { HISTOLOGY } from './histology';
import { IMAGING } from './imaging';
import { LAB_TESTS } from './labs';
import { PROCEDURES } from './procedures';
import { CALCINOSIS_SUBTYPES } from './subtypes';
import { TREATMENTS } from './treatments';
import { CALCINOSIS_TYPES } from './types';

/** Every built-in concept, one entry each; one file per category group. */
export const CONCEPTS: readonly Concept[] = [
  ...CALCINOSIS_TYPES,
  ...CALCINOSIS_SUBTYPES,
  ...ASSOCIATED_DISEASES,
  ...CAUSES,
  ...LAB_TESTS,
  ...HISTOLOGY,
  ...IMAGING,
  ...PROCEDURES,
  ...TREATMENTS,
  ...COMPLICATIONS,
  ...ANATOMY,
];
