#!/usr/bin/env node
// The `oko` command: runs the bundled CLI (built by `npm run build`, which `npm install` runs too).
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const cli = join(__dirname, '..', 'dist', 'oko.cjs');
if (!existsSync(cli)) {
  console.error('ОКО: команда не собрана. Выполните: npm run build');
  process.exit(1);
}
require(cli);
