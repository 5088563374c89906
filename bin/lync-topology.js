#!/usr/bin/env node
'use strict';
const { run } = require('../out/server/src/cli/main.js');
const { version } = require('../package.json');

process.exitCode = run(process.argv.slice(2), version, {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
});
