// `npm run bench`: performance numbers, not a test. Prints a readable report, or with --json one object
// whose members are the parts below. Machines are shared and noisy: compare ratios, quote medians.
// `--only learning,search` runs just the parts named.
import { runSearchBench } from './search-bench.js';
import { runQuizBench } from './quiz-bench.js';
import { runE2eBench } from './e2e-bench.js';
import { runLearningBench } from './learning-bench.js';

const json = process.argv.includes('--json');
const log = (text: string) => {
  if (!json) process.stdout.write(text + '\n');
};

const parts: Record<string, () => Promise<unknown>> = {
  search: () => runSearchBench(log),
  quiz: () => runQuizBench(log),
  e2e: () => runE2eBench(log),
  learning: () => runLearningBench(log),
};

const onlyAt = process.argv.indexOf('--only');
const only = onlyAt === -1 ? null : (process.argv[onlyAt + 1] ?? '').split(',').filter(Boolean);
const unknown = (only ?? []).filter((name) => !(name in parts));
if (only !== null && (only.length === 0 || unknown.length > 0)) {
  process.stderr.write(`--only needs part names among ${Object.keys(parts).join(', ')}${unknown.length > 0 ? `; unknown: ${unknown.join(', ')}` : ''}\n`);
  process.exit(2);
}

const report: Record<string, unknown> = {};
for (const [name, run] of Object.entries(parts)) {
  if (only === null || only.includes(name)) report[name] = await run();
}

if (json) process.stdout.write(JSON.stringify(report) + '\n');
