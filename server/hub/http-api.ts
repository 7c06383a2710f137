/**
 * The hub's HTTP side (socket.io handles /socket.io/ itself on the same server):
 *   GET  /api/presenter/hello   {hub: true, hubId}: a wall page learns it is served by a hub.
 *   POST HUB_PAIR_PATH          {code, name} → PairReply. Origin must be one of the hub's; 403 on a wrong
 *                               code, 429 when wrong codes rotated the code; 400 on a malformed body.
 *   OPTIONS HUB_PAIR_PATH       CORS preflight, for allowed extra origins (a vite preview) only.
 *   anything else               the built app from distDir (GET/HEAD), else 404.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HUB_PAIR_PATH, pairRequestSchema, type PairReply, type PairRequest } from '../../src/presenter/protocol';
import { serveStatic } from './static-files';

export const HELLO_PATH = '/api/presenter/hello';
const MAX_BODY = 4096;

export interface HttpApiDeps {
  hubId: string;
  distDir: string | undefined;
  isAllowedOrigin(origin: string | undefined): boolean;
  /** Pair a remote; the status goes on the HTTP reply. */
  pair(req: PairRequest): { status: number; reply: PairReply };
}

function sendJson(res: ServerResponse, status: number, body: unknown, origin?: string): void {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
  if (origin) {
    headers['Access-Control-Allow-Origin'] = origin;
    headers.Vary = 'Origin';
  }
  res.writeHead(status, headers);
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
  });
}

export function createHttpHandler(deps: HttpApiDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://hub.invalid');
    const origin = req.headers.origin;

    if (url.pathname === HELLO_PATH && (req.method === 'GET' || req.method === 'HEAD')) {
      sendJson(res, 200, { hub: true, hubId: deps.hubId }, deps.isAllowedOrigin(origin) ? origin : undefined);
      return;
    }

    if (url.pathname === HUB_PAIR_PATH) {
      if (!deps.isAllowedOrigin(origin)) {
        sendJson(res, 403, { ok: false, error: '来源不被允许 / origin not allowed' } satisfies PairReply);
        return;
      }
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'Access-Control-Allow-Origin': origin!,
          'Access-Control-Allow-Methods': 'POST',
          'Access-Control-Allow-Headers': 'content-type',
          'Access-Control-Max-Age': '600',
          Vary: 'Origin',
        });
        res.end();
        return;
      }
      if (req.method !== 'POST') {
        res.writeHead(405, { Allow: 'POST, OPTIONS' });
        res.end();
        return;
      }
      const raw = await readBody(req);
      let body: unknown = null;
      try {
        body = raw === null ? null : JSON.parse(raw);
      } catch {
        body = null;
      }
      const parsed = pairRequestSchema.safeParse(body);
      if (!parsed.success) {
        const why = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
        sendJson(res, 400, { ok: false, error: `请求无效 / bad request: ${why}`.slice(0, 300) } satisfies PairReply, origin);
        return;
      }
      const { status, reply } = deps.pair(parsed.data);
      sendJson(res, status, reply, origin);
      return;
    }

    if (deps.distDir && (await serveStatic(deps.distDir, req, res, url.pathname))) return;
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
    res.end('not found');
  };
  return (req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('internal error');
      } else res.destroy();
      console.error(`hub http: ${err instanceof Error ? err.message : String(err)}`);
    });
  };
}
