import type { Concept } from '../types';
import { CALCINOSIS_TYPES } from './types';

/** Every built-in concept, one entry each. */
export const CONCEPTS: readonly Concept[] = [...CALCINOSIS_TYPES];
