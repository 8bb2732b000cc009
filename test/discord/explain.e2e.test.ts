// /explain and /concepts as members use them: the real bot (startBot, discord.js Client, the real note
// parser and search, a SQLite file) against the project's local Discord emulator, through the e2e harness.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type APIButtonComponentWithCustomId, type APIEmbed, type APIMessage, InteractionResponseType, MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordEmulator, EmulatedMember, InteractionHandle } from '../emulator/index.js';
import { startBotHarness, type BotHarness } from '../e2e/bot-harness.js';

let harness: BotHarness;
let emulator: DiscordEmulator;
let tempDir: string;
let alice: EmulatedMember;
let minji: EmulatedMember;

/**
 * The team note, a second note long enough that `/concepts` needs two pages, and a third whose one
 * concept is longer than a Discord message may be.
 */
function writeDocs(): string {
  const docsDir = path.join(tempDir, 'docs');
  mkdirSync(docsDir, { recursive: true });
  copyFileSync('test/fixtures/team-note/docker-kubernetes.md', path.join(docsDir, 'docker-kubernetes.md'));
  const sections = Array.from(
    { length: 20 },
    (_, index) => `## 예제 항목 ${index + 1}번(Sample Entry ${index + 1})\n\n- 예제 항목 ${index + 1}번은 목록을 나누어 보여 주기 위한 항목이다.`,
  );
  writeFileSync(path.join(docsDir, 'samples.md'), ['# 예제 모음', '', ...sections].join('\n'));
  const longBody = Array.from(
    { length: 300 },
    (_, index) => `- 문장 ${index}: **굵게** 예제 항목 ${(index % 20) + 1}번과 함께 쓰는 @everyone ${'긴 설명 '.repeat(8)}`,
  );
  writeFileSync(path.join(docsDir, 'long.md'), ['# 긴 노트', '', '## 아주 긴 개념(Very Long Concept)', '', ...longBody].join('\n'));
  return docsDir;
}

beforeAll(async () => {
  tempDir = mkdtempSync(path.join(os.tmpdir(), 'concept-bot-explain-e2e-'));
  harness = await startBotHarness({ docsDir: writeDocs() });
  emulator = harness.emulator;
  alice = emulator.member('alice');
  minji = emulator.member('minji');
});

afterAll(async () => {
  // Also fails when any message the bot sent could ping anyone, whatever the scenarios typed.
  await harness?.close();
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
});

interface Reply {
  content: string;
  embeds: APIEmbed[];
  customIds: string[];
  ephemeral: boolean;
  allowedMentions: unknown;
}

