// Flashcard practice as a member lives it: the real bot (startBot, discord.js Client, SQLite file) against the
// project's Discord emulator, with a hand-made knowledge base whose concepts carry the author's flashcards.
import type { APIButtonComponentWithCustomId, APIMessage } from 'discord-api-types/v10';
import { InteractionResponseType } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createCardKey } from '../../src/quiz/flashcard-practice.js';
import { answerButtons, replyTo, startBotHarness, type BotHarness } from '../e2e/bot-harness.js';
import { fillerConcepts, makeKnowledgeBase, tcpWithCards } from '../quiz/quiz-test-kit.js';

const kb = makeKnowledgeBase({
  network: [tcpWithCards(), ...fillerConcepts()],
});

let harness: BotHarness | undefined;

afterEach(async () => {
  // Also fails the test when anything the bot sent could ping.
  await harness?.close();
  harness = undefined;
});

async function startWithCards(): Promise<BotHarness> {
  harness = await startBotHarness({ knowledgeBase: kb, docsDir: 'test/fixtures/notes' });
  return harness;
}

function cardButtons(message: APIMessage): APIButtonComponentWithCustomId[] {
  const rows = (message.components ?? []) as { components?: APIButtonComponentWithCustomId[] }[];
  return rows.flatMap((row) => row.components ?? []).filter((button) => button.custom_id?.startsWith('quiz:card:'));
}

function cardButton(message: APIMessage, step: 'show' | 'knew' | 'didnt' | 'next'): string {
  const button = cardButtons(message).find((candidate) => candidate.custom_id.split(':')[2] === step);
  if (!button)
    throw new Error(
      `message ${message.id} has no "${step}" button (has ${cardButtons(message)
        .map((b) => b.custom_id)
        .join(', ')})`,
    );
  return button.custom_id;
}

/** The member's click, answered by editing the ephemeral message in place; resolves with the message after the edit. */
async function clickAndRead(h: BotHarness, message: APIMessage, customId: string, member = h.emulator.member('alice')): Promise<APIMessage> {
  const handle = h.emulator.click(message, customId, member);
  const response = await handle.response();
  expect(response.type).toBe(InteractionResponseType.UpdateMessage);
  const updated = h.emulator.message(message.id);
  if (!updated) throw new Error(`message ${message.id} is gone`);
  return updated;
}

