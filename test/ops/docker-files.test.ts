// The Dockerfile and docker-compose.yml are read like code: no Docker engine runs in CI, so what can be checked
// without one is checked here. The compose file parses as YAML without a warning, the bot waits for a healthy
// PostgreSQL it reaches by its service name, and the metrics port is the same everywhere it is named.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const read = (file: string) => fs.readFileSync(`${repoRoot}/${file}`, 'utf8');

interface ComposeService {
  image?: string;
  build?: unknown;
  restart?: string;
  env_file?: string | string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition?: string }>;
  healthcheck?: { test?: string[] };
  ports?: string[];
  volumes?: string[];
}

interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

function readCompose(): ComposeFile {
  const document = parseDocument(read('docker-compose.yml'), { prettyErrors: true, uniqueKeys: true });
  expect(document.errors).toEqual([]);
  expect(document.warnings).toEqual([]);
  return document.toJS() as ComposeFile;
}

function service(compose: ComposeFile, name: string): ComposeService {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
}

/** Dockerfile instructions of the runtime stage, continuation lines joined. */
function runtimeInstructions(): string[] {
  const text = read('Dockerfile').replace(/\\\n\s*/g, ' ');
  const runtime = text.slice(text.indexOf('AS runtime'));
  return runtime.split('\n').filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
}

describe('docker-compose.yml', () => {
  it('starts the bot only once PostgreSQL answers pg_isready, from a named volume, both restarting', () => {
    const compose = readCompose();
    const postgres = service(compose, 'postgres');
    const bot = service(compose, 'bot');

    expect(postgres.image).toMatch(/^postgres:1[56]$/);
    expect(postgres.healthcheck?.test).toContain('pg_isready');
    expect(bot.depends_on?.postgres?.condition).toBe('service_healthy');
    const volumeName = postgres.volumes?.[0]?.split(':')[0] ?? '';
    expect(Object.keys(compose.volumes ?? {})).toContain(volumeName);
    expect(postgres.restart).toBe('unless-stopped');
    expect(bot.restart).toBe('unless-stopped');
    expect(bot.env_file).toBe('.env');
  });

  it('points DATABASE_URL at the postgres service with its user and database, the password taken from .env', () => {
    const compose = readCompose();
    const postgres = service(compose, 'postgres');
    const databaseUrl = new URL((service(compose, 'bot').environment?.DATABASE_URL ?? '').replace(/\$\{[^}]*\}/, 'secret'));

    expect(databaseUrl.protocol).toBe('postgres:');
    expect(databaseUrl.host).toBe('postgres:5432');
    expect(databaseUrl.username).toBe(postgres.environment?.POSTGRES_USER);
    expect(databaseUrl.pathname).toBe(`/${postgres.environment?.POSTGRES_DB}`);
    expect(service(compose, 'bot').environment?.DATABASE_URL).toContain('${POSTGRES_PASSWORD');
    expect(postgres.environment?.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
  });

  it('publishes the metrics port the image serves and exposes, on loopback only', () => {
    const instructions = runtimeInstructions();
    const imagePort = /METRICS_PORT=(\d+)/.exec(instructions.find((line) => line.startsWith('ENV ')) ?? '')?.[1];
    const exposed = instructions.find((line) => line.startsWith('EXPOSE '))?.split(/\s+/)[1];
    const bot = service(readCompose(), 'bot');

    expect(imagePort).toBe('9464');
    expect(exposed).toBe(imagePort);
    expect(bot.environment?.METRICS_PORT).toBe(imagePort);
    expect(bot.ports).toEqual([`127.0.0.1:${imagePort}:${imagePort}`]);
  });
});

describe('the Dockerfile', () => {
  it('checks health with the compiled probe script, which the build emits from src/', () => {
    const healthcheck = runtimeInstructions().find((line) => line.startsWith('HEALTHCHECK '));

    expect(healthcheck).toContain('CMD ["node", "dist/src/health-check.js"]');
    expect(fs.existsSync(`${repoRoot}/src/health-check.ts`)).toBe(true);
    expect(read('tsconfig.build.json')).toContain('"src"');
  });
});
