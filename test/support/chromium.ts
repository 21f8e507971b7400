// Headless Chromium as the page check (test/commands/sandbox-page.test.ts) and the README's
// screenshot (scripts/sandbox-screenshot.mjs) run it: a throwaway profile, and flags that keep it
// from reaching out to the network on its own.

/** Chromium's arguments: `profile` a fresh directory, `extra` what it is to do (`--dump-dom`, …) and the URL. */
export function headlessChromiumArgs(profile: string, extra: readonly string[]): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--user-data-dir=${profile}`,
    ...extra,
  ];
}
