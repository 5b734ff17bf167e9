import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { securityHeaders } from './content-security-policy.js';
import { HttpError } from './http-error.js';
import { withTokenMeta } from './index-html.js';
import { contentType, resolveStaticFile } from './static-files.js';

export async function handleStatic(req: IncomingMessage, res: ServerResponse, staticDir: string, pathname: string, token: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    throw new HttpError(405, `${req.method ?? '?'} not allowed here`, { Allow: 'GET, HEAD' });
  }
  const found = resolveStaticFile(staticDir, pathname);
  if (found.kind === 'bad-path') throw new HttpError(400, found.reason);
  if (found.kind === 'not-found') throw new HttpError(404, `no such file: ${pathname.slice(0, 200)}`);

  const headers = { ...securityHeaders(), 'Content-Type': contentType(found.path), 'Cache-Control': 'no-cache' };
  if (found.path.endsWith('index.html')) {
    // Read per request, so a rebuilt UI is served without restarting; it is a few hundred bytes.
    const html = Buffer.from(withTokenMeta(await readFile(found.path, 'utf8'), token));
    res.writeHead(200, { ...headers, 'Cache-Control': 'no-store', 'Content-Length': html.length });
    res.end(req.method === 'HEAD' ? undefined : html);
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Length': found.size });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((done, fail) => {
    const stream = createReadStream(found.path);
    stream.on('error', fail);
    res.on('close', done);
    stream.pipe(res);
  });
}
