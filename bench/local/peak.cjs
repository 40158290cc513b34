// Preloaded into a measured process (node --require): reports its peak RSS when it exits.
process.on('exit', () => {
  process.stderr.write(`\nOKO_BENCH_PEAK ${JSON.stringify({ maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
});
