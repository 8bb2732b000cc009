// One start-up measured in a fresh process (run by startup-bench.ts): the notes in argv[2] are loaded and indexed
// as the bot does, then the real bot starts against the emulator. Prints one JSON line after each stage, so a
// stage that never ends still leaves the numbers before it.
import { performance } from 'node:perf_hooks';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { loadConfig } from '../../src/config.js';
import { startBot } from '../../src/discord/start-bot.js';
import { loadKnowledgeBase } from '../../src/kb/load-knowledge-base.js';
import { silentLogger } from '../../src/logger.js';
import { ConceptIndex } from '../../src/search/concept-index.js';
import { startDiscordEmulator } from '../emulator/index.js';
import { testClientOptions, testToken } from '../e2e/bot-harness.js';
import { commands } from '../../commands/index.js';

const [docsDir = '', maxFileMb = '2'] = process.argv.slice(2);
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;
const heapMB = () => {
  collectGarbage();
  return Math.round(process.memoryUsage().heapUsed / 1e5) / 10;
};
const result: Record<string, number | null> = { readyMs: null };
const print = () => process.stdout.write(`${JSON.stringify(result)}\n`);

const limits = { maxFileBytes: Number(maxFileMb) * 1024 * 1024, maxTotalBytes: 50 * 1024 * 1024 };
let started = performance.now();
const kb = await loadKnowledgeBase(docsDir, limits);
result.kbLoadMs = Math.round(performance.now() - started);
started = performance.now();
ConceptIndex.build(kb.concepts);
result.indexMs = Math.round(performance.now() - started);
result.concepts = kb.concepts.length;
result.problems = kb.problems.length;
print();

const emulator = await startDiscordEmulator();
const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'concept-bot-startup-bench-'));
try {
  const config = loadConfig({
    DISCORD_TOKEN: testToken,
    DISCORD_API_URL: emulator.apiUrl,
    DISCORD_GUILD_ID: emulator.guild.id,
    DOCS_DIR: docsDir,
    DOCS_MAX_FILE_MB: maxFileMb,
    DATABASE_PATH: path.join(directory, 'quiz.sqlite'),
    LOG_LEVEL: 'silent',
  });
  started = performance.now();
  const bot = await startBot(config, { logger: silentLogger, clientOptions: testClientOptions, commands });
  result.readyMs = Math.round(performance.now() - started);
  if (emulator.registeredCommands({ guildId: emulator.guild.id }).length === 0) throw new Error('ready without registered commands');
  result.heapMB = heapMB();
  print();
  await bot.stop();
} finally {
  await emulator.close();
  fs.rmSync(directory, { recursive: true, force: true });
}
