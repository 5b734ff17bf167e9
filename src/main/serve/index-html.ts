// The browser UI learns the per-launch API token from a <meta> tag in the index page it was
// served: a page of another origin cannot read that response, so it cannot learn the token.
export const TOKEN_META_NAME = 'vigil-token';

export function withTokenMeta(html: string, token: string): string {
  // The token is base64url, so it needs no escaping inside an attribute.
  const meta = `<meta name="${TOKEN_META_NAME}" content="${token}">`;
  const head = /<head[^>]*>/i.exec(html);
  if (!head) throw new Error('index.html has no <head>: cannot hand the API token to the UI');
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}\n    ${meta}${html.slice(at)}`;
}
