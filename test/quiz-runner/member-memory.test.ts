// Every answer updates the member's memory of its concept, and the daily question goes to the concept the
// channel's active members most likely forgot. Real runner, real store file, the fixture notes.
import { describe, expect, it } from 'vitest';
import { reviewMemory } from '../../src/learning/member-memory.js';
import { createMemoryState, reviewConcept } from '../../src/learning/memory-state.js';
import { channelId, createRunner, guildId, hour, minute, mondaySlot, scheduleDefault, tuesdaySlot } from './runner-test-kit.js';
import { fillerConcepts, makeKnowledgeBase } from '../quiz/quiz-test-kit.js';

const day = 24 * hour;

async function postMondayQuestion() {
  const parts = await createRunner();
  await scheduleDefault(parts.runner);
  const outcome = await parts.runner.runSlot(guildId, channelId, mondaySlot);
  if (!outcome.ok) throw new Error(outcome.reason);
  parts.clock.advance(5 * minute);
  return { ...parts, question: outcome.question };
}

describe("every answer updates the member's memory", () => {
  it("a right channel answer is a Good review of the question's concept, stored before the answer returns", async () => {
    const { runner, store, question } = await postMondayQuestion();

    const result = await runner.answer(question.id, 'u1', 'Mina', question.answer);

    expect(result.kind).toBe('recorded');
    expect(await store.listMemberReviews(guildId, 'u1')).toEqual([
      expect.objectContaining({ conceptId: question.conceptId, source: 'channel', rating: 'good', questionId: question.id, stateBefore: null }),
    ]);
    expect((await store.getMemory({ guildId, userId: 'u1', conceptId: question.conceptId }))?.state).toMatchObject({ phase: 'review', reps: 1 });
  });

  it('a wrong answer is Again; a second click changes neither the answer nor the memory', async () => {
    const { runner, store, question } = await postMondayQuestion();
    const wrong = (question.answer + 1) % question.options.length;

    await runner.answer(question.id, 'u1', 'Mina', wrong);
    const second = await runner.answer(question.id, 'u1', 'Mina', question.answer);

    expect(second.kind).toBe('already-answered');
    expect((await store.listMemberReviews(guildId, 'u1')).map((review) => review.rating)).toEqual(['again']);
  });

  it('an answer refused because the question closed leaves the memory alone', async () => {
    const { runner, store, question, clock } = await postMondayQuestion();
    clock.set(tuesdaySlot);

    expect((await runner.answer(question.id, 'u1', 'Mina', question.answer)).kind).toBe('closed');
    expect(await store.listMemberReviews(guildId, 'u1')).toEqual([]);
  });

  it("a practice answer is a practice review of the member's own memory", async () => {
    const { runner, store } = await createRunner();
    const practice = (await runner.createPractice(guildId, channelId, 'u2'))!;

    await runner.answer(practice.id, 'u2', 'Jun', practice.answer);

    expect(await store.listMemberReviews(guildId, 'u2')).toEqual([
      expect.objectContaining({ conceptId: practice.conceptId, source: 'practice', rating: 'good', questionId: practice.id }),
    ]);
  });

  it("a flashcard self-grade reviews the card's concept: knew → Good, didn't → Again", async () => {
    const kb = makeKnowledgeBase({
      network: [
        {
          names: ['TCP'],
          statements: ['연결을 맺고 순서와 도착을 보장하는 전송 계층 프로토콜이다.'],
          flashcards: [{ question: 'TCP 3-way handshake의 세 단계는?', answer: 'SYN, SYN-ACK, ACK' }],
        },
        ...fillerConcepts(),
      ],
    });
    const { runner, store, clock } = await createRunner({ kb });
    const card = (await runner.drawFlashcard(guildId, channelId, 'u1'))!;

    await runner.gradeFlashcard(guildId, 'u1', card.key, 'didnt');
    clock.advance(day);
    await runner.gradeFlashcard(guildId, 'u1', card.key, 'knew');

    const reviews = await store.listMemberReviews(guildId, 'u1');
    expect(reviews.map((review) => [review.conceptId, review.source, review.rating])).toEqual([
      ['network/tcp', 'flashcard', 'again'],
      ['network/tcp', 'flashcard', 'good'],
    ]);
    expect(reviews[1]!.stateBefore).toEqual(reviews[0]!.stateAfter);
  });
});

