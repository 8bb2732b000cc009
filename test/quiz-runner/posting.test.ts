import { describe, expect, it } from 'vitest';
import { QuizRunner } from '../../src/quiz/quiz-runner.js';
import { silentLogger } from '../../src/logger.js';
import {
  adminId,
  channelId,
  createRunner,
  guildId,
  hour,
  loadNotes,
  minute,
  missingPermissions,
  mondaySlot,
  otherChannelId,
  scheduleDefault,
  ServerError,
  tuesdaySlot,
  unknownChannel,
} from './runner-test-kit.js';

describe('posting a scheduled slot', () => {
  it('posts one question keyed by the slot, open until the next slot', async () => {
    const { runner, gateway } = await createRunner();
    await scheduleDefault(runner);

    const outcome = await runner.runSlot(guildId, channelId, mondaySlot);

    expect(outcome.ok).toBe(true);
    expect(gateway.posts).toHaveLength(1);
    const posted = gateway.posts[0]!;
    expect(posted.question.slotKey).toBe(mondaySlot.toISOString());
    expect(posted.question.closesAt).toEqual(tuesdaySlot);
    expect(posted.concept.id).toBe(posted.question.conceptId);
    expect(outcome.ok && outcome.question.messageId).toBe(posted.messageId);
  });

  it('when the same slot fires twice at once and again later, the channel gets one post', async () => {
    const { runner, gateway } = await createRunner();
    await scheduleDefault(runner);

    const [first, second] = await Promise.all([runner.runSlot(guildId, channelId, mondaySlot), runner.runSlot(guildId, channelId, mondaySlot)]);
    const third = await runner.runSlot(guildId, channelId, mondaySlot);

    expect(gateway.posts).toHaveLength(1);
    const postedId = gateway.posts[0]!.question.id;
    for (const outcome of [first, second, third]) expect(outcome.ok && outcome.question.id).toBe(postedId);
  });

  it('when two runners share one database, a slot is posted once', async () => {
    const one = await createRunner();
    const two = await createRunner({ file: one.file, gateway: one.gateway, clock: one.clock });
    await scheduleDefault(one.runner);

    await Promise.all([one.runner.runSlot(guildId, channelId, mondaySlot), two.runner.runSlot(guildId, channelId, mondaySlot)]);
    const again = await two.runner.runSlot(guildId, channelId, mondaySlot);

    expect(one.gateway.posts).toHaveLength(1);
    expect(again.ok && again.question.messageId).toBe(one.gateway.posts[0]!.messageId);
  });

  it('the same seed and history draw the same question for a slot', async () => {
    const one = await createRunner();
    const two = await createRunner();
    await scheduleDefault(one.runner);
    await scheduleDefault(two.runner);

    await one.runner.runSlot(guildId, channelId, mondaySlot);
    await two.runner.runSlot(guildId, channelId, mondaySlot);

    const [a, b] = [one.gateway.posts[0]!.question, two.gateway.posts[0]!.question];
    expect({ conceptId: b.conceptId, prompt: b.prompt, options: b.options, answer: b.answer }).toEqual({
      conceptId: a.conceptId,
      prompt: a.prompt,
      options: a.options,
      answer: a.answer,
    });
  });

  it('no concept repeats in a channel until every concept in scope was asked', async () => {
    const { runner, gateway, clock } = await createRunner();
    await scheduleDefault(runner);
    const scope = runner.scopeFor(null);

    for (let day = 0; day < scope.length; day++) {
      const slot = new Date(mondaySlot.getTime() + day * 24 * hour);
      clock.set(slot);
      await runner.runSlot(guildId, channelId, slot);
    }

    const asked = gateway.posts.map((post) => post.question.conceptId);
    expect(scope.length).toBeGreaterThan(3);
    expect(asked).toHaveLength(scope.length);
    expect(new Set(asked)).toEqual(new Set(scope));
  });

  it("a channel limited to one note gets only that note's concepts", async () => {
    const { runner, gateway } = await createRunner();
    await scheduleDefault(runner, channelId, { noteId: 'docker-kubernetes' });

    await runner.runSlot(guildId, channelId, mondaySlot);

    expect(gateway.posts[0]!.concept.documentId).toBe('docker-kubernetes');
  });

  it('at the next slot the open question closes first and its result is shown with the tally', async () => {
    const { runner, gateway, clock } = await createRunner();
    await scheduleDefault(runner);
    const monday = await runner.runSlot(guildId, channelId, mondaySlot);
    if (!monday.ok) throw new Error(monday.reason);
    const { id, answer } = monday.question;
    const wrong = (answer + 1) % 4;
    clock.set(new Date(mondaySlot.getTime() + 5 * minute));
    await runner.answer(id, 'u1', 'Ada', answer);
    await runner.answer(id, 'u2', 'Linus', wrong);
    await runner.answer(id, 'u3', 'Grace', answer);

    clock.set(tuesdaySlot);
    await runner.runSlot(guildId, channelId, tuesdaySlot);

    expect(gateway.results).toHaveLength(1);
    const shown = gateway.results[0]!;
    expect(shown.question.id).toBe(id);
    expect(shown.question.status).toBe('closed');
    expect(shown.tally.participants).toBe(3);
    expect(shown.tally.counts[answer]).toBe(2);
    expect(shown.tally.counts[wrong]).toBe(1);
    expect(shown.tally.correct.map((member) => member.userName)).toEqual(['Ada', 'Grace']);
    expect(gateway.posts).toHaveLength(2);
  });
});

