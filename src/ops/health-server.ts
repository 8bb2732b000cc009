import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

/**
 * One condition of readiness. `check` resolves when it holds and rejects (or hangs) when it does not; the
 * rejection's message, shortened, is what `/readyz` shows for it, so it must never carry a secret.
 */
export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
  /** How long the check may take before it counts as failed; default `defaultCheckTimeoutMs`. */
  timeoutMs?: number;
}

export interface HealthServerOptions {
  /** 0 picks a free port; `HealthServer.port` tells which. */
  port: number;
  host: string;
  registry: Registry;
  readiness: readonly ReadinessCheck[];
}

export interface HealthServer {
  /** The bound port (the chosen one when `port` was 0). */
  readonly port: number;
  /** `http://host:port`, for the log line and tests. */
  readonly url: string;
  /** Stop listening and drop open connections (a scraper's keep-alive must not hold the bot's shutdown). */
  stop(): Promise<void>;
}

export const defaultCheckTimeoutMs = 2_000;
/** A reason longer than this (a driver's whole error text) is cut: the body stays short for a probe's log. */
const maxReasonLength = 200;

type CheckResult = { name: string; ok: true } | { name: string; ok: false; reason: string };

function describeFailure(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > maxReasonLength ? `${text.slice(0, maxReasonLength - 1)}…` : text;
}

async function runCheck({ name, check, timeoutMs = defaultCheckTimeoutMs }: ReadinessCheck): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    // A check that throws synchronously is a failed check too, not a failed request.
    await Promise.race([Promise.resolve().then(check), timedOut]);
    return { name, ok: true };
  } catch (error) {
    return { name, ok: false, reason: describeFailure(error) };
  } finally {
    clearTimeout(timer);
  }
}

function sendJson(response: http.ServerResponse, status: number, body: unknown, head: boolean): void {
  const text = `${JSON.stringify(body)}\n`;
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  response.end(head ? undefined : text);
}

/**
 * `/readyz`: every check at once, each within its timeout. 200 `{ ready: true, checks: { name: "ok" } }` when all
 * pass, else 503 with the failing ones' reasons in place of "ok".
 */
async function answerReadiness(checks: readonly ReadinessCheck[], response: http.ServerResponse, head: boolean): Promise<void> {
  const results = await Promise.all(checks.map(runCheck));
  const ready = results.every((result) => result.ok);
  const byName = Object.fromEntries(results.map((result) => [result.name, result.ok ? 'ok' : result.reason]));
  sendJson(response, ready ? 200 : 503, { ready, checks: byName }, head);
}

async function answerMetrics(registry: Registry, response: http.ServerResponse, head: boolean): Promise<void> {
  const text = await registry.metrics();
  response.writeHead(200, { 'Content-Type': registry.contentType, 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  response.end(head ? undefined : text);
}

async function route(options: HealthServerOptions, request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  // The path only: a probe's `?verbose` or a scraper's parameters change nothing.
  const path = new URL(request.url ?? '/', 'http://health.invalid').pathname;
  const handlers: Record<string, (head: boolean) => Promise<void> | void> = {
    // Answering at all proves the process is alive and its event loop turns; what it waits on is /readyz's business.
    '/healthz': (head) => sendJson(response, 200, { alive: true }, head),
    '/readyz': (head) => answerReadiness(options.readiness, response, head),
    '/metrics': (head) => answerMetrics(options.registry, response, head),
  };
  const handler = Object.hasOwn(handlers, path) ? handlers[path] : undefined;
  if (!handler) {
    sendJson(response, 404, { error: 'not found', paths: Object.keys(handlers) }, request.method === 'HEAD');
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    sendJson(response, 405, { error: 'method not allowed' }, false);
    return;
  }
  await handler(request.method === 'HEAD');
}

/** Serve `/metrics` (Prometheus text), `/healthz` and `/readyz` on `host:port`; resolves once listening. */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const server = http.createServer((request, response) => {
    route(options, request, response).catch((error: unknown) => {
      // Only a bug gets here (checks are caught one by one); answer rather than leave the probe hanging.
      if (!response.headersSent) sendJson(response, 500, { error: describeFailure(error) }, request.method === 'HEAD');
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  let stopping: Promise<void> | undefined;
  return {
    port,
    url: `http://${urlHost}:${port}`,
    stop: () =>
      (stopping ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })),
  };
}