describe("the team's weakest concept first", () => {
  it("the next post asks the concept the channel's active members have not learned, and the same history gives the same post", async () => {
    const posts: string[] = [];
    for (let attempt = 0; attempt < 2; attempt++) {
      const { runner, store, clock, question, gateway } = await postMondayQuestion();
      // Two active members answer Monday's post; between them they have learned every concept but one.
      await runner.answer(question.id, 'u1', 'Mina', question.answer);
      await runner.answer(question.id, 'u2', 'Jun', question.answer);
      const scope = runner.scopeFor(null);
      const forgotten = scope.find((id) => id !== question.conceptId && id !== scope[0]) ?? scope[1]!;
      for (const conceptId of scope.filter((id) => id !== forgotten && id !== question.conceptId)) {
        for (const userId of ['u1', 'u2'])
          await reviewMemory(store, { guildId, userId, conceptId, source: 'practice', rating: 'good', questionId: null, reviewedAt: clock.now() });
      }

      const tuesday = await runner.runSlot(guildId, channelId, tuesdaySlot);

      expect(tuesday.ok && tuesday.question.conceptId).toBe(forgotten);
      posts.push(gateway.posts.at(-1)!.question.prompt);
    }
    expect(posts[1]).toBe(posts[0]);
  });

  it('a member who has not answered the channel for 30 days does not count for the team', async () => {
    const askedOtherThanForgotten: boolean[] = [];
    // Several seeds: were u1 still counted, every one of them would post u1's one unlearned concept.
    for (const seed of [1, 2, 3, 4, 5]) {
      const { runner, store, clock } = await createRunner({ seed });
      await scheduleDefault(runner);
      const monday = await runner.runSlot(guildId, channelId, mondaySlot);
      if (!monday.ok) throw new Error(monday.reason);
      await runner.answer(monday.question.id, 'u1', 'Mina', monday.question.answer);
      const scope = runner.scopeFor(null);
      const forgotten = scope.find((id) => id !== monday.question.conceptId && id !== scope[0]) ?? scope[1]!;
      for (const conceptId of scope.filter((id) => id !== forgotten && id !== monday.question.conceptId)) {
        await reviewMemory(store, {
          guildId,
          userId: 'u1',
          conceptId,
          source: 'practice',
          rating: 'good',
          questionId: null,
          reviewedAt: clock.now(),
        });
      }
      const later = new Date(tuesdaySlot.getTime() + 40 * day);
      clock.set(later);

      const outcome = await runner.runSlot(guildId, channelId, later);

      if (outcome.ok) askedOtherThanForgotten.push(outcome.question.conceptId !== forgotten);
    }
    expect(askedOtherThanForgotten).toHaveLength(5);
    expect(askedOtherThanForgotten).toContain(true);
  });
});

describe("the member's confidence re-rates their answer", () => {
  it('a right answer then "guessed" becomes Again, from the state before the answer; "sure" then makes it Easy', async () => {
    const { runner, store, question } = await postMondayQuestion();
    await runner.answer(question.id, 'u1', 'Mina', question.answer);
    const answeredAt = (await store.listMemberReviews(guildId, 'u1'))[0]!.reviewedAt.getTime();

    const guessed = await runner.rateConfidence(question.id, 'u1', 'guessed');
    const afterGuess = (await store.getMemory({ guildId, userId: 'u1', conceptId: question.conceptId }))!.state;
    const sure = await runner.rateConfidence(question.id, 'u1', 'sure');

    expect(guessed).toMatchObject({ ok: true, review: { rating: 'again', confidence: 'guessed' } });
    expect(afterGuess).toEqual(reviewConcept(createMemoryState(answeredAt), 'again', answeredAt).state);
    expect(sure).toMatchObject({ ok: true, review: { rating: 'easy', confidence: 'sure' } });
    expect((await store.getMemory({ guildId, userId: 'u1', conceptId: question.conceptId }))!.state).toEqual(
      reviewConcept(createMemoryState(answeredAt), 'easy', answeredAt).state,
    );
    // Still one review: the confidence changes it, it does not add another.
    expect(await store.listMemberReviews(guildId, 'u1')).toHaveLength(1);
  });

  it('a wrong answer stays Again whatever the member felt', async () => {
    const { runner, store, question } = await postMondayQuestion();
    await runner.answer(question.id, 'u1', 'Mina', (question.answer + 1) % question.options.length);

    expect(await runner.rateConfidence(question.id, 'u1', 'sure')).toMatchObject({ ok: true, review: { rating: 'again', confidence: 'sure' } });
    expect((await store.getMemory({ guildId, userId: 'u1', conceptId: question.conceptId }))!.state.lapses).toBe(0);
  });

  it('is refused without an answer, after the reveal, for an unknown question, and once a later review built on it', async () => {
    const { runner, store, question, clock } = await postMondayQuestion();
    await runner.answer(question.id, 'u1', 'Mina', question.answer);
    await runner.answer(question.id, 'u2', 'Jun', question.answer);
    await reviewMemory(store, {
      guildId,
      userId: 'u2',
      conceptId: question.conceptId,
      source: 'practice',
      rating: 'good',
      questionId: null,
      reviewedAt: clock.now(),
    });

    expect(await runner.rateConfidence(question.id, 'u3', 'sure')).toEqual({ ok: false, reason: 'not-answered' });
    expect(await runner.rateConfidence('no-such-question', 'u1', 'sure')).toEqual({ ok: false, reason: 'unknown-question' });
    expect(await runner.rateConfidence(question.id, 'u2', 'guessed')).toEqual({ ok: false, reason: 'reviewed-since' });
    clock.set(tuesdaySlot);
    const before = await store.listMemberReviews(guildId, 'u1');
    expect(await runner.rateConfidence(question.id, 'u1', 'guessed')).toEqual({ ok: false, reason: 'closed' });
    expect(await store.listMemberReviews(guildId, 'u1')).toEqual(before);
  });
});
