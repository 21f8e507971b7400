// zod for every schema module: import * as z from '../zod.js'. The mini build: the same schemas
// and messages as the full one, with functions in place of methods (z.optional(s), s.check(…)),
// so a schema costs less to build and the bundle less to load, which every usage error pays.
// English messages are set here, as full zod sets them by itself. A run parses each schema once
// or twice, and zod's JIT compiles an object schema into a parser with `new Function` on first
// use, which costs milliseconds more than it ever saves here. Configured here, in the module the
// schemas import, both hold whatever order modules load in.

import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config({ jitless: true, ...en() });

export * from 'zod/mini';
