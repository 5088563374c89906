#!/usr/bin/env node
'use strict';
// The Lync Topology language server; editors start it as `lync-topology-server --stdio`.
require('../dist/lync-topology-server.js');
