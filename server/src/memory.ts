// Giving memory back after a large note.
//
// Receiving a note of megabytes leaves the message's buffers behind and grows V8's young
// generation. Both go at V8's next full collection, but a server sitting idle may not have
// one: servers that had refused a 10 MB note sometimes held 92–103 MB for 50 s and more,
// while others of the same build came down to about 64 MB within 10 s, once V8's memory
// reducer happened to run. So after a large note is opened, replaced or closed, and the
// server has then been quiet for a moment, it asks for one full collection: 8–12 ms
// after a refused 10 MB note, 57–89 ms with the analysis of a 10 MB note held (a pause a
// request would wait for, once, while the user has left the note alone for 2 s). Small
// notes never arm this, nor does typing: V8's own schedule suits them.
//
// The collection is V8's `gc`, which exists only when Node was started with --expose-gc:
// the VS Code extension starts the server so (client/src/serverProcess.ts). Started
// without it, the server schedules nothing and V8 keeps its own schedule.

/** A note of at least this many characters counts as large. */
export const LARGE_NOTE_CHARS = 1_000_000;
/** How long the server must have been quiet (no validation running or waiting) before collecting. */
export const QUIET_MS = 2000;

export interface ReclaimerOptions {
  /** Runs a full collection; `undefined` when the runtime offers none (nothing is scheduled then). */
  collect: (() => void) | undefined;
  /** Whether notes are being validated (the collection waits for another quiet period). */
  busy: () => boolean;
  quietMs?: number;
}

export class MemoryReclaimer {
  private timer: NodeJS.Timeout | undefined;
  /** Each open note's length, so that a change is measured by how much it moved. */
  private readonly lengths = new Map<string, number>();

  constructor(private readonly options: ReclaimerOptions) {}

  /**
   * The note `uri` now has `length` characters (opened or changed): what counts is how far its
   * length moved, so typing in a long note arms nothing while opening or replacing one does.
   */
  noteChanged(uri: string, length: number): void {
    this.noteEvent(Math.abs(length - (this.lengths.get(uri) ?? 0)));
    this.lengths.set(uri, length);
  }

  /** The note `uri` was closed: its text can go. */
  noteClosed(uri: string): void {
    this.noteEvent(this.lengths.get(uri) ?? 0);
    this.lengths.delete(uri);
  }

  /** A note of `chars` characters was opened, replaced or closed. */
  noteEvent(chars: number): void {
    if (chars < LARGE_NOTE_CHARS || !this.options.collect) return;
    this.arm();
  }

  /**
   * The note `uri` was worked on (validated): when it is a large note and a collection is
   * waiting, the quiet period starts again. Small notes never push it back.
   */
  activity(uri: string): void {
    if (this.timer && (this.lengths.get(uri) ?? 0) >= LARGE_NOTE_CHARS) this.arm();
  }

  /** Whether a collection is waiting for quiet. */
  get armed(): boolean {
    return this.timer !== undefined;
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fire(), this.options.quietMs ?? QUIET_MS);
    // A pending collection must not keep the process alive (the server exits when its client goes).
    this.timer.unref();
  }

  private fire(): void {
    this.timer = undefined;
    if (this.options.busy()) {
      this.arm();
      return;
    }
    this.options.collect?.();
  }
}

/** V8's `gc` (a full collection) when Node was started with --expose-gc, else undefined. */
export function fullCollection(): (() => void) | undefined {
  const gc = (globalThis as { gc?: unknown }).gc;
  return typeof gc === 'function' ? (gc as () => void) : undefined;
}
