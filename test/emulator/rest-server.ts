import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { ApiFailure } from './api-errors.js';
import type { FaultRegistry } from './faults.js';
import { GlobalRateLimit } from './global-rate-limit.js';

export interface UploadedFile {
  readonly field: string;
  readonly filename: string;
  readonly contentType: string;
  readonly size: number;
  readonly bytes: Buffer;
}

export interface RecordedRequest {
  readonly method: string;
  /** Decoded route after `/api/v10`, without the query: `/webhooks/<app>/<token>/messages/@original`. */
  readonly path: string;
  readonly query: Record<string, string>;
  /** Parsed JSON (for multipart: `payload_json`); undefined without a body. */
  readonly body: unknown;
  readonly files: readonly UploadedFile[];
  /** Whether the request carried `Authorization: Bot ...` (interaction and webhook calls do not). */
  readonly authorized: boolean;
  /** `Date.now()` when it arrived. */
  readonly at: number;
  /** 0 while unanswered, and for hung requests the client gave up on. */
  status: number;
  response: unknown;
  /** True when an injected fault produced the answer. */
  fault: boolean;
}

export interface RouteContext {
  readonly method: string;
  readonly params: Record<string, string>;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly files: readonly UploadedFile[];
}

export interface RouteResult {
  status: number;
  body?: unknown;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** `/channels/:channelId/messages`; `:name` captures one decoded segment. */
  pattern: string;
  /** Interaction callbacks and webhook calls carry no bot token. */
  auth: boolean;
  handle(context: RouteContext): RouteResult | Promise<RouteResult>;
}

export interface RestServerOptions {
  routes: readonly Route[];
  faults: FaultRegistry;
  /** Counts the bot's requests and answers Discord's global 429 past the limit. */
  globalRateLimit: GlobalRateLimit;
  /** Discord refuses requests whose files add up to more (413, 40005). */
  maxUploadBytes: number;
  /** Files outside `/api` (the emulator's CDN for attachments), for GET. */
  serveFile(path: string): { contentType: string | undefined; bytes: Buffer } | undefined;
  /** When set, only this bot token is accepted. */
  token: string | undefined;
  record(request: RecordedRequest): void;
  changed(): void;
  log(line: string): void;
  /** A bug in the emulator itself; answered with 500 and kept for the test to see. */
  internalError(error: unknown): void;
}

const apiPrefix = '/api/v10';
/** Past this the emulator stops reading: a guard for the process, above any upload limit a test sets. */
const bodyReadLimitSlackBytes = 2 * 1024 * 1024;

function matchRoute(pattern: string, path: string): Record<string, string> | undefined {
  const wanted = pattern.split('/');
  const actual = path.split('/');
  if (wanted.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let index = 0; index < wanted.length; index += 1) {
    const segment = wanted[index] ?? '';
    const value = actual[index] ?? '';
    if (segment.startsWith(':')) {
      if (value === '') return undefined;
      params[segment.slice(1)] = value;
    } else if (segment !== value) return undefined;
  }
  return params;
}

async function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new ApiFailure(413, { code: 40005, message: 'Request entity too large' });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function parseBody(request: IncomingMessage, raw: Buffer): Promise<{ body: unknown; files: UploadedFile[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  const type = request.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) {
    // Node's own fetch (undici) parses multipart correctly, boundaries and filename encodings included.
    const form = await new Request('http://emulator.invalid/', { method: 'POST', headers: { 'content-type': type }, body: raw }).formData();
    const files: UploadedFile[] = [];
    let body: unknown;
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = JSON.parse(value);
      } else {
        files.push({ field, filename: value.name, contentType: value.type, size: value.size, bytes: Buffer.from(await value.arrayBuffer()) });
      }
    }
    return { body, files };
  }
  try {
    return { body: JSON.parse(raw.toString('utf8')), files: [] };
  } catch {
    throw new ApiFailure(400, { code: 50109, message: 'The request body contains invalid JSON.' });
  }
}

