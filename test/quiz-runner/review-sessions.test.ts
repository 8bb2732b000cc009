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
function rememberFrom(store: SqliteQuizStore, conceptId: string, daysAgo: number, rating: MemoryRating = 'good'): void {
  reviewMemory(store, {
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
    for (const conceptId of ['network/router', 'network/gateway', 'network/tcp']) rememberFrom(store, conceptId, 1);
    rememberFrom(store, 'network/switch', 60);
    rememberFrom(store, 'network/hub', 30);

    const first = runner.nextReview(sessionIn('network'), noTally);

    expect(first.kind).toBe('question');
    if (first.kind !== 'question') return;
    expect(first.question).toMatchObject({ conceptId: 'network/switch', kind: 'authored', practiceUserId: member, answer: 1 });
    const answered = runner.answerReview(first.question.id, member, 'Mina', 1);
    expect(answered.kind).toBe('recorded');
    expect(store.listMemberReviews(guildId, member).at(-1)).toMatchObject({
      conceptId: 'network/switch',
      source: 'review',
      rating: 'good',
      questionId: first.question.id,
    });
    // The switch is done for this session: the hub (overdue by less) comes next.
    const second = runner.nextReview(sessionIn('network'), { reviewed: 1, right: 1 });
    expect(second.kind === 'question' && second.question.conceptId).toBe('network/hub');
  });

  it("a due concept with the author's card is asked by the card; its self-grade is kept and reviewed as `review`, once per session", async () => {
    const { runner, store } = await createRunner({ kb: buildKb() });
    for (const conceptId of ['network/router', 'network/hub', 'network/gateway', 'network/switch']) rememberFrom(store, conceptId, 1);
    rememberFrom(store, 'network/tcp', 40);

    const step = runner.nextReview(sessionIn('network'), noTally);
    expect(step.kind).toBe('card');
    if (step.kind !== 'card') return;
    const graded = runner.gradeReviewCard(sessionIn('network'), step.card.key, 'didnt');
    const again = runner.gradeReviewCard(sessionIn('network'), step.card.key, 'knew');

    expect(graded).toMatchObject({ ok: true, grade: { conceptId: 'network/tcp', grade: 'didnt' } });
    expect(again).toEqual({ ok: false, reason: 'already-reviewed' });
    expect(store.listLatestFlashcardGrades(guildId, member).map((grade) => grade.grade)).toEqual(['didnt']);
    expect(store.listMemberReviews(guildId, member).filter((review) => review.source === 'review')).toEqual([
      expect.objectContaining({ conceptId: 'network/tcp', rating: 'again', questionId: null }),
    ]);
  });

  it('after the overdue ones come the never seen, then the summary: reviewed, right, and when the next review is due', async () => {
    const { runner, store, clock } = await createRunner({ kb: buildKb() });
    for (const conceptId of ['network/router', 'network/hub', 'network/gateway', 'network/tcp']) rememberFrom(store, conceptId, 1);

    // Only the switch was never seen: it is the one concept due.
    const step = runner.nextReview(sessionIn('network'), noTally);
    expect(step.kind === 'question' && step.question.conceptId).toBe('network/switch');
    if (step.kind !== 'question') return;
    clock.advance(minute);
    runner.answerReview(step.question.id, member, 'Mina', (step.question.answer + 1) % 4);
    const done = runner.nextReview(sessionIn('network'), { reviewed: 1, right: 0 });

    const earliest = Math.min(...store.listMemberMemories(guildId, member).map((memory) => memory.state.dueAt));
    expect(done).toEqual({ kind: 'done', summary: { reviewed: 1, right: 0, stillDue: 0, nextDueAt: earliest } });
  });

  it('with nothing due, the summary says when the next review is; with nothing seen, there is no next review', async () => {
    const { runner, store } = await createRunner({ kb: buildKb() });
    for (const conceptId of ['network/router', 'network/hub', 'network/gateway', 'network/tcp', 'network/switch']) rememberFrom(store, conceptId, 0);

    const nothingDue = runner.nextReview(sessionIn('network'), noTally);
    const neverSeen = runner.summarizeReview(sessionIn('os'), noTally);

    const earliest = Math.min(...store.listMemberMemories(guildId, member).map((memory) => memory.state.dueAt));
    expect(earliest).toBeGreaterThan(mondaySlot.getTime());
    expect(nothingDue).toEqual({ kind: 'done', summary: { reviewed: 0, right: 0, stillDue: 0, nextDueAt: earliest } });
    expect(neverSeen).toEqual({ reviewed: 0, right: 0, stillDue: 5, nextDueAt: null });
  });

  it("a practice question cannot be answered as a review, and a review's answer is stored once", async () => {
    const { runner, store } = await createRunner({ kb: buildKb() });
    const practice = runner.createPractice(guildId, channelId, member, 'os')!;
    const review = runner.nextReview(sessionIn('os'), noTally);
    if (review.kind !== 'question') throw new Error(`expected a question, got ${review.kind}`);

    expect(runner.answerReview(practice.id, member, 'Mina', practice.answer)).toEqual({ kind: 'unknown-question' });
    expect(runner.answerReview(review.question.id, member, 'Mina', review.question.answer).kind).toBe('recorded');
    expect(runner.answerReview(review.question.id, member, 'Mina', review.question.answer).kind).toBe('already-answered');
    expect(store.listMemberReviews(guildId, member).map((log) => log.source)).toEqual(['review']);
  });

  it('a member with a backlog meets one never-seen concept a day, first; the other never-seen ones wait behind the backlog', async () => {
    const { runner, store } = await createRunner({ kb: buildKb() });
    for (const conceptId of ['network/tcp', 'network/router', 'network/switch', 'network/gateway', 'network/hub']) rememberFrom(store, conceptId, 40);

    const first = runner.nextReview(sessionIn(null), noTally);
    expect(first.kind === 'question' && first.question.conceptId).toBe('os/deadlock');
    if (first.kind !== 'question') return;
    runner.answerReview(first.question.id, member, 'Mina', first.question.answer);
    const second = runner.nextReview(sessionIn(null), { reviewed: 1, right: 1 });

    // The TCP concept is the first of the equally overdue ones in note order, asked by its card.
    expect(second.kind === 'card' && second.card.conceptId).toBe('network/tcp');
  });

  it('keeps to the note: another note’s overdue concepts wait', async () => {
    const { runner, store } = await createRunner({ kb: buildKb() });
    rememberFrom(store, 'network/router', 90);

    const step = runner.nextReview(sessionIn('os'), noTally);

    expect(step.kind === 'question' && step.question.conceptId.startsWith('os/')).toBe(true);
    expect(runner.canReview({ guildId, channelId, noteId: 'nowhere' })).toBe(false);
  });
});
