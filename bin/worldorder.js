#!/usr/bin/env node
// The CLI entry: compiled code in dist/ (built by `npm install` via the prepare script) starts fast.
import '../dist/cli/main.js';