describe('when posting fails', () => {
  it('a 403 pauses only that channel, the problem shows in the list, and other channels still post', async () => {
    const { runner, gateway } = await createRunner();
    await scheduleDefault(runner, channelId);
    await scheduleDefault(runner, otherChannelId);
    gateway.failPosts(channelId, missingPermissions());

    const [broken, healthy] = await Promise.all([
      runner.runSlot(guildId, channelId, mondaySlot),
      runner.runSlot(guildId, otherChannelId, mondaySlot),
    ]);

    expect(broken).toMatchObject({ ok: false, reason: 'channel-problem' });
    expect(healthy.ok).toBe(true);
    expect(gateway.postsIn(otherChannelId)).toHaveLength(1);
    const listed = (await runner.listSchedules(guildId)).find((entry) => entry.schedule.channelId === channelId)!;
    expect(listed.schedule.paused).toBe(true);
    expect(listed.schedule.lastProblem).toEqual({ kind: 'missing-permissions', permissions: ['Send Messages'] });
    expect(listed.nextRun).toBeNull();
    expect(listed.openQuestion).toBeNull();
  });

  it('a paused channel is skipped at its next slot without asking Discord again', async () => {
    const { runner, gateway, clock } = await createRunner();
    await scheduleDefault(runner);
    gateway.failPosts(channelId, unknownChannel());
    await runner.runSlot(guildId, channelId, mondaySlot);

    clock.set(tuesdaySlot);
    const tuesday = await runner.runSlot(guildId, channelId, tuesdaySlot);

    expect(tuesday).toMatchObject({ ok: false, reason: 'channel-problem' });
    expect(gateway.posts).toHaveLength(0);
  });

  it('scheduling a paused channel again resumes it and the slot that failed can still be posted', async () => {
    const { runner, gateway } = await createRunner();
    await scheduleDefault(runner);
    gateway.failPosts(channelId, missingPermissions());
    await runner.runSlot(guildId, channelId, mondaySlot);

    await scheduleDefault(runner);
    const retried = await runner.runSlot(guildId, channelId, mondaySlot);

    expect(retried.ok).toBe(true);
    expect(gateway.posts).toHaveLength(1);
    expect((await runner.listSchedules(guildId))[0]!.schedule).toMatchObject({ paused: false, lastProblem: null });
  });

  it('a 5xx records the problem without pausing, and the next slot posts and clears it', async () => {
    const { runner, gateway, clock } = await createRunner();
    await scheduleDefault(runner);
    gateway.failPosts(channelId, new ServerError());

    const monday = await runner.runSlot(guildId, channelId, mondaySlot);
    const afterFailure = (await runner.listSchedules(guildId))[0]!;
    clock.set(tuesdaySlot);
    const tuesday = await runner.runSlot(guildId, channelId, tuesdaySlot);

    expect(monday).toMatchObject({ ok: false, reason: 'failed' });
    expect(afterFailure.schedule.paused).toBe(false);
    expect(afterFailure.schedule.lastProblem).toMatchObject({ kind: 'post-failed', error: expect.stringContaining('503') });
    expect(afterFailure.nextRun).toEqual(tuesdaySlot);
    expect(tuesday.ok).toBe(true);
    expect(gateway.posts.map((post) => post.question.slotKey)).toEqual([tuesdaySlot.toISOString()]);
    expect((await runner.listSchedules(guildId))[0]!.schedule.lastProblem).toBeNull();
  });
});