/** The first callback of an interaction, as the user sees it. */
async function replyTo(handle: InteractionHandle): Promise<Reply> {
  const response = await handle.response();
  if (response.type !== InteractionResponseType.ChannelMessageWithSource && response.type !== InteractionResponseType.UpdateMessage) {
    throw new Error(`expected a message, got callback type ${response.type}`);
  }
  const data = response.data ?? {};
  const rows = (data.components ?? []) as { components?: Partial<APIButtonComponentWithCustomId>[] }[];
  return {
    content: data.content ?? '',
    embeds: data.embeds ?? [],
    customIds: rows.flatMap((row) => row.components ?? []).map((button) => button.custom_id ?? ''),
    ephemeral: (Number(data.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
    allowedMentions: data.allowed_mentions,
  };
}

function fieldNames(embed: APIEmbed | undefined): string[] {
  return (embed?.fields ?? []).map((field) => field.name);
}

describe('registration', () => {
  it('registers the commands for the guild with Korean names and descriptions', () => {
    const commands = emulator.registeredCommands({ guildId: emulator.guild.id });

    expect(commands.map((command) => command.name)).toEqual(expect.arrayContaining(['explain', 'concepts', 'quiz', 'quiz-admin', 'leaderboard']));
    const explain = commands.find((command) => command.name === 'explain');
    expect(explain?.name_localizations).toEqual({ ko: '설명' });
    expect(explain?.options?.[0]).toMatchObject({ name: 'concept', name_localizations: { ko: '개념' }, required: true, autocomplete: true });
    for (const command of commands) {
      expect(command.name_localizations?.ko, command.name).toBeTruthy();
      expect(command.description_localizations?.ko, command.name).toBeTruthy();
    }
    expect(emulator.registeredCommands('global')).toEqual([]);
  });
});

describe('/explain', () => {
  it('answers `container` publicly with the 컨테이너 embed and buttons for related concepts', async () => {
    const reply = await replyTo(emulator.slash('/explain', { concept: 'container' }, alice));

    expect(reply.ephemeral).toBe(false);
    expect(reply.embeds[0]?.title).toBe('컨테이너 (Container)');
    expect(reply.embeds[0]?.description).toContain('**커널**');
    expect(fieldNames(reply.embeds[0])).toEqual(['Also called', 'Source', 'References']);
    expect(reply.customIds).toEqual(expect.arrayContaining(['explain:docker-kubernetes/kernel', 'explain:docker-kubernetes/instance']));
    expect(reply.allowedMentions).toEqual({ parse: [] });
  });

  it('opens a related concept for the member who clicks its button', async () => {
    const handle = emulator.slash('/explain', { concept: 'container' }, alice);
    const message: APIMessage = await handle.waitForOriginal();

    const reply = await replyTo(emulator.click(message, 'explain:docker-kubernetes/kernel', emulator.member('bob')));

    expect(reply.ephemeral).toBe(true);
    expect(reply.embeds[0]?.title).toBe('커널 (Kernel)');
    expect(reply.embeds.at(-1)?.image?.url).toMatch(/^https:\/\/user-images\.githubusercontent\.com\//);
    expect(reply.allowedMentions).toEqual({ parse: [] });
  });

  it('answers in Korean for a member whose Discord is in Korean', async () => {
    const reply = await replyTo(emulator.slash('/explain', { concept: '컨테이너' }, minji));

    expect(reply.embeds[0]?.title).toBe('컨테이너 (Container)');
    expect(fieldNames(reply.embeds[0])).toEqual(['다른 이름', '출처', '참고 자료']);
  });

  it('takes a concept id picked from autocomplete as that concept', async () => {
    const reply = await replyTo(emulator.slash('/explain', { concept: 'docker-kubernetes/kubernates' }, alice));

    expect(reply.embeds[0]?.title).toBe('쿠버네티스 (Kubernates)');
  });

  it('tells only the asker when nothing matches, quoting the query and pointing to /concepts', async () => {
    const reply = await replyTo(emulator.slash('/explain', { concept: 'banana' }, alice));

    expect(reply.ephemeral).toBe(true);
    expect(reply.embeds).toEqual([]);
    expect(reply.content).toContain('`banana`');
    expect(reply.content).toContain('/concepts');
  });

  it('says it in Korean to a Korean member', async () => {
    const reply = await replyTo(emulator.slash('/explain', { concept: 'banana' }, minji));

    expect(reply.content).toContain('노트에서 `banana`에 해당하는 개념을 찾지 못했어요');
  });

  it('never pings when the query is @everyone', async () => {
    const handle = emulator.slash('/explain', { concept: '@everyone <@&123456789012345678>' }, alice);
    const reply = await replyTo(handle);

    expect(reply.allowedMentions).toEqual({ parse: [] });
    expect(reply.content).toContain('`@everyone <@&123456789012345678>`');
    const message = await handle.waitForOriginal();
    expect(message.mention_everyone).toBe(false);
    expect(message.mention_roles).toEqual([]);
  });

  it('answers the concept named next to a mention, without pinging anyone', async () => {
    const handle = emulator.slash('/explain', { concept: '@everyone <@123456789012345678> 컨테이너' }, alice);
    const reply = await replyTo(handle);

    expect(reply.ephemeral).toBe(false);
    expect(reply.embeds[0]?.title).toBe('컨테이너 (Container)');
    expect(reply.allowedMentions).toEqual({ parse: [] });
    const message = await handle.waitForOriginal();
    expect(message.mention_everyone).toBe(false);
    expect(message.mentions).toEqual([]);
  });

  it('asks which one when a query names two concepts, offering both', async () => {
    const reply = await replyTo(emulator.slash('/explain', { concept: 'docker kubernetes' }, minji));

    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toBe('`docker kubernetes`만으로는 어떤 개념인지 확실하지 않아요. 혹시 이 중 하나인가요?');
    expect(reply.customIds.slice(0, 2).sort()).toEqual(['explain:docker-kubernetes/docker', 'explain:docker-kubernetes/kubernates']);
  });

  it('answers a concept longer than a Discord message, trimmed with a note of where the rest is', async () => {
    // The emulator rejects anything over Discord's limits (6000 in total, 4096 per description), so an
    // answer at all means the message fit.
    const reply = await replyTo(emulator.slash('/explain', { concept: 'very long concept' }, alice));

    expect(reply.embeds[0]?.title).toBe('아주 긴 개념 (Very Long Concept)');
    expect(reply.embeds.at(-1)?.description).toMatch(/\(trimmed — the full text is in `long\.md`, line 3\)$/);
    expect(reply.customIds.length).toBe(10);
    expect(reply.allowedMentions).toEqual({ parse: [] });
  });

  it('asks "did you mean" with buttons when the best match is only a guess', async () => {
    const reply = await replyTo(emulator.slash('/explain', { concept: 'kontainr' }, alice));

    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toBe('Not sure which one you mean by `kontainr` — did you mean:');
    expect(reply.customIds[0]).toBe('explain:docker-kubernetes/container');
    expect(reply.customIds.length).toBeLessThanOrEqual(5);
  });
});

describe('/explain autocomplete', () => {
  it.each(['컨테', 'ㅋㅌ'])('lists 컨테이너 first while the member types %s', async (typed) => {
    const choices = await emulator.autocomplete('/explain', { concept: typed }, 'concept', alice).choices();

    expect(choices[0]).toEqual({ name: '컨테이너 (Container)', value: 'docker-kubernetes/container' });
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  it('offers at most 25 concepts before anything is typed', async () => {
    const choices = await emulator.autocomplete('/explain', { concept: '' }, 'concept', alice).choices();

    expect(choices).toHaveLength(25);
    expect(new Set(choices.map((choice) => choice.value)).size).toBe(25);
  });
});

describe('/concepts', () => {
  it('lists the concepts by note, ephemeral, and turns the page in place', async () => {
    const handle = emulator.slash('/concepts', {}, alice);
    const first = await replyTo(handle);
    expect(first.ephemeral).toBe(true);
    expect(first.embeds[0]?.title).toBe('Concepts in the notes (27)');
    expect(first.embeds[0]?.footer?.text).toBe('Page 1/2');
    expect(first.customIds.slice(-2)).toEqual(['concepts:*:0', 'concepts:*:1']);

    const message = await handle.waitForOriginal();
    const next = await replyTo(emulator.click(message, 'concepts:*:1', alice));

    expect(next.embeds[0]?.footer?.text).toBe('Page 2/2');
    expect(next.embeds[0]?.description).toContain('(continued)');
    const edited = await handle.waitForOriginal((current) => current.embeds[0]?.footer?.text === 'Page 2/2');
    expect(edited.id).toBe(message.id);
  });

  it('shows one note when asked, and offers notes by name in autocomplete', async () => {
    const choices = await emulator.autocomplete('/concepts', { note: '도커' }, 'note', minji).choices();
    expect(choices).toEqual([{ name: '도커(Docker)와 쿠버네티스(Kubernates) 개념 이해하기 · docker-kubernetes.md', value: 'docker-kubernetes' }]);

    const reply = await replyTo(emulator.slash('/concepts', { note: 'docker-kubernetes' }, minji));

    expect(reply.embeds[0]?.title).toBe('노트의 개념 (6개)');
    expect(reply.embeds[0]?.footer).toBeUndefined();
  });

  it('explains an unknown note as a mistake the member can fix', async () => {
    const reply = await replyTo(emulator.slash('/concepts', { note: 'python' }, alice));

    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toBe('There is no note `python`. Leave `note` empty to list every note.');
  });
});
