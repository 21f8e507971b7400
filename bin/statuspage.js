#!/usr/bin/env node
// The `statuspage` command: loads the bundle built from src/main.ts.
import module from 'node:module';

// On Node 22.1+ V8 keeps the bundle's compiled code on disk, so later starts skip most of the
// parsing; older Node has no such cache. Enabled before the bundle is imported, hence import().
module.enableCompileCache?.();
await import('../dist/statuspage.mjs');
