// `/quiz review` through the runner: which due concept comes next and how it is asked, answers reviewed as
// `review` in the real store file, and the summary. No Discord: the session is its key and tally.
import { describe, expect, it } from 'vitest';
import { reviewMemory } from '../../src/learning/member-memory.js';
import type { MemoryRating } from '../../src/learning/memory-state.js';
import type { ReviewSessionKey } from '../../src/quiz/quiz-runner.js';
import type { SqliteQuizStore } from '../../src/store/sqlite-quiz-store.js';
import { fillerConcepts, makeKnowledgeBase } from '../quiz/quiz-test-kit.js';
import { channelId, createRunner, guildId, hour, minute, mondaySlot } from './runner-test-kit.js';

const day = 24 * hour;
const member = '400000000000000001';

function buildKb() {
  const kb = makeKnowledgeBase({
    network: [
      {
        names: ['TCP'],
        statements: ['연결을 맺고 순서와 도착을 보장하는 전송 계층 프로토콜이다.'],
        flashcards: [{ question: 'TCP 3-way handshake의 세 단계는?', answer: 'SYN, SYN-ACK, ACK' }],
      },
      ...fillerConcepts(),
    ],
    os: [
      { names: ['Deadlock'], statements: ['두 프로세스가 서로의 자원을 기다리며 멈춘 상태이다.'] },
      ...fillerConcepts().map((spec, n) => ({ ...spec, slug: `f-${n}` })),
    ],
  });
  // The author's own multiple-choice question of the switch: a review asks it as written.
  kb.getConcept('network/switch')!.authoredQuestions.push({
    prompt: '같은 네트워크 안에서 MAC 주소로 프레임을 전달하는 장비는?',
    options: ['허브', '스위치', '라우터', '모뎀'],
    answer: 1,
    location: { file: 'network.md', line: 9 },
  });
  return kb;
}

/** The member's memory of a concept as if they answered it `daysAgo` days before now. */
async function rememberFrom(store: SqliteQuizStore, conceptId: string, daysAgo: number, rating: MemoryRating = 'good'): Promise<void> {
  await reviewMemory(store, {
    guildId,
    userId: member,
    conceptId,
    source: 'channel',
    rating,
    questionId: null,
    reviewedAt: new Date(mondaySlot.getTime() - daysAgo * day),
  });
}

const startedAt = mondaySlot;
const noTally = { reviewed: 0, right: 0 };

function sessionIn(noteId: string | null): ReviewSessionKey {
  return { guildId, channelId, userId: member, noteId, startedAt };
}

