// Faults where Discord did something the bot never heard about, or keeps refusing for a long time: one question
// still makes one post, and what the admin reads stays true.
import { describe, expect, it } from 'vitest';
import { ChannelUnavailableError, RateLimitedError } from '../../src/quiz/ports.js';
import type { GeneratedQuestion } from '../../src/quiz/types.js';
import type { SqliteQuizStore } from '../../src/store/sqlite-quiz-store.js';
import {
  channelId,
  createRunner,
  guildId,
  hour,
  loadNotes,
  minute,
  mondaySlot,
  scheduleDefault,
  ServerError,
  tuesdaySlot,
} from './runner-test-kit.js';

/** Discord's answer never reached the bot: the request timed out after the message was made. */
class LostAnswer extends Error {
  constructor() {
    super('Request aborted');
    this.name = 'AbortError';
  }
}

async function postedSlot(runner: Awaited<ReturnType<typeof createRunner>>['runner']) {
  const posted = await runner.runSlot(guildId, channelId, mondaySlot);
  if (!posted.ok) throw new Error(posted.reason);
  return posted.question;
}

describe('one question, one post', () => {
  it('when Discord made the post but answered 5xx, the post is adopted, not repeated, and is revealed at its close', async () => {
    const { runner, gateway, store, clock } = await createRunner();
    await scheduleDefault(runner);
    gateway.loseAnswers(channelId, new ServerError());

    const outcome = await runner.runSlot(guildId, channelId, mondaySlot);
    clock.set(tuesdaySlot);
    await runner.closeDueQuestions();

    expect(gateway.posts).toHaveLength(1);
    expect(outcome).toMatchObject({ ok: true, question: { messageId: gateway.posts[0]!.messageId } });
    expect(await store.getQuestion(gateway.posts[0]!.question.id)).toMatchObject({ messageId: gateway.posts[0]!.messageId, status: 'closed' });
    expect(gateway.results.map((result) => result.question.messageId)).toEqual([gateway.posts[0]!.messageId]);
    expect((await store.getSchedule(guildId, channelId))?.lastProblem).toBeNull();
  });

  it('when the answer to /quiz-admin now is lost after Discord made the post, the admin is told it was posted', async () => {
    const { runner, gateway } = await createRunner();
    gateway.loseAnswers(channelId, new LostAnswer());

    const outcome = await runner.postNow(guildId, channelId);

    expect(gateway.posts).toHaveLength(1);
    expect(outcome).toMatchObject({ ok: true, question: { messageId: gateway.posts[0]!.messageId } });
  });

  it('a post a crash left unrecorded is adopted at start-up and never posted again', async () => {
    const before = await createRunner();
    await scheduleDefault(before.runner);
    const stranded = await strandQuestion(before.store, mondaySlot.toISOString());
    const kb = await loadNotes();
    const madeId = before.gateway.recordPostMadeBeforeCrash(stranded, kb.getConcept(stranded.conceptId)!);
    before.clock.advance(2 * minute);

    const after = await createRunner({ file: before.file, clock: before.clock, gateway: before.gateway });
    await after.runner.start();
    const again = await after.runner.runSlot(guildId, channelId, mondaySlot);

    expect(before.gateway.posts).toHaveLength(1);
    expect((await after.store.getQuestion(stranded.id))?.messageId).toBe(madeId);
    expect(again).toMatchObject({ ok: true, question: { id: stranded.id, messageId: madeId } });
  });

  it('a question posted now that a crash kept from going out is dropped at start-up, so the channel is free again', async () => {
    const before = await createRunner();
    const stranded = await strandQuestion(before.store, 'manual:crashed');

    const after = await createRunner({ file: before.file, clock: before.clock, gateway: before.gateway });
    await after.runner.start();
    const next = await after.runner.postNow(guildId, channelId);

    expect(await after.store.getQuestion(stranded.id)).toBeNull();
    expect(next.ok).toBe(true);
    expect(before.gateway.posts.map((post) => post.question.id)).toEqual([next.ok ? next.question.id : 'none']);
  });

  it('when the lookup itself fails at start-up, a scheduled slot is still posted by the catch-up, once', async () => {
    const before = await createRunner();
    await scheduleDefault(before.runner);
    const stranded = await strandQuestion(before.store, mondaySlot.toISOString());
    before.gateway.failLookups(new ServerError());
    before.clock.advance(2 * minute);

    const after = await createRunner({ file: before.file, clock: before.clock, gateway: before.gateway });
    await after.runner.start();

    expect(before.gateway.posts.map((post) => post.question.id)).toEqual([stranded.id]);
  });
});

describe('a long rate limit', () => {
  it('answers at once with the wait, leaves nothing stored or posted, and the next slot posts', async () => {
    const { runner, gateway, store, clock } = await createRunner();
    await scheduleDefault(runner);
    gateway.failPosts(channelId, new RateLimitedError(3_600_050));

    const limited = await runner.postNow(guildId, channelId);
    clock.set(tuesdaySlot);
    const next = await runner.runSlot(guildId, channelId, tuesdaySlot);

    expect(limited).toMatchObject({ ok: false, reason: 'rate-limited', retryAfterMs: 3_600_050 });
    expect(gateway.lookups).toBe(0); // a 429 made nothing: there is nothing to look for
    expect(next.ok).toBe(true);
    expect(gateway.posts.map((post) => post.question.slotKey)).toEqual([tuesdaySlot.toISOString()]);
    expect(await store.getSchedule(guildId, channelId)).toMatchObject({ paused: false, lastProblem: null });
  });

  it("refusing a scheduled slot records the wait as the channel's last problem without pausing it", async () => {
    const { runner, gateway, store } = await createRunner();
    await scheduleDefault(runner);
    gateway.failPosts(channelId, new RateLimitedError(600_000));

    const outcome = await runner.runSlot(guildId, channelId, mondaySlot);

    expect(outcome).toMatchObject({ ok: false, reason: 'rate-limited' });
    expect(await store.getLatestQuestion(guildId, channelId)).toBeNull();
    expect(await store.getSchedule(guildId, channelId)).toMatchObject({
      paused: false,
      lastProblem: { kind: 'rate-limited', retryAfterMs: 600_000 },
    });
  });
});

