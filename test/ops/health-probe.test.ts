// The Docker HEALTHCHECK probe against real servers on 127.0.0.1: the bot's health server, a port nobody holds,
// and a server that never answers; and `src/health-check.ts` as its own process for the exit codes Docker reads.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { startHealthServer, type HealthServer } from '../../src/ops/health-server.js';
import { probeHealth } from '../../src/ops/health-probe.js';
import { startScript } from '../e2e/script-process.js';

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function startBotServer(): Promise<HealthServer> {
  const server = await startHealthServer({ port: 0, host: '127.0.0.1', registry: new Registry(), readiness: [] });
  cleanups.push(() => server.stop());
  return server;
}

/** A raw server whose handler `respond` decides (or never decides) the answer. */
async function startRawServer(respond: (response: http.ServerResponse) => void): Promise<number> {
  const server = http.createServer((_request, response) => respond(response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return (server.address() as AddressInfo).port;
}

/** A port that was free a moment ago and that nothing listens on now. */
async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('the Docker health probe', () => {
  it("is healthy when the bot's /healthz answers 200, asking on loopback when METRICS_HOST is every interface", async () => {
    const server = await startBotServer();

    const result = await probeHealth({ METRICS_PORT: String(server.port), METRICS_HOST: '0.0.0.0' });

    expect(result).toEqual({ healthy: true, detail: `http://127.0.0.1:${server.port}/healthz: 200` });
  });

  it('is healthy without METRICS_PORT: the bot serves nothing to ask', async () => {
    expect(await probeHealth({ METRICS_PORT: '  ' })).toEqual({ healthy: true, detail: 'METRICS_PORT is not set: nothing to probe' });
    expect((await probeHealth({})).healthy).toBe(true);
  });

  it('is unhealthy when nothing listens on the port, naming the cause', async () => {
    const port = await freePort();

    const result = await probeHealth({ METRICS_PORT: String(port) });

    expect(result.healthy).toBe(false);
    expect(result.detail).toContain('ECONNREFUSED');
  });

  it('is unhealthy when the answer is not 200', async () => {
    const port = await startRawServer((response) => response.writeHead(500).end());

    expect(await probeHealth({ METRICS_PORT: String(port) })).toEqual({ healthy: false, detail: `http://127.0.0.1:${port}/healthz: 500` });
  });

  it('is unhealthy when no answer comes within its timeout', async () => {
    const port = await startRawServer(() => {});

    const result = await probeHealth({ METRICS_PORT: String(port) }, 100);

    expect(result.healthy).toBe(false);
  });

  it('as a process, exits 0 against a live server and 1 against a port nobody holds', async () => {
    const server = await startBotServer();
    const nobody = await freePort();

    const [live, dead] = await Promise.all([
      startScript('src/health-check.ts', { METRICS_PORT: String(server.port) }).exited,
      startScript('src/health-check.ts', { METRICS_PORT: String(nobody) }).exited,
    ]);

    expect(live).toBe(0);
    expect(dead).toBe(1);
  });
});
