import { once } from 'node:events';
import { crc32, deflateSync } from 'node:zlib';
import { ApplicationCommandOptionType, Client, Events, GatewayIntentBits } from 'discord.js';
import type { ApplicationCommandDataResolvable, Interaction } from 'discord.js';
import { startDiscordEmulator, type DiscordEmulator } from '../emulator/index.js';

export interface ConnectOptions {
  restTimeoutMs?: number;
  retries?: number;
  identifyWithoutDelay?: boolean;
  /** Default: Guilds only. */
  intents?: GatewayIntentBits[];
  /** The shards this client runs, of `shardCount` in all (discord.js' own options); default shard 0 of 1. */
  shards?: number[];
  shardCount?: number;
}

/** A bare discord.js client (not the bot) logged in to the emulator, with small REST limits for fast faults. */
export async function connectClient(emulator: DiscordEmulator, options: ConnectOptions = {}): Promise<Client> {
  const client = new Client({
    intents: options.intents ?? [GatewayIntentBits.Guilds],
    rest: { api: emulator.apiUrl, timeout: options.restTimeoutMs ?? 2_000, retries: options.retries ?? 1 },
    waitGuildTimeout: 200,
    ...(options.shards ? { shards: options.shards } : {}),
    ...(options.shardCount ? { shardCount: options.shardCount } : {}),
    // discord.js spaces identifies 5 s apart, as Discord demands; the emulator does not, and tests need not wait.
    ...(options.identifyWithoutDelay ? { ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) } } : {}),
  });
  const ready = once(client, Events.ClientReady);
  try {
    await client.login('emulated-bot-token');
    await ready;
  } catch (error) {
    // A refused login (4004, 4010, 4011) leaves the client's REST and timers behind otherwise.
    await client.destroy();
    throw error;
  }
  return client;
}

export interface EmulatorSession {
  emulator: DiscordEmulator;
  client: Client;
}

/**
 * A fresh emulator with a bare client logged in, and `commands` registered when given: what a describe block
 * of emulator tests shares. Nothing is left open when a step fails.
 */
export async function startEmulatorSession(
  options: ConnectOptions & { commands?: ApplicationCommandDataResolvable[] } = {},
): Promise<EmulatorSession> {
  const emulator = await startDiscordEmulator();
  let client: Client | undefined;
  try {
    client = await connectClient(emulator, options);
    if (options.commands) await client.application!.commands.set(options.commands);
    return { emulator, client };
  } catch (error) {
    await client?.destroy();
    await emulator.close();
    throw error;
  }
}

/** The client first, so the emulator sees an orderly disconnect rather than a server going away. */
export async function stopEmulatorSession({ emulator, client }: EmulatorSession): Promise<void> {
  await client.destroy();
  await emulator.close();
}

/** Runs `act` on the next interaction the client receives; settles with what `act` did. */
export function nextInteraction<T>(client: Client, act: (interaction: Interaction) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    client.once(Events.InteractionCreate, (interaction) => {
      act(interaction).then(resolve, reject);
    });
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Commands shaped like the bot's, to drive slash/autocomplete/click through the emulator. */
export const sampleCommands: ApplicationCommandDataResolvable[] = [
  { name: 'ping', description: 'Answers pong' },
  {
    name: 'explain',
    description: 'Explain a concept from the notes',
    nameLocalizations: { ko: '설명' },
    descriptionLocalizations: { ko: '노트에서 개념을 설명합니다' },
    options: [{ name: 'concept', description: 'Concept name', type: ApplicationCommandOptionType.String, required: true, autocomplete: true }],
  },
  {
    name: 'profile',
    description: 'Show a member',
    options: [{ name: 'member', description: 'Who', type: ApplicationCommandOptionType.User, required: true }],
  },
  {
    name: 'quiz-admin',
    description: 'Manage quizzes',
    defaultMemberPermissions: '32',
    options: [
      {
        name: 'schedule',
        description: 'Schedule a channel',
        type: ApplicationCommandOptionType.Subcommand,
        options: [
          { name: 'channel', description: 'Where', type: ApplicationCommandOptionType.Channel, required: true },
          { name: 'cron', description: 'When', type: ApplicationCommandOptionType.String },
          { name: 'count', description: 'How many', type: ApplicationCommandOptionType.Integer, minValue: 1, maxValue: 10 },
        ],
      },
      { name: 'reveal', description: 'Reveal now', type: ApplicationCommandOptionType.Subcommand },
    ],
  },
];

/** A real PNG of `width` × `height` grey pixels: what a chart renderer would upload. */
export function makePng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const checksum = Buffer.alloc(4);
    checksum.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, checksum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(0, 9); // greyscale
  // Each row: filter byte 0, then one byte per pixel.
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let row = 0; row < height; row += 1) rows[row * (width + 1)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
