#!/usr/bin/env node
'use strict';
// The Lync Topology language server; editors start it as `lync-topology-server --stdio`.
require('../out/server/src/lsp/main.js');
