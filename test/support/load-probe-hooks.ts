// Module hooks the load probe (load-probe.ts) registers: they run in Node's hooks thread and note
// every file the CLI's process loads as an ES module, one URL a line, in the file they are given.
// The bundle's chunks are ES modules named by hash, so this is how a test tells which were read.
import { appendFileSync } from 'node:fs';
import type { InitializeHook, LoadHook } from 'node:module';

let file: string | undefined;

export const initialize: InitializeHook<{ file: string }> = (data) => {
  file = data.file;
};

export const load: LoadHook = (url, context, nextLoad) => {
  if (file !== undefined && url.startsWith('file:')) appendFileSync(file, `${url}\n`);
  return nextLoad(url, context);
};
