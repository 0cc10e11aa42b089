// Types for activation.mjs (used from bench/run.ts).
export interface ActivationSample {
  /** VS Code's activation time of Calcinosis Notes, in ms (Running Extensions). */
  ours: number;
  /** Other extensions activated in the same window, by name ("(at startup)" when at startup). */
  peers: Record<string, number>;
  /** Activation → language server answered initialize, in ms, as our extension logged it. */
  ready?: number;
}
export function measureActivation(options: {
  vsix: string;
  windows?: number;
  log?: (line: string) => void;
}): Promise<{ samples: ActivationSample[]; skipped?: undefined } | { skipped: string; samples?: undefined }>;