describe('flashcard practice', () => {
  it('practice → show answer → grade → stored; after a restart the old buttons still work', async () => {
    const h = await startWithCards();
    const { emulator } = h;
    const alice = emulator.member('alice');

    const practice = emulator.slash('/quiz practice', { note: 'network' }, alice);
    const shown = await practice.waitForOriginal();
    expect(practice.ephemeral).toBe(true);
    expect(emulator.allowedMentionsOf(shown)).toEqual({ parse: [] });
    expect(shown.embeds[0]?.description).toBe('TCP 3-way handshake의 세 단계는?');
    expect(JSON.stringify(shown)).not.toContain('SYN-ACK');
    expect(cardButtons(shown).map((button) => button.label)).toEqual(['Show answer']);

    const answered = await clickAndRead(h, shown, cardButton(shown, 'show'));
    expect(answered.embeds[0]?.fields?.find((field) => field.name === 'Answer')?.value).toContain('SYN, SYN-ACK, ACK');
    expect(cardButtons(answered).map((button) => button.label)).toEqual(['✅ Knew it', "❌ Didn't"]);

    const graded = await clickAndRead(h, answered, cardButton(answered, 'didnt'));
    expect(graded.embeds[0]?.title).toContain('Noted: not yet');
    const firstKey = createCardKey('network/tcp', 'TCP 3-way handshake의 세 단계는?');
    expect(await h.bot.store.listLatestFlashcardGrades(emulator.guild.id, alice.id)).toMatchObject([
      { cardKey: firstKey, conceptId: 'network/tcp', grade: 'didnt', userId: alice.id },
    ]);

    await h.restartBot();

    // "Next card" of the graded message, clicked on the new instance: the card not yet graded comes next.
    const next = await clickAndRead(h, graded, cardButton(graded, 'next'));
    expect(next.embeds[0]?.description).toBe('TCP가 흐름 제어에 쓰는 것은?');
    const nextAnswered = await clickAndRead(h, next, cardButton(next, 'show'));
    expect(nextAnswered.embeds[0]?.fields?.find((field) => field.name === 'Answer')?.value).toContain('수신 윈도우(rwnd)');
    // The grade buttons of the first card, as alice's client may still show them from before the restart.
    const regraded = await clickAndRead(h, answered, cardButton(answered, 'knew'));
    expect(regraded.embeds[0]?.title).toContain('Noted: you knew it');
    expect(regraded.embeds[0]?.description).toBe('TCP 3-way handshake의 세 단계는?');
    expect(await h.bot.store.listLatestFlashcardGrades(emulator.guild.id, alice.id)).toMatchObject([{ cardKey: firstKey, grade: 'knew' }]);
  });

  it('when every card is graded and resting, "Next card" brings a generated practice question', async () => {
    const h = await startWithCards();
    const alice = h.emulator.member('alice');
    let message = await h.emulator.slash('/quiz practice', {}, alice).waitForOriginal();
    for (let card = 0; card < 2; card++) {
      message = await clickAndRead(h, message, cardButton(message, 'show'));
      message = await clickAndRead(h, message, cardButton(message, 'knew'));
      if (card === 0) message = await clickAndRead(h, message, cardButton(message, 'next'));
    }

    const generated = await clickAndRead(h, message, cardButton(message, 'next'));

    expect(answerButtons(generated)).toHaveLength(4);
    expect((await h.bot.store.listLatestFlashcardGrades(h.emulator.guild.id, alice.id)).map((grade) => grade.grade)).toEqual(['knew', 'knew']);
  });

  it("a crafted button for another member's card, or for a card no longer in the notes, gets a clear private note and stores nothing", async () => {
    const h = await startWithCards();
    const { emulator } = h;
    const bob = emulator.member('bob');
    const alice = emulator.member('alice');
    const shown = await emulator.slash('/quiz practice', {}, bob).waitForOriginal();
    const [, , , key, scope] = cardButton(shown, 'show').split(':');
    const tampered = (customId: string): APIMessage => {
      const copy = structuredClone(shown);
      (copy.components?.[0] as { components: { custom_id?: string }[] }).components[0]!.custom_id = customId;
      return copy;
    };
    const foreign = `quiz:card:knew:${key}:${scope}:${alice.id}`;
    const gone = `quiz:card:knew:${createCardKey('network/tcp', 'a question since removed')}:${scope}:${bob.id}`;
    const mangled = `quiz:card:knew:${key}`;

    const foreignReply = await replyTo(emulator.click(tampered(foreign), foreign, bob));
    const goneReply = await replyTo(emulator.click(tampered(gone), gone, bob));
    const mangledReply = await replyTo(emulator.click(tampered(mangled), mangled, bob));

    expect(foreignReply).toEqual({
      ephemeral: true,
      embeds: [],
      content: 'This flashcard belongs to someone else. Start your own with `/quiz practice`.',
    });
    expect(goneReply.content).toContain('no longer in the notes');
    expect(mangledReply.content).toContain('not a flashcard button');
    expect(await h.bot.store.listLatestFlashcardGrades(emulator.guild.id, bob.id)).toEqual([]);
    expect(await h.bot.store.listLatestFlashcardGrades(emulator.guild.id, alice.id)).toEqual([]);
  });

  it('a Korean member gets the card in Korean', async () => {
    const h = await startWithCards();
    const jiwoo = h.emulator.addMember('jiwoo', { locale: 'ko' });

    const shown = await h.emulator.slash('/quiz practice', {}, jiwoo).waitForOriginal();
    const answered = await clickAndRead(h, shown, cardButton(shown, 'show'), jiwoo);

    expect(cardButtons(shown).map((button) => button.label)).toEqual(['답 보기']);
    expect(cardButtons(answered).map((button) => button.label)).toEqual(['✅ 알았다', '❌ 몰랐다']);
  });
});
