// Preloaded with `node --require` by bench.mjs in its resource pass: when the measured process
// exits, append its peak resident set size (KiB) and the CPU time it used, all threads
// (microseconds), to the file named by BENCH_USAGE_FILE. The timed runs load nothing extra.
'use strict';
const { appendFileSync } = require('node:fs');

const file = process.env.BENCH_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const cpu = process.cpuUsage();
    appendFileSync(file, `${process.resourceUsage().maxRSS} ${cpu.user + cpu.system}\n`);
  });
}
