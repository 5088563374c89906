#!/usr/bin/env node
'use strict';
const { run } = require('../out/server/src/cli/main.js');
const { processOutput } = require('../out/server/src/cli/output.js');
const { version } = require('../package.json');

process.exitCode = run(process.argv.slice(2), version, processOutput());
