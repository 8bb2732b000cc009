// The Docker image's HEALTHCHECK: exit 0 when the bot's /healthz answers 200 (or METRICS_PORT is unset), else 1.
import { probeHealth } from './ops/health-probe.js';

const result = await probeHealth(process.env);
process.stdout.write(`${result.detail}\n`);
process.exitCode = result.healthy ? 0 : 1;
