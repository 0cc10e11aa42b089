// Giving memory back after a huge note. V8 returns memory to the system only after a full
// (mark-compact) collection, which also starts its memory reducer. A huge note leaves tens of
// megabytes of garbage behind it (the message it came in, the transport's buffers, the
// analysis it replaced or that was dropped with it), but a server that then sits quiet may
// allocate too little for V8 ever to start that collection: after a refused 10 MB note the
// server was seen holding 100 MB for good, where a single collection brings it to about 70 MB
// within ten seconds (docs/performance-plan.md, fourth pass). So once the server has been quiet
// for a moment after such a note, it asks for one collection, unless V8 has made one itself
// in the meantime. Node lets code ask for one only when it was started with --expose-gc, which
// the VS Code client passes (client/src/serverLaunch.ts); without it, this does nothing.

import { PerformanceObserver, constants } from 'node:perf_hooks';

/** Notes at least this long count as huge (the size from which they are analysed in chunks). */
export const HUGE_NOTE = 1_000_000;

export interface MemoryReleaseOptions {
  /** How long the server must be quiet before collecting. */
  quietMs: number;
  /** A full collection, or undefined where none can be asked for. */
  collect: (() => void) | undefined;
}

export class MemoryRelease {
  private timer: NodeJS.Timeout | undefined;
  private sawMajor = false;
  private observer: PerformanceObserver | undefined;

  constructor(private readonly options: MemoryReleaseOptions = { quietMs: 2000, collect: fullCollection() }) {}

  /** A huge note was taken in, analysed or dropped: collect once things are quiet. */
  afterHugeNote(): void {
    if (!this.options.collect) return;
    if (this.timer) clearTimeout(this.timer);
    else this.watchCollections();
    this.timer = setTimeout(() => this.quiet(), this.options.quietMs);
    // Never keeps the process alive on its own.
    this.timer.unref();
  }

  /** Whether a collection is waiting for the server to be quiet. */
  get waiting(): boolean {
    return this.timer !== undefined;
  }

  private watchCollections(): void {
    this.sawMajor = false;
    this.observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const detail = (entry as { detail?: { kind?: number } }).detail;
        if (detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) this.sawMajor = true;
      }
    });
    this.observer.observe({ entryTypes: ['gc'] });
  }

  private quiet(): void {
    this.timer = undefined;
    this.observer?.disconnect();
    this.observer = undefined;
    // A full collection V8 made by itself since the note has started the memory reducer already.
    if (!this.sawMajor) this.options.collect?.();
  }
}

/** V8's full collection, when Node was started with --expose-gc; else undefined. */
export function fullCollection(): (() => void) | undefined {
  const gc = (globalThis as { gc?: () => void }).gc;
  return typeof gc === 'function' ? () => gc() : undefined;
}
