// What the bundle takes from undici in place of its index, which also pulls in fetch,
// WebSocket, EventSource, caches and mocks: only the dispatcher the transport uses, with the
// request methods undici's index adds to every dispatcher: ~320 kB instead of ~535 kB to
// carry in the bundle and to compile for the first request (see bundle-plugins.mjs).
'use strict';

const Dispatcher = require('undici/lib/dispatcher/dispatcher');
const EnvHttpProxyAgent = require('undici/lib/dispatcher/env-http-proxy-agent');
const api = require('undici/lib/api');

Object.assign(Dispatcher.prototype, api);

module.exports = { Dispatcher, EnvHttpProxyAgent };
