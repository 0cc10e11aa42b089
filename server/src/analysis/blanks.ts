// The blanks inside a line (spaces and tabs), which the section finder and the lab readers
// step over before what they read next.

/** The first offset at or after `i` that is not a space or a tab (the text's length at its end). */
export function skipBlanks(text: string, i: number): number {
  for (let c = text.charCodeAt(i); c === 32 || c === 9; c = text.charCodeAt(++i));
  return i;
}
