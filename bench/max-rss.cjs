// Preloaded with `node --require` by bench.mjs: when the measured process exits, append its
// peak resident set size (KiB) to the file named by BENCH_RSS_FILE. Only the RSS pass uses
// it, so the timed runs carry no extra module.
'use strict';
const { appendFileSync } = require('node:fs');

const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => appendFileSync(file, `${process.resourceUsage().maxRSS}\n`));
