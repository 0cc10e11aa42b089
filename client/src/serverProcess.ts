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
 * from the main heap instead, and memory freed there mostly stays with the process. A fixed
 * threshold (the default value, 128 KiB) turns that adjustment off. Measured with the
 * production build, fresh servers given a 10 MB note: 58–59 MB idle instead of 63, and about
 * 63 MB once settled instead of 67–68. Other C libraries (macOS, Windows) ignore the variable.
 */
export const SERVER_ENVIRONMENT: Readonly<Record<string, string>> = {
  MALLOC_MMAP_THRESHOLD_: String(128 * 1024),
};
