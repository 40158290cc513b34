#!/usr/bin/env node
// The `oko` command: runs the bundled CLI (built by `npm run build`, which `npm install` runs too).
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');
const cli = join(__dirname, '..', 'dist', 'cli', 'oko.mjs');
if (!existsSync(cli)) {
  console.error('ОКО: команда не собрана. Выполните: npm run build');
  process.exit(1);
}
import(pathToFileURL(cli).href);
