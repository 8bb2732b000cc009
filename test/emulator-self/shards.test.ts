import { once } from 'node:events';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  Events,
  GatewayDispatchEvents,
  GatewayIntentBits,
  InteractionResponseType,
} from 'discord.js';
import type { GatewayDispatchPayload, Guild, Interaction } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { guildIdForShard, shardOfGuild, startDiscordEmulator } from '../emulator/index.js';
import type { DiscordEmulator, EmulatedMember, GuildHandle } from '../emulator/index.js';
import { startScript, waitForOutput } from '../e2e/script-process.js';
import { connectClient, nextInteraction, sampleCommands } from './client-harness.js';

/** Two shards: "Study Group" on shard 0, "Night Owls" (with Eve) on shard 1. */
async function startTwoShards(): Promise<{ emulator: DiscordEmulator; nightOwls: GuildHandle }> {
  const emulator = await startDiscordEmulator({ shardCount: 2, guildId: guildIdForShard(0, 2) });
  const nightOwls = emulator.addGuild('Night Owls', { shardId: 1, members: ['Eve'] });
  return { emulator, nightOwls };
}

/** Every dispatch a client hears, with the shard it came in on. */
function recordDispatches(client: Client): { event: string; shardId: number; data: unknown }[] {
  const heard: { event: string; shardId: number; data: unknown }[] = [];
  client.on(Events.Raw, (packet: GatewayDispatchPayload, shardId: number) => {
    if (packet.t) heard.push({ event: packet.t, shardId, data: packet.d });
  });
  return heard;
}

const replyPong = (client: Client) =>
  nextInteraction(client, async (interaction) => {
    if (!interaction.isChatInputCommand()) throw new Error('expected a slash command');
    await interaction.reply('pong');
    return interaction.guild?.shardId;
  });

describe('guild ids and shards', () => {
  it('guildIdForShard gives distinct snowflakes that land on the asked shard for every count', () => {
    const ids: string[] = [];
    for (let count = 1; count <= 5; count += 1) {
      for (let shardId = 0; shardId < count; shardId += 1) {
        const id = guildIdForShard(shardId, count);
        expect(id).toMatch(/^\d{17,20}$/);
        expect(shardOfGuild(id, count)).toBe(shardId);
        ids.push(id);
      }
    }

    expect(new Set(ids).size).toBe(ids.length);
    expect(() => guildIdForShard(2, 2)).toThrow(/not one of 0\.\.1/);
    expect(() => guildIdForShard(0, 0)).toThrow(/shardCount/);
  });

  it('addGuild takes a chosen snowflake, refuses a malformed or repeated one, and keeps the first guild as emulator.guild', async () => {
    const emulator = await startDiscordEmulator();
    try {
      const chosen = guildIdForShard(0, 1);
      const second = emulator.addGuild('Second', { id: chosen, members: ['Eve', 'Frank'], locale: 'ko' });

      expect(second.id).toBe(chosen);
      expect(emulator.guilds.map((guild) => guild.name)).toEqual(['Study Group', 'Second']);
      expect(emulator.guild.id).toBe(emulator.guilds[0]?.id);
      expect(second.members.map((member) => member.name)).toEqual(['eve', 'frank']);
      expect(second.member('Eve').guildId).toBe(chosen);
      expect(second.general.guildId).toBe(chosen);
      expect(() => emulator.addGuild('Bad', { id: '42' })).toThrow(/not a snowflake/);
      expect(() => emulator.addGuild('Again', { id: chosen })).toThrow(/already a guild/);
      expect(() => emulator.member('eve')).toThrow(/no member "eve" in Study Group/);
    } finally {
      await emulator.close();
    }
  });
});

