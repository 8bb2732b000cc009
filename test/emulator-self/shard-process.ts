// One shard of a bare discord.js bot as its own OS process, for the emulator's cross-process shard test:
// it answers every slash command with the shard it runs, and says "shard ready" once logged in.
import { Client, Events, GatewayIntentBits } from 'discord.js';

const apiUrl = process.env.EMULATOR_API_URL;
const shardId = Number(process.env.SHARD_ID);
const shardCount = Number(process.env.SHARD_COUNT);
if (!apiUrl || !Number.isInteger(shardId) || !Number.isInteger(shardCount)) {
  throw new Error('EMULATOR_API_URL, SHARD_ID and SHARD_COUNT are required');
}

const client = new Client({
  intents: [GatewayIntentBits.Guilds],
  rest: { api: apiUrl, timeout: 2_000, retries: 1 },
  waitGuildTimeout: 200,
  shards: [shardId],
  shardCount,
});
client.on(Events.InteractionCreate, (interaction) => {
  if (interaction.isChatInputCommand()) void interaction.reply(`pong from shard ${shardId} of process ${process.pid}`);
});
client.once(Events.ClientReady, () => process.stdout.write(`shard ready ${shardId}\n`));
process.once('SIGTERM', () => void client.destroy().then(() => process.exit(0)));
await client.login('emulated-bot-token');
