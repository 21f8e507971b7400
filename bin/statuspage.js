#!/usr/bin/env node
import '../dist/statuspage.js';
