// `npm run bench`: performance numbers, not a test. Prints a readable report, or with --json one object
// whose members are the parts below. Machines are shared and noisy: compare ratios, quote medians.
import { runSearchBench } from './search-bench.js';
import { runQuizBench } from './quiz-bench.js';
import { runQuizMaterialBench } from './quiz-material-bench.js';
import { runE2eBench } from './e2e-bench.js';
import { runStartupBench } from './startup-bench.js';
import { runLearningBench } from './learning-bench.js';
import { runShardsBench } from './shards-bench.js';
import { describeStoresSideBySide, runPostgresBench } from './postgres-bench.js';

// `npm run bench -- search quiz` runs only the parts named (search, quiz, quizMaterial, e2e, startup, learning, shards, postgres): tuning search
// ranking wants its numbers in seconds, not after the whole bench.
const json = process.argv.includes('--json');
const named = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const log = (text: string) => {
  if (!json) process.stdout.write(text + '\n');
};

const parts: Record<string, () => unknown> = {
  search: () => runSearchBench(log),
  quiz: () => runQuizBench(log),
  quizMaterial: () => runQuizMaterialBench(log),
  e2e: () => runE2eBench(log),
  startup: () => runStartupBench(log),
  learning: () => runLearningBench(log),
  shards: () => runShardsBench(log),
  postgres: () => runPostgresBench(log),
};
const unknown = named.filter((name) => !(name in parts));
if (unknown.length > 0) throw new Error(`unknown bench part: ${unknown.join(', ')} (parts: ${Object.keys(parts).join(', ')})`);

const report: Record<string, unknown> = {};
for (const [name, run] of Object.entries(parts)) if (named.length === 0 || named.includes(name)) report[name] = await run();

const sideBySide = describeStoresSideBySide(report.quiz, report.postgres);
if (sideBySide) log(sideBySide);

if (json) process.stdout.write(JSON.stringify(report) + '\n');
