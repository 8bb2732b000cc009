import { describe, expect, it } from 'vitest';
import { channelId, createRunner, guildId, minute, mondaySlot, otherChannelId, scheduleDefault, tuesdaySlot } from './runner-test-kit.js';
import type { GeneratedQuestion } from '../../src/quiz/types.js';

describe('after a restart', () => {
  it('questions that became overdue while the bot was down are closed at start and their results shown', async () => {
    const before = await createRunner();
    await scheduleDefault(before.runner);
    const posted = await before.runner.runSlot(guildId, channelId, mondaySlot);
    if (!posted.ok) throw new Error(posted.reason);
    await before.runner.answer(posted.question.id, 'u1', 'Ada', posted.question.answer);
    before.runner.stop();

    // Down from Monday until Tuesday 12:00 in Seoul: past the close, and Tuesday's slot is past the grace period.
    const clock = before.clock;
    clock.set(new Date(tuesdaySlot.getTime() + 3 * 60 * minute));
    const after = await createRunner({ file: before.file, clock });
    await after.runner.start();

    expect((await after.store.getQuestion(posted.question.id))?.status).toBe('closed');
    expect(after.gateway.results.map((result) => result.question.id)).toEqual([posted.question.id]);
    expect(after.gateway.results[0]!.tally.correct).toEqual([{ userId: 'u1', userName: 'Ada' }]);
    expect((await after.store.getMemberStats(guildId, 'u1')).points).toBe(1);
    expect(after.gateway.posts).toHaveLength(0);
  });

  it('a slot missed within the grace period is posted late', async () => {
    const before = await createRunner();
    await scheduleDefault(before.runner);
    before.clock.set(new Date(mondaySlot.getTime() + 20 * minute));

    const after = await createRunner({ file: before.file, clock: before.clock });
    await after.runner.start();

    expect(after.gateway.posts.map((post) => post.question.slotKey)).toEqual([mondaySlot.toISOString()]);
    expect(after.gateway.posts[0]!.question.closesAt).toEqual(tuesdaySlot);
  });

  it('a slot missed by more than the grace period is not posted; the next slot is awaited', async () => {
    const before = await createRunner();
    await scheduleDefault(before.runner);
    before.clock.set(new Date(mondaySlot.getTime() + 31 * minute));

    const after = await createRunner({ file: before.file, clock: before.clock });
    await after.runner.start();

    expect(after.gateway.posts).toHaveLength(0);
    expect((await after.runner.listSchedules(guildId))[0]!.nextRun).toEqual(tuesdaySlot);
  });

  it('a slot posted before the restart is not posted again', async () => {
    const before = await createRunner();
    await scheduleDefault(before.runner);
    await before.runner.runSlot(guildId, channelId, mondaySlot);
    before.runner.stop();
    before.clock.advance(10 * minute);

    const after = await createRunner({ file: before.file, clock: before.clock });
    await after.runner.start();

    expect(before.gateway.posts).toHaveLength(1);
    expect(after.gateway.posts).toHaveLength(0);
  });

  it('a question stored but never posted before a crash is posted at start, once', async () => {
    const before = await createRunner();
    await scheduleDefault(before.runner);
    const stranded = await strandQuestion(before.store, channelId);
    before.clock.advance(2 * minute);

    const after = await createRunner({ file: before.file, clock: before.clock });
    await after.runner.start();
    await after.runner.runSlot(guildId, channelId, mondaySlot);

    expect(after.gateway.posts.map((post) => post.question.id)).toEqual([stranded.id]);
    expect((await after.store.getQuestion(stranded.id))?.messageId).toBe(after.gateway.posts[0]!.messageId);
  });

  it('answers after a restart are still accepted, and the close happens on time', async () => {
    const before = await createRunner();
    await scheduleDefault(before.runner);
    await scheduleDefault(before.runner, otherChannelId);
    const posted = await before.runner.runSlot(guildId, channelId, mondaySlot);
    if (!posted.ok) throw new Error(posted.reason);
    await before.runner.answer(posted.question.id, 'u1', 'Ada', posted.question.answer);
    before.runner.stop();
    await before.store.close();

    before.clock.advance(40 * minute);
    const after = await createRunner({ file: before.file, clock: before.clock });
    await after.runner.start();
    const late = await after.runner.answer(posted.question.id, 'u2', 'Linus', (posted.question.answer + 1) % 4);
    const again = await after.runner.answer(posted.question.id, 'u1', 'Ada', (posted.question.answer + 1) % 4);
    after.clock.set(tuesdaySlot);
    await after.runner.runSlot(guildId, channelId, tuesdaySlot);

    expect(late.kind).toBe('recorded');
    expect(again.kind).toBe('already-answered');
    const shown = after.gateway.results.find((result) => result.question.id === posted.question.id);
    expect(shown?.tally).toMatchObject({ participants: 2, correct: [{ userId: 'u1', userName: 'Ada' }] });
    expect((await after.store.getMemberStats(guildId, 'u1')).streak).toBe(1);
    expect((await after.store.getMemberStats(guildId, 'u2')).points).toBe(0);
  });
});

/** What a crash between storing and posting leaves behind: the slot's question without a message. */
async function strandQuestion(store: import('../../src/store/sqlite-quiz-store.js').SqliteQuizStore, channel: string) {
  const question: GeneratedQuestion = {
    conceptId: 'docker-kubernetes/container',
    kind: 'which-concept',
    prompt: 'Which concept isolates a process with its own file system and network?',
    options: ['컨테이너 (Container)', '커널 (Kernel)', '도커 (Docker)', '인스턴스 (Instance)'],
    answer: 0,
  };
  return (
    await store.createQuestion({
      guildId,
      channelId: channel,
      slotKey: mondaySlot.toISOString(),
      question,
      createdAt: mondaySlot,
      closesAt: tuesdaySlot,
    })
  ).question;
}
