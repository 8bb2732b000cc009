// `npm run bench`: performance numbers, not a test. Prints a readable report, or with --json one object
// whose members are the parts below. Machines are shared and noisy: compare ratios, quote medians.
import { runSearchBench } from './search-bench.js';
import { runQuizBench } from './quiz-bench.js';
import { runE2eBench } from './e2e-bench.js';
import { runStartupBench } from './startup-bench.js';

const json = process.argv.includes('--json');
const log = (text: string) => {
  if (!json) process.stdout.write(text + '\n');
};

// `--only startup` (or search, quiz, e2e) runs one part.
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const parts: Record<string, (log: (line: string) => void) => Promise<unknown>> = {
  search: runSearchBench,
  quiz: runQuizBench,
  e2e: runE2eBench,
  startup: runStartupBench,
};
if (only !== undefined && !(only in parts)) throw new Error(`--only: no bench part "${only}" (parts: ${Object.keys(parts).join(', ')})`);

const report: Record<string, unknown> = {};
for (const [name, run] of Object.entries(parts)) if (only === undefined || only === name) report[name] = await run(log);

if (json) process.stdout.write(JSON.stringify(report) + '\n');