describe('a bot sharded over two gateway connections', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const start = async () => {
    const started = await startTwoShards();
    cleanups.push(() => started.emulator.close());
    return started;
  };
  const connect = async (emulator: DiscordEmulator, options: Parameters<typeof connectClient>[1]) => {
    const client = await connectClient(emulator, options);
    cleanups.push(() => client.destroy());
    return client;
  };

  it('GET /gateway/bot tells the bot to run two shards, identifying both at once', async () => {
    const { emulator } = await start();

    const answer = await fetch(`${emulator.apiUrl}/v10/gateway/bot`, { headers: { Authorization: 'Bot emulated-bot-token' } });

    expect(await answer.json()).toMatchObject({ shards: 2, session_start_limit: { max_concurrency: 2 } });
  });

  it('a client running both shards gets each guild on its own shard: one READY and one GUILD_CREATE per shard', async () => {
    const { emulator, nightOwls } = await start();

    const client = await connect(emulator, { shards: [0, 1], shardCount: 2 });

    expect(client.guilds.cache.get(emulator.guild.id)?.shardId).toBe(0);
    expect(client.guilds.cache.get(nightOwls.id)?.shardId).toBe(1);
    expect(emulator.connectedShards()).toEqual([0, 1]);
    expect(
      emulator
        .gatewaySessions()
        .map((session) => session.shard)
        .sort(),
    ).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const [zero, one] = emulator.shards();
    expect(zero?.dispatchesByEvent).toEqual({ READY: 1, GUILD_CREATE: 1 });
    expect(one?.dispatchesByEvent).toEqual({ READY: 1, GUILD_CREATE: 1 });
  });

  it('each READY lists only the guilds of its shard', async () => {
    const { emulator, nightOwls } = await start();
    const readies = new Map<number, string[]>();
    const client = new Client({
      intents: [GatewayIntentBits.Guilds],
      rest: { api: emulator.apiUrl, timeout: 2_000, retries: 1 },
      waitGuildTimeout: 200,
      shards: [0, 1],
      shardCount: 2,
    });
    cleanups.push(() => client.destroy());
    client.on(Events.Raw, (packet: GatewayDispatchPayload, shardId: number) => {
      if (packet.t === GatewayDispatchEvents.Ready)
        readies.set(
          shardId,
          packet.d.guilds.map((guild) => guild.id),
        );
    });
    const ready = once(client, Events.ClientReady);

    await client.login('emulated-bot-token');
    await ready;

    expect(Object.fromEntries(readies)).toEqual({ 0: [emulator.guild.id], 1: [nightOwls.id] });
  });

  it('an interaction reaches only the shard that owns its guild, and is answered there', async () => {
    const { emulator, nightOwls } = await start();
    const client = await connect(emulator, { shards: [0, 1], shardCount: 2 });
    await client.application!.commands.set(sampleCommands);
    const heard = recordDispatches(client);

    const replied = replyPong(client);
    const handle = emulator.slash('ping', {}, nightOwls.member('eve'));

    expect(await handle.response()).toMatchObject({ data: { content: 'pong' } });
    expect(await replied).toBe(1);
    expect(heard.filter((dispatch) => dispatch.event === 'INTERACTION_CREATE').map((dispatch) => dispatch.shardId)).toEqual([1]);
    expect(emulator.shards().map((shard) => shard.dispatchesByEvent.INTERACTION_CREATE ?? 0)).toEqual([0, 1]);
  });

  it('two clients, each running one shard of two, each hear only their own guild', async () => {
    const { emulator, nightOwls } = await start();
    const first = await connect(emulator, { shards: [0], shardCount: 2 });
    const second = await connect(emulator, { shards: [1], shardCount: 2 });
    await second.application!.commands.set(sampleCommands);
    const heardByFirst = recordDispatches(first);
    const heardBySecond = recordDispatches(second);

    const replied = replyPong(second);
    const handle = emulator.slash('ping', {}, nightOwls.member('eve'));
    await handle.response();
    const owlsChannelCreated = once(second, Events.ChannelCreate);
    const scratch = nightOwls.addChannel('scratch');
    await owlsChannelCreated;
    const owlsChannelDeleted = once(second, Events.ChannelDelete);
    emulator.deleteChannel(scratch);
    await owlsChannelDeleted;
    const studyChannelCreated = once(first, Events.ChannelCreate);
    emulator.addChannel('notes');
    await studyChannelCreated;

    expect(await replied).toBe(1);
    expect([...first.guilds.cache.keys()]).toEqual([emulator.guild.id]);
    expect([...second.guilds.cache.keys()]).toEqual([nightOwls.id]);
    expect(heardBySecond.map((dispatch) => dispatch.event)).toEqual(['INTERACTION_CREATE', 'CHANNEL_CREATE', 'CHANNEL_DELETE']);
    expect(heardByFirst.map((dispatch) => dispatch.event)).toEqual(['CHANNEL_CREATE']);
  });

  it('a shard id outside the count, another shard count, or no sharding at all is refused, and login rejects', async () => {
    const { emulator } = await start();

    await expect(connectClient(emulator, { shards: [2], shardCount: 2 })).rejects.toThrow('Invalid shard');
    await expect(connectClient(emulator, { shards: [0], shardCount: 3 })).rejects.toThrow('Invalid shard');
    await expect(connectClient(emulator)).rejects.toThrow('Sharding is required');

    const refusals = emulator.gatewayLog.filter((entry) => entry.kind === 'close').map((entry) => [entry.code, entry.shardId]);
    expect(refusals).toEqual([
      [4010, 2],
      [4010, 0],
      [4011, 0],
    ]);
    expect(emulator.gatewaySessions()).toEqual([]);
  });

  it('a shard that is already connected is refused, the running one keeps serving, and a new client takes it once it left', async () => {
    const { emulator } = await start();
    const running = await connectClient(emulator, { shards: [0], shardCount: 2 });
    cleanups.push(() => running.destroy());
    await running.application!.commands.set(sampleCommands);

    await expect(connectClient(emulator, { shards: [0], shardCount: 2 })).rejects.toThrow('Invalid shard');
    const replied = replyPong(running);
    expect(await emulator.slash('ping', {}, emulator.members[0]!).response()).toMatchObject({ data: { content: 'pong' } });
    await replied;
    await running.destroy();
    const successor = await connect(emulator, { shards: [0], shardCount: 2 });

    expect(successor.guilds.cache.has(emulator.guild.id)).toBe(true);
    expect(emulator.gatewaySessions().map((session) => session.shard)).toEqual([[0, 2]]);
  });

  it('DMs are heard on shard 0, even the one shard 1 sent, and a click in the DM goes to shard 0', async () => {
    const { emulator, nightOwls } = await start();
    const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages];
    const zero = await connect(emulator, { shards: [0], shardCount: 2, intents });
    const one = await connect(emulator, { shards: [1], shardCount: 2, intents });
    const heardByZero = recordDispatches(zero);
    const heardByOne = recordDispatches(one);
    const eve = nightOwls.member('eve');
    const clickedOn = (client: Client) =>
      new Promise<Interaction>((resolve) => {
        client.on(Events.InteractionCreate, resolve);
      });
    const clickOnZero = clickedOn(zero);
    let clickOnOne: Interaction | undefined;
    void clickedOn(one).then((interaction) => (clickOnOne = interaction));

    const button = new ButtonBuilder().setCustomId('review:next').setLabel('Next').setStyle(ButtonStyle.Primary);
    const sent = await one.users.send(eve.id, {
      content: 'Your reviews are due',
      components: [new ActionRowBuilder<ButtonBuilder>().addComponents(button)],
    });
    const handle = emulator.click(sent.id, 'review:next', eve);
    const interaction = await clickOnZero;
    if (!interaction.isButton()) throw new Error('expected a button');
    await interaction.reply({ content: 'Next card', flags: 64 });

    expect((await handle.response()).type).toBe(4);
    expect(heardByZero.map((dispatch) => dispatch.event)).toEqual(['MESSAGE_CREATE', 'INTERACTION_CREATE']);
    expect(heardByOne).toEqual([]);
    expect(clickOnOne).toBeUndefined();
    expect(emulator.shards()[1]?.dispatchesByEvent).toEqual({ READY: 1, GUILD_CREATE: 1 });
  });

  it("when one shard's connection drops, only that shard resumes, and what its guild did meanwhile is replayed", async () => {
    const { emulator, nightOwls } = await start();
    const client = await connect(emulator, { shards: [0, 1], shardCount: 2 });
    await client.application!.commands.set(sampleCommands);
    const sessionsBefore = emulator.gatewaySessions();
    const resumed = once(client, Events.ShardResume);

    emulator.closeShard(1, 4000, 'Unknown error');
    const replied = replyPong(client);
    const handle = emulator.slash('ping', {}, nightOwls.member('eve'));

    expect(await handle.response()).toMatchObject({ data: { content: 'pong' } });
    expect(await replied).toBe(1);
    expect((await resumed)[0]).toBe(1);
    expect(emulator.gatewayLog.filter((entry) => entry.kind === 'resume')).toHaveLength(1);
    expect(emulator.gatewayLog.filter((entry) => entry.kind === 'identify')).toHaveLength(2);
    expect(emulator.gatewaySessions().map((session) => session.id)).toEqual(sessionsBefore.map((session) => session.id));
    expect(emulator.shards()[1]?.dispatchesByEvent.RESUMED).toBe(1);
    expect(emulator.shards()[0]?.dispatchesByEvent.RESUMED).toBeUndefined();
  });

  it('a guild added while the bot runs arrives as GUILD_CREATE on its own shard', async () => {
    const { emulator } = await start();
    const client = await connect(emulator, { shards: [0, 1], shardCount: 2 });
    const joined = once(client, Events.GuildCreate) as Promise<[Guild]>;

    const late = emulator.addGuild('Late Joiners', { shardId: 1 });
    const [guild] = await joined;

    expect(guild.id).toBe(late.id);
    expect(guild.shardId).toBe(1);
    expect(emulator.shardOf(late)).toBe(1);
    expect(emulator.shards().map((shard) => shard.dispatchesByEvent.GUILD_CREATE)).toEqual([1, 2]);
  });

  it('an interaction in a guild whose shard nobody runs throws at once', async () => {
    const { emulator, nightOwls } = await start();
    const client = await connect(emulator, { shards: [0], shardCount: 2 });
    await client.application!.commands.set(sampleCommands);

    expect(() => emulator.slash('ping', {}, nightOwls.member('eve'))).toThrow(/no bot is connected to the gateway on shard 1/);
  });
});