function decodePath(rawPath: string): string {
  return rawPath
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

/** The HTTP half of the emulator: auth, faults, recording, then the route table. */
export function createRestServer(options: RestServerOptions): { server: Server; hung: Set<ServerResponse> } {
  const hung = new Set<ServerResponse>();

  const send = (response: ServerResponse, record: RecordedRequest | undefined, result: RouteResult, headers: Record<string, string> = {}) => {
    if (response.destroyed || response.writableEnded) return;
    if (record) {
      record.status = result.status;
      record.response = result.body;
      options.changed();
    }
    if (result.status === 204 || result.body === undefined) {
      response.writeHead(result.status, headers).end();
      return;
    }
    const text = JSON.stringify(result.body);
    response.writeHead(result.status, { ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) }).end(text);
  };

  const server = createServer((request, response) => {
    void (async () => {
      let record: RecordedRequest | undefined;
      try {
        const url = new URL(request.url ?? '/', 'http://emulator.invalid');
        const method = (request.method ?? 'GET').toUpperCase();
        if (!url.pathname.startsWith(`${apiPrefix}/`)) {
          const file = request.method === 'GET' ? options.serveFile(decodePath(url.pathname)) : undefined;
          if (file) {
            const headers = { 'Content-Length': String(file.bytes.length), ...(file.contentType ? { 'Content-Type': file.contentType } : {}) };
            response.writeHead(200, headers).end(file.bytes);
            return;
          }
          send(response, undefined, { status: 404, body: { message: '404: Not Found', code: 0 } });
          return;
        }
        const path = decodePath(url.pathname.slice(apiPrefix.length));
        const raw = await readBody(request, options.maxUploadBytes + bodyReadLimitSlackBytes);
        const authorization = request.headers.authorization;
        const parsed = await parseBody(request, raw).catch((error: unknown) => {
          if (error instanceof ApiFailure) throw error;
          throw new ApiFailure(400, { code: 50109, message: 'The request body contains invalid JSON.' });
        });
        record = {
          method,
          path,
          query: Object.fromEntries(url.searchParams),
          body: parsed.body,
          files: parsed.files,
          authorized: authorization !== undefined,
          at: Date.now(),
          status: 0,
          response: undefined,
          fault: false,
        };
        options.record(record);
        options.log(`${method} ${path}`);
        // The bot-wide limit comes before anything else Discord checks: a refused request does nothing.
        if (GlobalRateLimit.applies(path, isAuthorized(authorization, options.token))) options.globalRateLimit.admit();
        // Discord's limit applies to the request's files together, before any route looks at it.
        const uploadBytes = parsed.files.reduce((sum, file) => sum + file.size, 0);
        if (uploadBytes > options.maxUploadBytes) throw new ApiFailure(413, { code: 40005, message: 'Request entity too large' });

        const fault = options.faults.take(method, path);
        const failInstead = () => {
          if (!record) return;
          record.fault = true;
          if (fault?.kind === 'hang') {
            hung.add(response);
            response.on('close', () => hung.delete(response));
          } else if (fault?.kind === 'respond') {
            send(response, record, { status: fault.status, body: fault.body }, fault.headers);
          }
        };
        if (fault && !fault.afterEffect && fault.kind !== 'delay') {
          failInstead();
          return;
        }
        if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms));
        // The route runs and changes the world; the client hears the fault instead (a lost answer).
        const sendOrFail = (result: RouteResult) => (fault?.afterEffect ? failInstead() : send(response, record, result));

        let methodMismatch = false;
        for (const route of options.routes) {
          const params = matchRoute(route.pattern, path);
          if (!params) continue;
          if (route.method !== method) {
            methodMismatch = true;
            continue;
          }
          if (route.auth && !isAuthorized(authorization, options.token)) {
            send(response, record, { status: 401, body: { message: '401: Unauthorized', code: 0 } });
            return;
          }
          const result = await route.handle({ method, params, query: url.searchParams, body: parsed.body, files: parsed.files });
          sendOrFail(result);
          return;
        }
        const notFound = methodMismatch
          ? { status: 405, body: { message: '405: Method Not Allowed', code: 0 } }
          : { status: 404, body: { message: '404: Not Found', code: 0 } };
        send(response, record, notFound);
      } catch (error) {
        if (error instanceof ApiFailure) {
          send(response, record, { status: error.status, body: error.body }, error.headers);
          return;
        }
        options.internalError(error);
        send(response, record, { status: 500, body: { message: '500: Internal Server Error', code: 0 } });
      }
    })();
  });
  server.keepAliveTimeout = 1_000;
  return { server, hung };
}

function isAuthorized(header: string | undefined, token: string | undefined): boolean {
  if (!header?.startsWith('Bot ')) return false;
  return token === undefined || header.slice(4) === token;
}
