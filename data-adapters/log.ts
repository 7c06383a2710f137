/**
 * A tiny logger seam for the data adapters. Handled, expected problems at the boundary (a corrupted
 * recording line, a failed load that the wall shows as an error state) are warnings, never
 * console.warn: the end-to-end tests treat any console error on a good run as a bug.
 */
export interface Logger {
  warn(message: string): void;
}

/** A logger that prefixes every message, e.g. `[citywall:recorded] line 12: invalid JSON`. */
export function createConsoleLogger(prefix: string): Logger {
  return {
    warn(message: string): void {
      console.warn(`${prefix} ${message}`);
    },
  };
}
