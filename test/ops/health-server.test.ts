// The health server on its own: a real HTTP server on 127.0.0.1 (free port), a real prom-client registry, and
// readiness checks the test controls.
import { Counter, Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { startHealthServer, type HealthServer, type ReadinessCheck } from '../../src/ops/health-server.js';

let server: HealthServer | undefined;

afterEach(async () => {
  await server?.stop();
  server = undefined;
});

function registryWithOneCounter(): Registry {
  const registry = new Registry();
  new Counter({ name: 'test_things_total', help: 'things', registers: [registry] }).inc(3);
  return registry;
}

async function start(readiness: ReadinessCheck[]): Promise<HealthServer> {
  server = await startHealthServer({ port: 0, host: '127.0.0.1', registry: registryWithOneCounter(), readiness });
  return server;
}

const passing = (name: string): ReadinessCheck => ({ name, check: () => Promise.resolve() });

describe('the health server', () => {
  it('answers /readyz 200 with every check named "ok" when all pass', async () => {
    const { url } = await start([passing('gateway'), passing('database')]);

    const response = await fetch(`${url}/readyz`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ready: true, checks: { gateway: 'ok', database: 'ok' } });
  });

  it('answers /readyz 503 naming the failing check and its reason, the others still "ok"', async () => {
    const { url } = await start([passing('gateway'), { name: 'database', check: () => Promise.reject(new Error('connection refused')) }]);

    const response = await fetch(`${url}/readyz`);

    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ ready: false, checks: { gateway: 'ok', database: 'connection refused' } });
  });

  it('counts a check that throws before returning a promise as failed, not as a broken request', async () => {
    const { url } = await start([
      {
        name: 'database',
        check: () => {
          throw new Error('The database connection is not open');
        },
      },
    ]);

    const response = await fetch(`${url}/readyz`);

    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ ready: false, checks: { database: 'The database connection is not open' } });
  });

  it('answers /readyz 503 once a check that never settles reaches its timeout', async () => {
    const { url } = await start([passing('gateway'), { name: 'database', check: () => new Promise<void>(() => {}), timeoutMs: 100 }]);

    const response = await fetch(`${url}/readyz`);

    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ ready: false, checks: { gateway: 'ok', database: 'no answer within 100 ms' } });
  });

  it('cuts a long failure reason short', async () => {
    const { url } = await start([{ name: 'database', check: () => Promise.reject(new Error('x'.repeat(5_000))) }]);

    const body = (await (await fetch(`${url}/readyz`)).json()) as { checks: { database: string } };

    expect(body.checks.database.length).toBeLessThanOrEqual(200);
    expect(body.checks.database.endsWith('…')).toBe(true);
  });

  it('answers /healthz 200 whatever the readiness checks say', async () => {
    const { url } = await start([{ name: 'database', check: () => Promise.reject(new Error('down')) }]);

    const response = await fetch(`${url}/healthz`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ alive: true });
  });

  it('serves the registry as Prometheus text on /metrics, and ignores a query string', async () => {
    const { url } = await start([]);

    const response = await fetch(`${url}/metrics?name[]=x`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    expect(await response.text()).toContain('test_things_total 3');
  });

  it('answers HEAD with the headers and no body', async () => {
    const { url } = await start([]);

    const response = await fetch(`${url}/metrics`, { method: 'HEAD' });

    expect(response.status).toBe(200);
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(0);
    expect(await response.text()).toBe('');
  });

  it('refuses other methods with 405 and an Allow header, and unknown paths with 404', async () => {
    const { url } = await start([passing('gateway')]);

    const posted = await fetch(`${url}/readyz`, { method: 'POST' });
    const unknown = await fetch(`${url}/status`);

    expect(posted.status).toBe(405);
    expect(posted.headers.get('allow')).toBe('GET, HEAD');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: 'not found', paths: ['/healthz', '/readyz', '/metrics'] });
  });

  it('reports the port it bound when asked for port 0, and stops listening when stopped, even with a keep-alive connection open', async () => {
    const started = await start([]);
    await fetch(`${started.url}/healthz`, { keepalive: true });

    await started.stop();

    expect(started.port).toBeGreaterThan(0);
    expect(started.url).toBe(`http://127.0.0.1:${started.port}`);
    await expect(fetch(`${started.url}/healthz`)).rejects.toThrow();
  });

  it('refuses to start on a port another server holds, naming the cause', async () => {
    const first = await start([]);

    await expect(startHealthServer({ port: first.port, host: '127.0.0.1', registry: new Registry(), readiness: [] })).rejects.toThrow(/EADDRINUSE/);
  });
});
