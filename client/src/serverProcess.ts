// What the language server's process gets from the extension besides the module to run.
// The benchmark starts the server with the same flags and environment, to measure it as
// VS Code runs it.

/**
 * Node flags. --expose-gc lets the server ask for a full collection once a note of megabytes
 * has come or gone and it is idle (server/src/memory.ts). Fresh servers given a 10 MB note,
 * settled: without the flag 64, 65, 71 and 92 MB (V8's memory reducer had not run), with it
 * 64, 64, 65 and 73.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--expose-gc'];

/**
 * Added to the server's environment (merged into the extension host's).
 *
 * glibc's malloc raises its mmap threshold each time it frees a large mmapped block, up to
 * 32 MB: after the buffers of one 10 MB message are freed, blocks of up to that size come
 * from the main heap instead, and memory freed there mostly stays with the process. Setting
 * the threshold turns that adjustment off. It is set below the 64 KiB buffers Node reads a
 * message into, so that those of a 10 MB message (some 160) are mapped and unmapped one by one:
 * with glibc's default value (128 KiB) they came from the main heap, which glibc shrinks only
 * from its top, and in roughly one fresh server out of three that heap stayed 9 MB larger
 * (13.3 MB against 4.2; RSS settled at 72 MB instead of 63-64). Fresh production servers given
 * a 10 MB note, settled: with 128 KiB 63-64 MB or 72 MB; with 64 KiB 63-66 MB (six runs); with
 * 32 KiB 62-65 MB (nine runs), idle 57 MB.
 * Other C libraries (macOS, Windows) ignore the variable.
 */
export const SERVER_ENVIRONMENT: Readonly<Record<string, string>> = {
  MALLOC_MMAP_THRESHOLD_: String(32 * 1024),
};