describe('a reveal edit that keeps failing', () => {
  it('is retried 1, 2, 4 … minutes apart, at most an hour, and the list shows the stale post until the edit lands', async () => {
    const { runner, gateway, clock } = await createRunner();
    await scheduleDefault(runner);
    await runner.start();
    const question = await postedSlot(runner);
    gateway.failResults(...Array.from({ length: 8 }, () => new ServerError()));

    const closed = await runner.reveal(guildId, channelId);
    const gaps: number[] = [];
    const listedWhilePending: (string | undefined)[] = [];
    let previous = clock.now().getTime();
    for (let attempt = 0; attempt < 20 && gateway.results.length === 0; attempt += 1) {
      const pending = (await runner.listSchedules(guildId))[0]?.unrevealed;
      if (!pending) throw new Error('no reveal is pending but none was shown');
      listedWhilePending.push(pending.question.messageId ?? undefined);
      gaps.push((pending.dueAt.getTime() - previous) / minute);
      previous = pending.dueAt.getTime();
      clock.set(pending.dueAt);
      await runner.retryDueReveals();
    }

    expect(closed?.question.status).toBe('closed');
    expect(gaps).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    expect(new Set(listedWhilePending)).toEqual(new Set([question.messageId]));
    expect(gateway.results.map((result) => result.question.id)).toEqual([question.id]);
    expect((await runner.listSchedules(guildId))[0]?.unrevealed).toBeNull();
  });

  it('a reveal still owed when the bot stopped is shown by the next instance at start-up, due or not', async () => {
    const before = await createRunner();
    await scheduleDefault(before.runner);
    const question = await postedSlot(before.runner);
    before.gateway.failResults(new ServerError());
    await before.runner.reveal(guildId, channelId);
    before.runner.stop();
    await before.runner.waitForIdle();

    // Restarted at once, before the first retry is due: the start-up tries every owed reveal.
    const after = await createRunner({ file: before.file, clock: before.clock });
    await after.runner.start();

    expect(before.gateway.results).toHaveLength(0);
    expect(after.gateway.results.map((result) => result.question.id)).toEqual([question.id]);
    expect(await after.store.getPendingReveal(guildId, channelId)).toBeNull();
  });

  it("gives up after a day: the close stands and the channel's last problem says the reveal failed", async () => {
    const { runner, gateway, clock, store } = await createRunner();
    await scheduleDefault(runner);
    await postedSlot(runner);
    gateway.failResults(...Array.from({ length: 40 }, () => new ServerError()));

    await runner.reveal(guildId, channelId);
    let tries = 1;
    for (let pending = await store.getPendingReveal(guildId, channelId); pending; pending = await store.getPendingReveal(guildId, channelId)) {
      clock.set(pending.dueAt);
      await runner.retryDueReveals();
      tries += 1;
    }

    // 1+2+4+8+16+32 = 63 minutes, then hourly: 6 + 22 retries fit into the day after the first try.
    expect(tries).toBe(29);
    expect(clock.now().getTime() - mondaySlot.getTime()).toBeLessThanOrEqual(24 * hour);
    expect(gateway.results).toHaveLength(0);
    expect((await store.getSchedule(guildId, channelId))?.lastProblem).toMatchObject({ kind: 'reveal-failed', error: expect.any(String) });
  });

  it('a reveal edit refused by a long rate limit waits for the limit, not the shorter backoff', async () => {
    const { runner, gateway, store, clock } = await createRunner();
    await scheduleDefault(runner);
    await postedSlot(runner);
    gateway.failResults(new RateLimitedError(20 * minute));

    await runner.reveal(guildId, channelId);

    expect((await store.getPendingReveal(guildId, channelId))?.dueAt).toEqual(new Date(clock.now().getTime() + 20 * minute));
  });

  it('a deleted post is not retried', async () => {
    const { runner, gateway, store } = await createRunner();
    await scheduleDefault(runner);
    await postedSlot(runner);
    gateway.failResults(new ChannelUnavailableError('unknown-message', 'Unknown Message: the quiz post was deleted'));

    await runner.reveal(guildId, channelId);

    expect(await store.getPendingReveal(guildId, channelId)).toBeNull();
    expect(await store.getNextRevealDue()).toBeNull();
  });
});

async function strandQuestion(store: SqliteQuizStore, slotKey: string) {
  const question: GeneratedQuestion = {
    conceptId: 'docker-kubernetes/container',
    kind: 'which-concept',
    prompt: 'Which concept isolates a process with its own file system and network?',
    options: ['컨테이너 (Container)', '커널 (Kernel)', '도커 (Docker)', '인스턴스 (Instance)'],
    answer: 0,
  };
  return (await store.createQuestion({ guildId, channelId, slotKey, question, createdAt: mondaySlot, closesAt: tuesdaySlot })).question;
}
