export interface ProbeResult {
  healthy: boolean;
  /** One line for `docker inspect`'s health log. */
  detail: string;
}

/** A probe slower than this is a failed one: an event loop that busy cannot answer members either. */
export const probeTimeoutMs = 3_000;

/**
 * Where the bot's own server is reached from inside its container: `METRICS_HOST` as set, except that an
 * "every interface" address is asked on loopback.
 */
function probeHost(metricsHost: string | undefined): string {
  const host = metricsHost?.trim() ?? '';
  if (host === '' || host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Ask the bot's `/healthz` (Docker's HEALTHCHECK: node:22-slim has no curl). Without `METRICS_PORT` the bot
 * serves nothing to ask, so the container is judged by its process alone: healthy.
 */
export async function probeHealth(environment: NodeJS.ProcessEnv, timeoutMs = probeTimeoutMs): Promise<ProbeResult> {
  const port = environment.METRICS_PORT?.trim() ?? '';
  if (port === '') return { healthy: true, detail: 'METRICS_PORT is not set: nothing to probe' };
  const url = `http://${probeHost(environment.METRICS_HOST)}:${port}/healthz`;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return { healthy: response.ok, detail: `${url}: ${response.status}` };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
    return { healthy: false, detail: `${url}: ${cause ?? (error instanceof Error ? error.message : String(error))}` };
  }
}
