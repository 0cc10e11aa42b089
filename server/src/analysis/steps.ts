// Work written as a generator that yields between its parts (so the chunked analysis of a
// huge note can pause there), run here in one go by the callers that need no pause.

/** Runs `steps` to its end and returns what it returns. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
