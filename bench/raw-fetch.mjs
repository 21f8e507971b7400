// The baseline for create-incident: the least a Node script can do to send the same POST,
// with the global fetch and nothing else. Usage: node raw-fetch.mjs URL BODY_JSON (token in BENCH_TOKEN).
const [url, body] = process.argv.slice(2);
const response = await fetch(url, {
  method: 'POST',
  headers: {
    authorization: `OAuth ${process.env.BENCH_TOKEN}`,
    'content-type': 'application/json',
    accept: 'application/json',
  },
  body,
});
const incident = await response.json();
console.log(incident.id);
