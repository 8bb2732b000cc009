// Two `npm start` processes sharing one bot: four shards split 0,1 and 2,3, one PostgreSQL database, six guilds.
// Each guild's slot is posted once, by the process that owns the guild; clicks anywhere are counted; a process
// SIGKILLed in the middle of a burst of clicks loses none it acknowledged, and once back closes its questions.
import { randomBytes } from 'node:crypto';
import { type APIMessage, InteractionResponseType } from 'discord-api-types/v10';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres/open-postgres-store.js';
import type { PostgresQuizStore } from '../../src/store/postgres/postgres-quiz-store.js';
import {
  type DiscordEmulator,
  type EmulatedChannel,
  type EmulatedMember,
  type GuildHandle,
  type InteractionHandle,
  guildIdForShard,
  startDiscordEmulator,
} from '../emulator/index.js';
import { teamNoteDir } from '../fixture-dirs.js';
import { answerButtonId, answerButtons, embedField, isQuestionPost, questionIdOf, testToken } from './bot-harness.js';
import { type ScriptProcess, startScript, waitForOutput } from './script-process.js';

const databaseUrl = process.env.TEST_DATABASE_URL;
const shardCount = 4;
/** Shards of the six guilds: three guilds per process. */
const guildShards = [0, 1, 2, 3, 0, 2];
const memberNames = ['Ann', 'Ben', 'Cal', 'Dee', 'Eli', 'Fay', 'Gus', 'Hal', 'Ivy', 'Jo'];

interface QuizGuild {
  guild: GuildHandle;
  shard: number;
  channel: EmulatedChannel;
  members: EmulatedMember[];
}

let emulator: DiscordEmulator | undefined;
let store: PostgresQuizStore | undefined;
let schema: string | undefined;
const processes: ScriptProcess[] = [];

