// `vigil serve`: the desktop UI and its API over HTTP, on the loopback interface only.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { EngineApi, EngineEventSource } from '../../shared/types.js';
import { API_PREFIX, handleApi } from './api-route.js';
import { errorStatus } from './error-status.js';
import { EVENTS_PATH, handleEvents } from './event-stream.js';
import { HttpError, sendError } from './http-error.js';
import { loopbackBindAddress, urlHost } from './loopback.js';
import { checkHostAndOrigin, checkToken, type GuardOptions } from './request-guard.js';
import { handleStatic } from './static-route.js';

export interface ServerOptions {
  engine: EngineApi;
  /** The engine's events, streamed at GET /api/events; without it that route answers 501. */
  events?: EngineEventSource;
  /** A loopback address (127.0.0.0/8, ::1 or localhost); anything else is refused. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** The built renderer (out/renderer). */
  staticDir: string;
}

export interface RunningServer {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  /** The per-launch API token (also in the served index.html). */
  token: string;
  close(): Promise<void>;
}

export async function startServer({ engine, events, host = '127.0.0.1', port = 0, staticDir }: ServerOptions): Promise<RunningServer> {
  const address = loopbackBindAddress(host);
  if (!address) throw new Error(`refusing to serve on ${host}: only loopback addresses (127.0.0.1, ::1, localhost) are allowed`);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port ${port}`);
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(`${staticDir}: the UI is not built (no index.html); run \`npm run build\``);
  }

  const token = randomBytes(32).toString('base64url');
  const hosts = new Set<string>();
  const guard: GuardOptions = { hosts, token };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    checkHostAndOrigin(req, guard);
    const [pathname = '/', query = ''] = (req.url ?? '/').split('?');
    if (pathname === EVENTS_PATH) {
      checkToken(req, guard, new URLSearchParams(query).get('token'));
      handleEvents(req, res, events);
    } else if (pathname === '/api' || pathname.startsWith(API_PREFIX)) {
      checkToken(req, guard);
      await handleApi(req, res, engine, pathname);
    } else {
      await handleStatic(req, res, staticDir, pathname, token);
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const status = errorStatus(error);
      // Refusals are the client's business; only an unexpected failure is worth a stack here.
      if (!(error instanceof HttpError) && status >= 500) console.error(`vigil serve: ${req.method} ${req.url}: ${(error as Error).stack ?? String(error)}`);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // Drain what the client is still sending so that it sees our answer, not a reset.
      req.resume();
      sendError(res, status, error instanceof Error ? error.message : String(error), error instanceof HttpError ? error.headers : {});
    });
  });

  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(port, address, () => {
      server.off('error', fail);
      ready();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  for (const name of [urlHost(address), 'localhost']) hosts.add(`${name}:${bound}`.toLowerCase());

  return {
    url: `http://${urlHost(address)}:${bound}/`,
    token,
    close: () =>
      new Promise<void>((closed, fail) => {
        server.close((error) => (error ? fail(error) : closed()));
        server.closeAllConnections();
      }),
  };
}
