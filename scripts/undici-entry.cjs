// What the bundle takes from undici in place of its index, which also pulls in fetch,
// WebSocket, EventSource, caches and mocks: only the dispatcher the transport uses, with the
// request methods undici's index adds to every dispatcher (~320 kB instead of ~535 kB to
// load for the first request). build.mjs aliases `undici` to this file; esbuild's alias
// covers `undici/…` too, so undici's own files are reached by path.
'use strict';

const Dispatcher = require('../node_modules/undici/lib/dispatcher/dispatcher');
const EnvHttpProxyAgent = require('../node_modules/undici/lib/dispatcher/env-http-proxy-agent');
const api = require('../node_modules/undici/lib/api');

Object.assign(Dispatcher.prototype, api);

module.exports = { Dispatcher, EnvHttpProxyAgent };