describe('posting now and revealing', () => {
  it('/quiz-admin now refuses while a question is open and points to reveal', async () => {
    const { runner, gateway } = await createRunner();
    await scheduleDefault(runner);
    const first = await runner.postNow(guildId, channelId);

    const second = await runner.postNow(guildId, channelId);

    expect(first.ok).toBe(true);
    expect(first.ok && first.question.slotKey).toMatch(/^manual:/);
    expect(first.ok && first.question.closesAt).toEqual(tuesdaySlot);
    expect(second).toMatchObject({ ok: false, reason: 'already-open' });
    expect(!second.ok && second.reason === 'already-open' && second.question.id).toBe(first.ok && first.question.id);
    expect(gateway.posts).toHaveLength(1);
  });

  it('when /quiz-admin now is asked twice at once, the channel gets one post and the other admin is told one is open', async () => {
    const { runner, gateway } = await createRunner();
    await scheduleDefault(runner);

    const outcomes = await Promise.all([runner.postNow(guildId, channelId), runner.postNow(guildId, channelId)]);

    expect(gateway.posts).toHaveLength(1);
    const posted = outcomes.find((outcome) => outcome.ok);
    const refused = outcomes.find((outcome) => !outcome.ok);
    expect(posted?.ok && posted.question.id).toBe(gateway.posts[0]!.question.id);
    expect(refused).toMatchObject({ ok: false, reason: 'already-open', question: { id: gateway.posts[0]!.question.id } });
  });

  it('when the close timer and /quiz-admin reveal close the same question at once, the result is shown once and scored once', async () => {
    const { runner, gateway, store, clock } = await createRunner();
    await scheduleDefault(runner);
    const posted = await runner.postNow(guildId, channelId);
    if (!posted.ok) throw new Error(posted.reason);
    await runner.answer(posted.question.id, 'u1', 'Ada', posted.question.answer);
    clock.advance(10 * minute);

    const [revealed, closed] = await Promise.all([runner.reveal(guildId, channelId), runner.closeQuestion(posted.question.id)]);

    expect(revealed?.question.status).toBe('closed');
    expect(closed?.question.status).toBe('closed');
    expect(gateway.results.map((result) => result.question.id)).toEqual([posted.question.id]);
    expect((await store.getMemberStats(guildId, 'u1')).points).toBe(1);
  });

  it('in a channel without a schedule, a question posted now closes after an hour', async () => {
    const { runner } = await createRunner();

    const outcome = await runner.postNow(guildId, otherChannelId);

    expect(outcome.ok && outcome.question.closesAt).toEqual(new Date(mondaySlot.getTime() + hour));
  });

  it('reveal closes the open question now and shows the result; a second reveal finds nothing open', async () => {
    const { runner, gateway, clock } = await createRunner();
    await scheduleDefault(runner);
    const posted = await runner.postNow(guildId, channelId);
    if (!posted.ok) throw new Error(posted.reason);
    await runner.answer(posted.question.id, 'u1', 'Ada', posted.question.answer);
    clock.advance(10 * minute);

    const closed = await runner.reveal(guildId, channelId);
    const again = await runner.reveal(guildId, channelId);

    expect(closed?.tally).toMatchObject({ participants: 1, correct: [{ userId: 'u1', userName: 'Ada' }] });
    expect(gateway.results.map((result) => result.question.id)).toEqual([posted.question.id]);
    expect(again).toBeNull();
    expect((await runner.answer(posted.question.id, 'u2', 'Linus', 0)).kind).toBe('closed');
  });

  it('/quiz-admin now in a paused channel tries anyway: a failure keeps the pause, a post that works resumes the schedule', async () => {
    const { runner, gateway, clock } = await createRunner();
    await scheduleDefault(runner);
    gateway.failPosts(channelId, missingPermissions(), missingPermissions());
    await runner.runSlot(guildId, channelId, mondaySlot);

    const stillBroken = await runner.postNow(guildId, channelId);
    const pausedAfterFailure = (await runner.listSchedules(guildId))[0]!;
    const fixed = await runner.postNow(guildId, channelId);
    const resumed = (await runner.listSchedules(guildId))[0]!;
    clock.set(tuesdaySlot);
    const tuesday = await runner.runSlot(guildId, channelId, tuesdaySlot);

    expect(stillBroken).toMatchObject({
      ok: false,
      reason: 'channel-problem',
      problem: { kind: 'missing-permissions', permissions: ['Send Messages'] },
    });
    expect(pausedAfterFailure.schedule.paused).toBe(true);
    expect(fixed).toMatchObject({ ok: true, resumed: true });
    expect(resumed.schedule).toMatchObject({ paused: false, lastProblem: null, cron: '0 9 * * 1-5', createdBy: adminId });
    expect(resumed.nextRun).toEqual(tuesdaySlot);
    expect(tuesday.ok).toBe(true);
    expect(gateway.posts).toHaveLength(2);
  });

  it("a post made now speaks the language the channel was scheduled in, or else the admin's who asked for it", async () => {
    const { runner, gateway } = await createRunner();
    await runner.scheduleChannel({ guildId, channelId, language: 'ko', createdBy: adminId });

    const scheduled = await runner.postNow(guildId, channelId, { language: 'en' });
    const unscheduled = await runner.postNow(guildId, otherChannelId, { language: 'en' });

    expect(scheduled.ok && scheduled.question.language).toBe('ko');
    expect(unscheduled.ok && unscheduled.question.language).toBe('en');
    expect(gateway.posts.map((post) => post.question.language)).toEqual(['ko', 'en']);
  });

  it('a choice that is not an option is refused and stores nothing', async () => {
    const { runner, store } = await createRunner();
    const posted = await runner.postNow(guildId, channelId);
    if (!posted.ok) throw new Error(posted.reason);

    const crafted = await runner.answer(posted.question.id, 'u1', 'Ada', 9);

    expect(crafted.kind).toBe('invalid-choice');
    expect((await store.getTally(posted.question.id)).participants).toBe(0);
  });

  it('when a member answers twice, the first answer stands', async () => {
    const { runner } = await createRunner();
    const posted = await runner.postNow(guildId, channelId);
    if (!posted.ok) throw new Error(posted.reason);

    const first = await runner.answer(posted.question.id, 'u1', 'Ada', 0);
    const second = await runner.answer(posted.question.id, 'u1', 'Ada', 1);

    expect(first.kind).toBe('recorded');
    expect(second.kind === 'already-answered' && second.answer.choice).toBe(0);
  });

  it('a practice question is stored for one member, never posted, and its answers do not score', async () => {
    const { runner, gateway, store } = await createRunner();

    const practice = await runner.createPractice(guildId, channelId, 'u1');
    if (!practice) throw new Error('no practice question');
    await runner.answer(practice.id, 'u1', 'Ada', practice.answer);
    await runner.closeQuestion(practice.id);

    expect(practice).toMatchObject({ practiceUserId: 'u1', messageId: null });
    expect(practice.slotKey).toMatch(/^practice:/);
    expect(gateway.posts).toHaveLength(0);
    expect(gateway.results).toHaveLength(0);
    expect((await store.getMemberStats(guildId, 'u1')).points).toBe(0);
  });

  it('many channels sharing one slot are all posted, a bounded number at a time', async () => {
    const { runner, gateway } = await createRunner({ maxRequestsInFlight: 3 });
    const channels = Array.from({ length: 12 }, (_, index) => `2100000000000000${String(index).padStart(2, '0')}`);
    for (const channel of channels) await scheduleDefault(runner, channel);

    const outcomes = await Promise.all(channels.map((channel) => runner.runSlot(guildId, channel, mondaySlot)));

    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    expect(new Set(gateway.posts.map((post) => post.question.channelId))).toEqual(new Set(channels));
    expect(gateway.mostPostsInFlight).toBe(3);
  });

  it('a note whose concepts cannot be asked gives no question instead of throwing', async () => {
    const kb = await loadNotes();
    const { store, gateway } = await createRunner();
    const runner = new QuizRunner({
      store,
      kb: {
        ...kb,
        concepts: [],
        getConcept: () => undefined,
        getDocument: kb.getDocument.bind(kb),
        documents: kb.documents,
        problems: [],
        docsDir: kb.docsDir,
      },
      gateway,
      logger: silentLogger,
      defaultTimezone: 'Asia/Seoul',
      graceMinutes: 30,
    });

    const outcome = await runner.postNow(guildId, channelId);

    expect(outcome).toMatchObject({ ok: false, reason: 'no-question' });
    expect(gateway.posts).toHaveLength(0);
  });
});