afterEach(async () => {
  for (const started of processes.splice(0)) {
    if (started.child.exitCode === null && started.child.signalCode === null) {
      started.child.kill('SIGTERM');
      await Promise.race([started.exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      started.child.kill('SIGKILL');
    }
  }
  await emulator?.close();
  emulator = undefined;
  await store?.close();
  store = undefined;
  if (databaseUrl && schema) {
    const admin = new pg.Client(databaseUrl);
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
    await admin.end();
  }
  schema = undefined;
});

/** The database URL with `schema` as the connection's search_path: the bot then keeps its tables there. */
function urlWithSchema(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${name}`);
  return parsed.toString();
}

/** Today's daily slot one minute ago (UTC): due at start-up within the grace period, and no further slot during the test. */
function cronOfMinuteAgo(now: Date): string {
  const slot = new Date(now.getTime() - 60_000);
  return `${slot.getUTCMinutes()} ${slot.getUTCHours()} * * *`;
}

/** `npm start` for shards `ids`, its output collected. */
function startShardProcess(environment: Record<string, string>, ids: string): ScriptProcess {
  const started = startScript('src/main.ts', { ...environment, SHARD_IDS: ids });
  processes.push(started);
  return started;
}

async function answeredUsers(questionId: string): Promise<Set<string>> {
  if (!databaseUrl || !schema) throw new Error('no database');
  const reader = new pg.Client(databaseUrl);
  await reader.connect();
  try {
    const { rows } = await reader.query<{ user_id: string }>(`SELECT user_id FROM ${pg.escapeIdentifier(schema)}.answers WHERE question_id = $1`, [
      questionId,
    ]);
    return new Set(rows.map((row) => row.user_id));
  } finally {
    await reader.end();
  }
}

/** The click's first callback, if the bot's was accepted; undefined when it never came (the process died). */
async function acknowledged(handle: InteractionHandle): Promise<string | undefined> {
  try {
    const response = await handle.response();
    return response.type === InteractionResponseType.ChannelMessageWithSource ? (response.data.content ?? '') : undefined;
  } catch {
    return undefined;
  }
}

describe.skipIf(!databaseUrl)('two shard processes on one PostgreSQL database', () => {
  it('post each guild once, count every acknowledged click through a SIGKILL mid-burst, and close the killed process’s questions after it returns', async () => {
    if (!databaseUrl) return;
    schema = `shards_e2e_${randomBytes(6).toString('hex')}`;
    const botUrl = urlWithSchema(databaseUrl, schema);
    // Migrates the new schema first, so the schedules can be seeded before either process starts.
    store = await openPostgresStore(databaseUrl, { schema, poolSize: 2 });

    emulator = await startDiscordEmulator({ shardCount, guildId: guildIdForShard(0, shardCount) });
    const quizGuilds: QuizGuild[] = guildShards.map((shard, index) => {
      const guild = index === 0 ? emulator!.guilds[0]! : emulator!.addGuild(`Guild ${index}`, { shardId: shard, members: [] });
      const members = memberNames.map((name) => guild.addMember(`${name}${index}`));
      return { guild, shard, channel: guild.addChannel('quiz'), members };
    });
    expect(quizGuilds.map(({ guild }) => emulator!.shardOf(guild))).toEqual(guildShards);

    const cron = cronOfMinuteAgo(new Date());
    for (const { guild, channel } of quizGuilds) {
      await store.saveSchedule({
        guildId: guild.id,
        channelId: channel.id,
        cron,
        timezone: 'UTC',
        noteId: null,
        closeAfterMinutes: 1,
        createdBy: guild.admin.id,
        createdAt: new Date(),
      });
    }

    const environment = {
      DISCORD_TOKEN: testToken,
      DISCORD_API_URL: emulator.apiUrl,
      DATABASE_URL: botUrl,
      SHARD_COUNT: String(shardCount),
      DOCS_DIR: teamNoteDir,
      LOG_LEVEL: 'info',
    };
    const first = startShardProcess(environment, '0,1');
    let second = startShardProcess(environment, '2,3');
    await Promise.all([waitForOutput(first, '"msg":"bot ready"', 60_000), waitForOutput(second, '"msg":"bot ready"', 60_000)]);

    // Each slot due at start-up is posted once, by the process whose shards hold the guild.
    const posts = new Map<string, APIMessage>();
    for (const { guild, channel } of quizGuilds) posts.set(guild.id, await emulator.waitForMessage(channel, isQuestionPost, 30_000));
    for (const { guild, shard } of quizGuilds) {
      const owner = shard < 2 ? first : second;
      const other = shard < 2 ? second : first;
      expect(owner.output()).toMatch(new RegExp(`"guildId":"${guild.id}"[^\\n]*"msg":"missed quiz slot posted late"`));
      expect(other.output()).not.toContain(`"guildId":"${guild.id}"`);
    }
    // Commands are registered once, by the process running shard 0.
    const registrations = emulator.requests.filter((request) => request.method === 'PUT' && request.path.endsWith('/commands'));
    expect(registrations).toHaveLength(1);

    const acknowledgedClicks: { questionId: string; userId: string; content: string }[] = [];
    const click = async (quizGuild: QuizGuild, member: number) => {
      const post = posts.get(quizGuild.guild.id)!;
      const user = quizGuild.members[member]!;
      let handle: InteractionHandle;
      try {
        handle = emulator!.click(post, answerButtonId(post, member % 4), user);
      } catch {
        return; // no live session serves the guild's shard: the member's click never reached the bot
      }
      const content = await acknowledged(handle);
      if (content !== undefined) acknowledgedClicks.push({ questionId: questionIdOf(post), userId: user.id, content });
    };

    // Two members click in every guild, whichever process holds it.
    await Promise.all(quizGuilds.flatMap((quizGuild) => [click(quizGuild, 0), click(quizGuild, 1)]));
    expect(acknowledgedClicks).toHaveLength(2 * quizGuilds.length);

    // The rest click at once in every guild; the second process is killed a moment into the burst.
    const questionsOfSecond = quizGuilds.filter(({ shard }) => shard >= 2).map(({ guild }) => questionIdOf(posts.get(guild.id)!));
    const ackedBySecond = () => acknowledgedClicks.filter((entry) => questionsOfSecond.includes(entry.questionId)).length;
    const burst: Promise<void>[] = [];
    let clicksToSecond = 0;
    for (let member = 2; member < memberNames.length; member++) {
      for (const quizGuild of quizGuilds) {
        burst.push(click(quizGuild, member));
        if (quizGuild.shard >= 2) clicksToSecond += 1;
      }
      if (member === 5) {
        // Killed once it has acknowledged some of the burst, with more of it on the way.
        const before = 2 * questionsOfSecond.length;
        const deadline = Date.now() + 10_000;
        while (ackedBySecond() === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
        const openAtKill = await Promise.all(questionsOfSecond.map((id) => store!.getQuestion(id)));
        expect(openAtKill.map((question) => question?.status)).toEqual(['open', 'open', 'open']);
        second.child.kill('SIGKILL');
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await Promise.all(burst);
    await second.exited;
    // Some of the burst reached the second process and was acknowledged before it died; the rest never was.
    expect(ackedBySecond()).toBeGreaterThan(2 * questionsOfSecond.length);
    expect(ackedBySecond()).toBeLessThan(2 * questionsOfSecond.length + clicksToSecond);

    second = startShardProcess(environment, '2,3');
    await waitForOutput(second, '"msg":"bot ready"', 60_000);

    // Every click the bot acknowledged as recorded is in PostgreSQL.
    const recorded = acknowledgedClicks.filter((entry) => entry.content.includes('Answer recorded'));
    expect(recorded.length).toBeGreaterThan(2 * quizGuilds.length);
    // Any other acknowledged click came after its question closed, and was told so.
    expect(acknowledgedClicks.filter((entry) => !entry.content.includes('Answer recorded') && !entry.content.includes('closed'))).toEqual([]);
    const lost: string[] = [];
    for (const entry of recorded) if (!(await answeredUsers(entry.questionId)).has(entry.userId)) lost.push(`${entry.questionId}/${entry.userId}`);
    expect(lost).toEqual([]);

    // Every question closes and its post shows what PostgreSQL holds, the killed process's too.
    for (const { guild } of quizGuilds) {
      const post = posts.get(guild.id)!;
      const revealed = await emulator.waitForEdit(post, (message) => answerButtons(message).every((button) => button.disabled), 120_000);
      const stored = await answeredUsers(questionIdOf(post));
      expect(embedField(revealed, 'Participants')).toBe(String(stored.size));
      expect((await store.getQuestion(questionIdOf(post)))?.status).toBe('closed');
    }
    const questionPosts = quizGuilds.map(({ channel }) => emulator!.channelMessages(channel).filter(isQuestionPost).length);
    expect(questionPosts).toEqual(quizGuilds.map(() => 1));
    expect(emulator.requests.filter((request) => request.method === 'PUT' && request.path.endsWith('/commands'))).toHaveLength(1);
    expect(emulator.internalErrors).toEqual([]);
  }, 240_000);
});
