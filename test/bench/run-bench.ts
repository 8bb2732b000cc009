// `npm run bench`: performance numbers, not a test. Prints a readable report, or with --json one object
// whose members are the parts below. Machines are shared and noisy: compare ratios, quote medians.
import { runSearchBench } from './search-bench.js';
import { runQuizBench } from './quiz-bench.js';
import { runQuizMaterialBench } from './quiz-material-bench.js';
import { runE2eBench } from './e2e-bench.js';

const json = process.argv.includes('--json');
const log = (text: string) => {
  if (!json) process.stdout.write(text + '\n');
};

const report: Record<string, unknown> = {};
report.search = await runSearchBench(log);
report.quiz = await runQuizBench(log);
report.quizMaterial = runQuizMaterialBench(log);
report.e2e = await runE2eBench(log);

if (json) process.stdout.write(JSON.stringify(report) + '\n');