describe('a review session', () => {
  it('asks the most overdue concept first, with its author-written question, and reviews the answer as `review`', async () => {
    const { runner, store } = await createRunner({ kb: buildKb() });
    for (const conceptId of ['network/router', 'network/gateway', 'network/tcp']) await rememberFrom(store, conceptId, 1);
    await rememberFrom(store, 'network/switch', 60);
    await rememberFrom(store, 'network/hub', 30);

    const first = await runner.nextReview(sessionIn('network'), noTally);

    expect(first.kind).toBe('question');
    if (first.kind !== 'question') return;
    expect(first.question).toMatchObject({ conceptId: 'network/switch', kind: 'authored', practiceUserId: member, answer: 1 });
    const answered = await runner.answerReview(first.question.id, member, 'Mina', 1);
    expect(answered.kind).toBe('recorded');
    expect((await store.listMemberReviews(guildId, member)).at(-1)).toMatchObject({
      conceptId: 'network/switch',
      source: 'review',
      rating: 'good',
      questionId: first.question.id,
    });
    // The switch is done for this session: the hub (overdue by less) comes next.
    const second = await runner.nextReview(sessionIn('network'), { reviewed: 1, right: 1 });
    expect(second.kind === 'question' && second.question.conceptId).toBe('network/hub');
  });

  it("a due concept with the author's card is asked by the card; its self-grade is kept and reviewed as `review`, once per session", async () => {
    const { runner, store } = await createRunner({ kb: buildKb() });
    for (const conceptId of ['network/router', 'network/hub', 'network/gateway', 'network/switch']) await rememberFrom(store, conceptId, 1);
    await rememberFrom(store, 'network/tcp', 40);

    const step = await runner.nextReview(sessionIn('network'), noTally);
    expect(step.kind).toBe('card');
    if (step.kind !== 'card') return;
    const graded = await runner.gradeReviewCard(sessionIn('network'), step.card.key, 'didnt');
    const again = await runner.gradeReviewCard(sessionIn('network'), step.card.key, 'knew');

    expect(graded).toMatchObject({ ok: true, grade: { conceptId: 'network/tcp', grade: 'didnt' } });
    expect(again).toEqual({ ok: false, reason: 'already-reviewed' });
    expect((await store.listLatestFlashcardGrades(guildId, member)).map((grade) => grade.grade)).toEqual(['didnt']);
    expect((await store.listMemberReviews(guildId, member)).filter((review) => review.source === 'review')).toEqual([
      expect.objectContaining({ conceptId: 'network/tcp', rating: 'again', questionId: null }),
    ]);
  });

  it('when a card is graded twice at once (a double click), one grade is kept and the other click is told it was graded', async () => {
    const { runner, store } = await createRunner({ kb: buildKb() });
    for (const conceptId of ['network/router', 'network/hub', 'network/gateway', 'network/switch']) await rememberFrom(store, conceptId, 1);
    await rememberFrom(store, 'network/tcp', 40);
    const step = await runner.nextReview(sessionIn('network'), noTally);
    if (step.kind !== 'card') throw new Error(`expected a card, got ${step.kind}`);

    const outcomes = await Promise.all([
      runner.gradeReviewCard(sessionIn('network'), step.card.key, 'knew'),
      runner.gradeReviewCard(sessionIn('network'), step.card.key, 'didnt'),
    ]);

    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(outcomes.filter((outcome) => !outcome.ok)).toEqual([{ ok: false, reason: 'already-reviewed' }]);
    expect(await store.listLatestFlashcardGrades(guildId, member)).toHaveLength(1);
    expect((await store.listMemberReviews(guildId, member)).filter((review) => review.source === 'review')).toHaveLength(1);
  });

  it('after the overdue ones come the never seen, then the summary: reviewed, right, and when the next review is due', async () => {
    const { runner, store, clock } = await createRunner({ kb: buildKb() });
    for (const conceptId of ['network/router', 'network/hub', 'network/gateway', 'network/tcp']) await rememberFrom(store, conceptId, 1);

    // Only the switch was never seen: it is the one concept due.
    const step = await runner.nextReview(sessionIn('network'), noTally);
    expect(step.kind === 'question' && step.question.conceptId).toBe('network/switch');
    if (step.kind !== 'question') return;
    clock.advance(minute);
    await runner.answerReview(step.question.id, member, 'Mina', (step.question.answer + 1) % 4);
    const done = await runner.nextReview(sessionIn('network'), { reviewed: 1, right: 0 });

    const earliest = Math.min(...(await store.listMemberMemories(guildId, member)).map((memory) => memory.state.dueAt));
    expect(done).toEqual({ kind: 'done', summary: { reviewed: 1, right: 0, stillDue: 0, nextDueAt: earliest } });
  });

  it('with nothing due, the summary says when the next review is; with nothing seen, there is no next review', async () => {
    const { runner, store } = await createRunner({ kb: buildKb() });
    for (const conceptId of ['network/router', 'network/hub', 'network/gateway', 'network/tcp', 'network/switch'])
      await rememberFrom(store, conceptId, 0);

    const nothingDue = await runner.nextReview(sessionIn('network'), noTally);
    const neverSeen = await runner.summarizeReview(sessionIn('os'), noTally);

    const earliest = Math.min(...(await store.listMemberMemories(guildId, member)).map((memory) => memory.state.dueAt));
    expect(earliest).toBeGreaterThan(mondaySlot.getTime());
    expect(nothingDue).toEqual({ kind: 'done', summary: { reviewed: 0, right: 0, stillDue: 0, nextDueAt: earliest } });
    expect(neverSeen).toEqual({ reviewed: 0, right: 0, stillDue: 5, nextDueAt: null });
  });

  it("a practice question cannot be answered as a review, and a review's answer is stored once", async () => {
    const { runner, store } = await createRunner({ kb: buildKb() });
    const practice = (await runner.createPractice(guildId, channelId, member, 'os'))!;
    const review = await runner.nextReview(sessionIn('os'), noTally);
    if (review.kind !== 'question') throw new Error(`expected a question, got ${review.kind}`);

    expect(await runner.answerReview(practice.id, member, 'Mina', practice.answer)).toEqual({ kind: 'unknown-question' });
    expect((await runner.answerReview(review.question.id, member, 'Mina', review.question.answer)).kind).toBe('recorded');
    expect((await runner.answerReview(review.question.id, member, 'Mina', review.question.answer)).kind).toBe('already-answered');
    expect((await store.listMemberReviews(guildId, member)).map((log) => log.source)).toEqual(['review']);
  });

  it('a member with a backlog meets one never-seen concept a day, first; the other never-seen ones wait behind the backlog', async () => {
    const { runner, store } = await createRunner({ kb: buildKb() });
    for (const conceptId of ['network/tcp', 'network/router', 'network/switch', 'network/gateway', 'network/hub'])
      await rememberFrom(store, conceptId, 40);

    const first = await runner.nextReview(sessionIn(null), noTally);
    expect(first.kind === 'question' && first.question.conceptId).toBe('os/deadlock');
    if (first.kind !== 'question') return;
    await runner.answerReview(first.question.id, member, 'Mina', first.question.answer);
    const second = await runner.nextReview(sessionIn(null), { reviewed: 1, right: 1 });

    // The TCP concept is the first of the equally overdue ones in note order, asked by its card.
    expect(second.kind === 'card' && second.card.conceptId).toBe('network/tcp');
  });

  it('keeps to the note: another note’s overdue concepts wait', async () => {
    const { runner, store } = await createRunner({ kb: buildKb() });
    await rememberFrom(store, 'network/router', 90);

    const step = await runner.nextReview(sessionIn('os'), noTally);

    expect(step.kind === 'question' && step.question.conceptId.startsWith('os/')).toBe(true);
    expect(await runner.canReview({ guildId, channelId, noteId: 'nowhere' })).toBe(false);
  });
});
