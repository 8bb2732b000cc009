import { describe, expect, it } from 'vitest';
import {
  buildNothingDue,
  buildReviewCard,
  buildReviewCardAnswer,
  buildReviewCardGraded,
  buildReviewQuestion,
  buildReviewResult,
  buildReviewSummary,
  createReviewCustomId,
  parseReviewArgs,
  type ReviewButton,
  type ReviewSession,
} from '../../src/discord/review-views.js';
import { listFlashcards } from '../../src/quiz/flashcard-practice.js';
import { buttonsOf, expectWithinDiscordLimits } from '../discord/message-view-checks.js';
import { fillerConcepts, makeKnowledgeBase } from '../quiz/quiz-test-kit.js';
import { openTestStore, postQuestion } from '../store/store-test-kit.js';

const userId = '400000000000000001';
const kb = makeKnowledgeBase({
  network: [
    {
      names: ['TCP'],
      statements: ['연결을 맺고 순서와 도착을 보장하는 전송 계층 프로토콜이다.'],
      flashcards: [{ question: '**굵게** @everyone <@123> 는 어떻게 보이나?', answer: '_그대로_ `code` @here' }],
    },
    ...fillerConcepts(),
  ],
});
const tcp = kb.getConcept('network/tcp')!;
const [card] = listFlashcards(kb);
const now = new Date('2026-03-02T09:00:00Z');
const session: ReviewSession = { userId, startedAt: now, tally: { reviewed: 3, right: 2 }, scope: 'note' };

describe('review buttons', () => {
  it('carry the verb, member, start, tally, scope and item, and parse back to the same, within 100 characters', () => {
    const answer: ReviewButton = { ...session, verb: 'answer', item: { kind: 'question', questionId: 'A'.repeat(16) }, choice: 3 };
    const grade: ReviewButton = {
      ...session,
      userId: '9'.repeat(20),
      tally: { reviewed: 9999, right: 9999 },
      verb: 'didnt',
      item: { kind: 'card', cardKey: card!.key },
      choice: null,
    };

    for (const button of [answer, grade]) {
      const customId = createReviewCustomId(button);
      expect(customId.startsWith('quiz:review:')).toBe(true);
      expect(customId.length).toBeLessThanOrEqual(100);
      expect(parseReviewArgs(customId.split(':').slice(2))).toEqual(button);
    }
    expect(createReviewCustomId(answer)).toBe(`quiz:review:answer:${userId}:${now.getTime().toString(36)}:3:2:note:q${'A'.repeat(16)}:3`);
  });

  it('refuse anything the bot cannot have made', () => {
    const start = now.getTime().toString(36);
    const key = card!.key;
    for (const args of [
      [],
      ['next', userId, start, '1', '1', 'all'],
      ['jump', userId, start, '1', '1', 'all', `c${key}`],
      ['next', 'alice', start, '1', '1', 'all', `c${key}`],
      ['next', userId, 'NOT-A-TIME', '1', '1', 'all', `c${key}`],
      ['next', userId, start, '1', '2', 'all', `c${key}`],
      ['next', userId, start, '-1', '0', 'all', `c${key}`],
      ['next', userId, start, '1', '1', 'everything', `c${key}`],
      ['next', userId, start, '1', '1', 'all', 'cnot-a-key'],
      ['next', userId, start, '1', '1', 'all', `c${key}`, '2'],
      ['answer', userId, start, '1', '1', 'all', 'qABC'],
      ['answer', userId, start, '1', '1', 'all', 'qABC', '4'],
      ['answer', userId, start, '1', '1', 'all', `c${key}`, '1'],
      ['knew', userId, start, '1', '1', 'all', 'qABC'],
    ]) {
      expect(parseReviewArgs(args), args.join(':')).toBeNull();
    }
  });
});

describe('review views', () => {
  it("a question's options answer into the session, with Stop; the answered view brings Next and Stop with the tally", async () => {
    const store = await openTestStore();
    const question = await postQuestion(store, { conceptId: tcp.id, postedAt: now, practiceUserId: userId });
    const document = kb.getDocument(tcp.documentId);

    const asked = buildReviewQuestion({ question, concept: tcp, document, session, language: 'en' });
    const answered = buildReviewResult({ question, concept: tcp, document, session, language: 'en', choice: question.answer });
    await store.close();

    for (const view of [asked, answered]) expectWithinDiscordLimits(view);
    const askedIds = buttonsOf(asked).map((button) => button.custom_id);
    expect(askedIds.slice(0, 4).map((id) => parseReviewArgs(id.split(':').slice(2))?.choice)).toEqual([0, 1, 2, 3]);
    expect(askedIds.map((id) => id.split(':')[2])).toEqual(['answer', 'answer', 'answer', 'answer', 'stop']);
    expect(asked.embeds[0]?.footer?.text).toBe('Reviewed 3 · right 2 · only you see this');
    const answeredIds = buttonsOf(answered).map((button) => button.custom_id);
    expect(answeredIds.filter((id) => id.startsWith('quiz:review:')).map((id) => id.split(':')[2])).toEqual(['next', 'stop']);
  });

  it("a card's steps: Show answer, then the grade, then Next and Stop; note text stays inert", () => {
    const input = { card: card!, document: kb.getDocument(card!.documentId), session, language: 'en' as const };

    const views = [buildReviewCard(input), buildReviewCardAnswer(input), buildReviewCardGraded({ ...input, grade: 'knew' })];

    for (const view of views) {
      expectWithinDiscordLimits(view);
      expect(view.embeds[0]?.description).toContain('\\*\\*굵게\\*\\*');
    }
    expect(views.map((view) => buttonsOf(view).map((button) => button.custom_id.split(':')[2]))).toEqual([
      ['show', 'stop'],
      ['knew', 'didnt', 'stop'],
      ['next', 'stop'],
    ]);
    expect(views[2]!.embeds[0]?.title).toBe('✅ Noted: you knew it.');
  });

  it('the summary tells reviewed, right and the next review; nothing due tells when, or points to practice', () => {
    const nextDueAt = now.getTime() + 2 * 86_400_000;
    const unix = Math.floor(nextDueAt / 1000);

    const summary = buildReviewSummary({ reviewed: 4, right: 3, stillDue: 0, nextDueAt }, now, 'en');
    const stoppedEarly = buildReviewSummary({ reviewed: 1, right: 0, stillDue: 2, nextDueAt }, now, 'ko');
    const nothingDue = buildNothingDue({ reviewed: 0, right: 0, stillDue: 0, nextDueAt }, now, 'en');
    const nothingSeen = buildNothingDue({ reviewed: 0, right: 0, stillDue: 0, nextDueAt: null }, now, 'ko');

    expect(summary.components).toEqual([]);
    expect(summary.embeds[0]?.fields).toEqual([
      { name: 'Reviewed', value: '4', inline: true },
      { name: 'Right', value: '3', inline: true },
      { name: 'Next review', value: `Due <t:${unix}:f> (<t:${unix}:R>).` },
    ]);
    expect(stoppedEarly.embeds[0]?.fields?.[2]?.value).toContain('2개 더');
    expect(nothingDue.content).toBe(`Nothing to review right now. Your next review is due <t:${unix}:f> (<t:${unix}:R>).`);
    expect(nothingSeen.content).toContain('/퀴즈 연습');
    for (const view of [summary, stoppedEarly, nothingDue, nothingSeen]) expectWithinDiscordLimits(view);
  });
});