describe('a shard in another OS process', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('serves its guild beside a shard in this process; once killed, a new process takes the shard while the other runs on', async () => {
    const { emulator, nightOwls } = await startTwoShards();
    cleanups.push(() => emulator.close());
    const zero = await connectClient(emulator, { shards: [0], shardCount: 2 });
    cleanups.push(() => zero.destroy());
    await zero.application!.commands.set(sampleCommands);
    zero.on(Events.InteractionCreate, (interaction) => {
      if (interaction.isChatInputCommand()) void interaction.reply('pong from shard 0 in the test process');
    });
    const startShardOne = async () => {
      const started = startScript('test/emulator-self/shard-process.ts', { EMULATOR_API_URL: emulator.apiUrl, SHARD_ID: '1', SHARD_COUNT: '2' });
      cleanups.push(async () => {
        if (started.child.exitCode === null && started.child.signalCode === null) {
          started.child.kill('SIGKILL');
          await started.exited;
        }
      });
      await waitForOutput(started, 'shard ready 1', 25_000);
      return started;
    };
    const answerIn = async (member: EmulatedMember) => {
      const response = await emulator.slash('ping', {}, member).response();
      return response.type === InteractionResponseType.ChannelMessageWithSource ? response.data.content : undefined;
    };
    const first = await startShardOne();

    expect(emulator.connectedShards()).toEqual([0, 1]);
    expect(await answerIn(nightOwls.member('eve'))).toBe(`pong from shard 1 of process ${first.child.pid}`);
    expect(await answerIn(emulator.members[0]!)).toBe('pong from shard 0 in the test process');

    // Killed: its socket drops without a close frame, its session stays resumable, yet the shard is free.
    first.child.kill('SIGKILL');
    await first.exited;
    await emulator.waitFor(() => emulator.connectedShards().length === 1, { description: 'shard 1 to drop' });
    expect(await answerIn(emulator.members[1]!)).toBe('pong from shard 0 in the test process');
    const successor = await startShardOne();

    expect(emulator.connectedShards()).toEqual([0, 1]);
    expect(await answerIn(nightOwls.member('eve'))).toBe(`pong from shard 1 of process ${successor.child.pid}`);
    // Each process loads discord.js through tsx: seconds on a busy machine.
  }, 60_000);
});
