// The browser UI learns the per-launch API token from a <meta> tag in the index page it was
// served: a page of another origin cannot read that response, so it cannot learn the token.
export const TOKEN_META_NAME = 'vigil-token';

export function withTokenMeta(html: string, token: string): string {
  // The token is base64url, so it needs no escaping inside an attribute.
  const meta = `<meta name="${TOKEN_META_NAME}" content="${token}">`;
  // At the end of <head>: <meta charset> must stay first, and the UI's module script, which
  // reads the tag, runs only once the whole document is parsed.
  const end = html.search(/<\/head>/i);
  if (end < 0) throw new Error('index.html has no </head>: cannot hand the API token to the UI');
  return `${html.slice(0, end)}  ${meta}\n  ${html.slice(end)}`;
}
