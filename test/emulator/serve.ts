// The emulator on its own, for trying the bot by hand without Discord: `node --import tsx test/emulator/serve.ts
// --shards 4 [--guilds 6] [--log]`. Prints DISCORD_API_URL and the guilds (each with #general and #quiz, spread over
// the shards), then a line whenever a shard's session connects or goes away and whenever the bot posts. Any token
// works. Ctrl-C stops it.
import { parseArgs } from 'node:util';
import { guildIdForShard, startDiscordEmulator } from './index.js';

const { values } = parseArgs({
  options: {
    shards: { type: 'string', default: '1' },
    guilds: { type: 'string' },
    log: { type: 'boolean', default: false },
  },
});

function wholeNumber(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number of at least 1, got "${text}"`);
  return value;
}

const shardCount = wholeNumber('shards', values.shards);
const guildCount = wholeNumber('guilds', values.guilds ?? String(shardCount));
const emulator = await startDiscordEmulator({
  shardCount,
  guildId: guildIdForShard(0, shardCount),
  interactionTimeoutMs: 3_000,
  ...(values.log ? { log: (line: string) => process.stderr.write(`${line}\n`) } : {}),
});

// The first guild is the emulator's own ("Study Group"); the others land on the shards in turn.
const guilds = [emulator.guilds[0]!];
for (let index = 1; index < guildCount; index++)
  guilds.push(emulator.addGuild(`Guild ${index + 1}`, { shardId: index % shardCount, members: ['Ann', 'Ben'] }));
const out = (line: string) => process.stdout.write(`${line}\n`);
out(`DISCORD_API_URL=${emulator.apiUrl}`);
out(`SHARD_COUNT=${shardCount}  (any DISCORD_TOKEN works)`);
for (const guild of guilds) {
  const quiz = guild.addChannel('quiz');
  out(`guild ${guild.id} "${guild.name}" shard ${emulator.shardOf(guild)}: #general ${guild.general.id}, #quiz ${quiz.id}`);
}

let connected = '';
const watch = setInterval(() => {
  const now = emulator.connectedShards().join(',');
  if (now !== connected) out(`${new Date().toISOString()} connected shards: [${now}]`);
  connected = now;
}, 250);

let seen = 0;
const posts = setInterval(() => {
  // A request still in flight (status 0) is looked at again on the next turn.
  for (const request of emulator.requests.slice(seen)) {
    if (request.status === 0) break;
    seen += 1;
    if (request.method === 'POST' && /^\/channels\/\d+\/messages$/.test(request.path) && request.status < 300) {
      out(`${new Date().toISOString()} the bot posted in ${request.path.split('/')[2]}`);
    }
    if (request.method === 'PUT' && request.path.endsWith('/commands')) out(`${new Date().toISOString()} commands registered: ${request.path}`);
  }
}, 250);

const stop = async () => {
  clearInterval(watch);
  clearInterval(posts);
  const counters = emulator.rateCounters();
  out(`stopping; global 429s: ${counters.globalLimitHits}, peak requests per second: ${counters.peakRequestsPerSecond}`);
  await emulator.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
