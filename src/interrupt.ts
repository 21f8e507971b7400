// Ctrl-C (SIGINT) or SIGTERM while a write is in flight: the API may act on it all the same, and
// a user who simply runs the command again would broadcast it twice. So the one line that says
// what was in flight, and how to check, is printed before the process exits with the code a
// shell gives a signal (130, 143). There is no taking a request back; what can be cleaned up
// (a keychain helper process, which would otherwise outlive the CLI) is.
const inFlight = new Set<string>();
const cleanups = new Set<() => void>();

/** Runs `cleanup` if the CLI is interrupted before the returned function is called. */
export function onInterrupt(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** Runs `work` (a write); while it runs, an interrupt prints `line`. */
export async function whileInFlight<T>(line: string | undefined, work: () => Promise<T>): Promise<T> {
  if (line === undefined) return work();
  inFlight.add(line);
  try {
    return await work();
  } finally {
    inFlight.delete(line);
  }
}

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/** Installed by main.ts only: tests that run the CLI in-process keep their own signal handling. */
export function installInterruptHandlers(write: (line: string) => void): void {
  for (const [signal, code] of Object.entries(EXIT_CODES)) {
    process.once(signal, () => {
      for (const line of inFlight) write(line);
      for (const cleanup of cleanups) cleanup();
      process.exit(code);
    });
  }
}
