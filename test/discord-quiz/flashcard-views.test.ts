import { ButtonStyle } from 'discord.js';
import { describe, expect, it } from 'vitest';
import {
  buildFlashcardAnswer,
  buildFlashcardGraded,
  buildFlashcardQuestion,
  createFlashcardCustomId,
  type FlashcardViewInput,
  parseFlashcardArgs,
} from '../../src/discord/flashcard-views.js';
import { listFlashcards } from '../../src/quiz/flashcard-practice.js';
import { buttonsOf, expectWithinDiscordLimits } from '../discord/message-view-checks.js';
import { fillerConcepts, makeKnowledgeBase } from '../quiz/quiz-test-kit.js';

const userId = '400000000000000001';
const kb = makeKnowledgeBase({
  network: [
    {
      names: ['TCP'],
      statements: ['연결을 맺고 순서와 도착을 보장하는 전송 계층 프로토콜이다.'],
      flashcards: [
        { question: 'TCP 3-way handshake의 세 단계는?', answer: 'SYN, SYN-ACK, ACK' },
        { question: '**굵게** @everyone <@123> 는 어떻게 보이나?', answer: '_그대로_ `code` @here' },
        { question: 'Q'.repeat(5000), answer: 'A'.repeat(5000) },
      ],
    },
    ...fillerConcepts(),
  ],
});
const [handshake, markup, huge] = listFlashcards(kb);

function input(card = handshake!, language: 'en' | 'ko' = 'en'): FlashcardViewInput {
  return { card, document: kb.getDocument(card.documentId), scope: 'note', userId, language };
}

describe('flashcard buttons', () => {
  it('carry step, card, scope and member, and parse back to the same', () => {
    const button = { step: 'knew', cardKey: handshake!.key, scope: 'all', userId } as const;

    const customId = createFlashcardCustomId(button);

    expect(customId).toBe(`quiz:card:knew:${handshake!.key}:all:${userId}`);
    expect(customId.length).toBeLessThanOrEqual(100);
    expect(parseFlashcardArgs(customId.split(':').slice(2))).toEqual(button);
  });

  it('refuse anything the bot cannot have made', () => {
    const key = handshake!.key;
    for (const args of [
      [],
      ['show', key, 'note'],
      ['maybe', key, 'note', userId],
      ['show', 'not-a-key', 'note', userId],
      ['show', key, 'everything', userId],
      ['show', key, 'note', 'alice'],
      ['show', key, 'note', userId, 'extra'],
    ]) {
      expect(parseFlashcardArgs(args), args.join(':')).toBeNull();
    }
  });
});

describe('flashcard views', () => {
  it('the question comes alone, with "Show answer"; the answer is not in the message', () => {
    const view = buildFlashcardQuestion(input());

    expectWithinDiscordLimits(view);
    expect(view.embeds[0]?.description).toBe('TCP 3-way handshake의 세 단계는?');
    expect(JSON.stringify(view)).not.toContain('SYN-ACK');
    expect(buttonsOf(view).map((button) => [button.label, button.custom_id])).toEqual([
      ['Show answer', `quiz:card:show:${handshake!.key}:note:${userId}`],
    ]);
  });

  it('the answer comes with its source and the two grade buttons', () => {
    const view = buildFlashcardAnswer(input());

    expectWithinDiscordLimits(view);
    const answer = view.embeds[0]?.fields?.find((field) => field.name === 'Answer')?.value;
    expect(answer).toContain('SYN, SYN-ACK, ACK');
    expect(answer).toContain(`\`network.md:${handshake!.location.line}\``);
    expect(buttonsOf(view).map((button) => [button.label, button.style, button.custom_id.split(':')[2]])).toEqual([
      ['✅ Knew it', ButtonStyle.Success, 'knew'],
      ["❌ Didn't", ButtonStyle.Danger, 'didnt'],
    ]);
  });

  it('the graded card confirms the grade and offers the next card', () => {
    const knew = buildFlashcardGraded({ ...input(), grade: 'knew' });
    const didnt = buildFlashcardGraded({ ...input(), grade: 'didnt' });

    expectWithinDiscordLimits(knew);
    expect(knew.embeds[0]?.title).toBe('✅ Noted: you knew it. This card comes back in 3 days.');
    expect(didnt.embeds[0]?.title).toBe('📌 Noted: not yet. This card comes back in 10 minutes.');
    expect(buttonsOf(knew).map((button) => [button.label, button.custom_id])).toEqual([
      ['➡️ Next card', `quiz:card:next:${handshake!.key}:note:${userId}`],
    ]);
  });

  it('speaks Korean to a Korean member', () => {
    const question = buildFlashcardQuestion(input(handshake, 'ko'));
    const answer = buildFlashcardAnswer(input(handshake, 'ko'));
    const graded = buildFlashcardGraded({ ...input(handshake, 'ko'), grade: 'didnt' });

    expect(buttonsOf(question).map((button) => button.label)).toEqual(['답 보기']);
    expect(buttonsOf(answer).map((button) => button.label)).toEqual(['✅ 알았다', '❌ 몰랐다']);
    expect(answer.embeds[0]?.fields?.map((field) => field.name)).toEqual(['노트', '답']);
    expect(graded.embeds[0]?.title).toBe('📌 몰랐다고 기록했어요. 이 카드는 10분 뒤에 다시 나와요.');
    expect(buttonsOf(graded).map((button) => button.label)).toEqual(['➡️ 다음 카드']);
  });

  it('note text is shown as written, never formatted and never pinging', () => {
    const view = buildFlashcardAnswer(input(markup));

    expect(view.allowedMentions).toEqual({ parse: [] });
    expect(view.embeds[0]?.description).toContain('\\*\\*굵게\\*\\*');
    expect(view.embeds[0]?.fields?.[1]?.value).toContain('\\_그대로\\_ \\`code\\`');
  });

  it('a very long card is cut to fit Discord', () => {
    expectWithinDiscordLimits(buildFlashcardQuestion(input(huge)));
    expectWithinDiscordLimits(buildFlashcardAnswer(input(huge)));
    expectWithinDiscordLimits(buildFlashcardGraded({ ...input(huge), grade: 'knew' }));
  });
});
