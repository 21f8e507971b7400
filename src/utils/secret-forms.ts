// A server that echoes the token back may do so escaped: as HTML in an error page, percent-encoded
// in a URL, or JSON-escaped inside a string. Each such spelling is masked as the token itself is.

const HTML: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The token as written, and as HTML, a URL or JSON would spell it, longest first. */
export function secretForms(secret: string): string[] {
  const forms = new Set([
    secret,
    secret.replace(/[&<>"']/g, (c) => HTML[c] ?? c),
    secret.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`),
    secret.replace(/[&<>"']/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`),
    encodeURIComponent(secret),
    encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()),
    JSON.stringify(secret).slice(1, -1),
    JSON.stringify(secret).slice(1, -1).replaceAll('/', '\\/'),
  ]);
  return [...forms].sort((a, b) => b.length - a.length);
}

/** `text` with every spelling of `secret` replaced by `***`. */
export function maskSecret(text: string, secret: string): string {
  if (secret === '') return text;
  let result = text;
  for (const form of secretForms(secret)) result = result.split(form).join('***');
  return result;
}
