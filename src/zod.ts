// zod for every schema module: import * as z from '../zod.js'. A run parses each schema once or
// twice, and zod's JIT compiles an object schema into a parser with `new Function` on first
// use, which costs milliseconds more than it ever saves here. Configured here, in the module the
// schemas import, it holds whatever order modules load in.
import { config } from 'zod';

config({ jitless: true });

export * from 'zod';
