// What the bundle takes from undici in place of its index, which also pulls in fetch,
// WebSocket, EventSource, caches and mocks: only the dispatcher the transport uses, with the
// request methods undici's index adds to every dispatcher. Halves the bytes Node must parse
// at every start (see scripts/build.mjs).
'use strict';

const Dispatcher = require('undici/lib/dispatcher/dispatcher');
const EnvHttpProxyAgent = require('undici/lib/dispatcher/env-http-proxy-agent');
const api = require('undici/lib/api');

Object.assign(Dispatcher.prototype, api);

module.exports = { Dispatcher, EnvHttpProxyAgent };
