import { describe, expect, it } from 'vitest';
import { scopeStoreToGuilds } from '../../src/quiz/guild-scoped-store.js';
import { hour, openTestStore, postQuestion } from '../store/store-test-kit.js';

const mine = '100000000000000001';
const theirs = '100000000000000002';
const at = new Date('2026-03-02T00:00:00Z');

async function storeWithTwoGuilds() {
  const store = await openTestStore();
  for (const guildId of [mine, theirs]) {
    const schedule = {
      guildId,
      channelId: `2000${guildId.slice(-1)}`,
      cron: '0 9 * * *',
      timezone: 'Asia/Seoul',
      noteId: null,
      closeAfterMinutes: null,
    };
    await store.saveSchedule({ ...schedule, createdBy: 'admin', createdAt: at });
    await store.saveReminder({ guildId, userId: 'u1', minuteOfDay: 540, language: null, at });
    await store.saveReportSchedule({
      guildId,
      channelId: schedule.channelId,
      cron: '0 9 * * 1',
      timezone: 'Asia/Seoul',
      language: 'ko',
      createdBy: 'admin',
      createdAt: at,
    });
    const posted = await postQuestion(store, { guild: guildId, channel: schedule.channelId, postedAt: at });
    await store.setQuestionMessage(posted.id, `3000${guildId.slice(-1)}`);
    await postQuestion(store, { guild: guildId, channel: schedule.channelId, postedAt: new Date(at.getTime() + 2 * hour) });
  }
  return { store, scoped: scopeStoreToGuilds(store, (guildId) => guildId === mine) };
}

describe('a store scoped to the guilds this process looks after', () => {
  it('finds work only in its own guilds: schedules, closes, reveals, unrecorded posts, reminders, reports', async () => {
    const { store, scoped } = await storeWithTwoGuilds();
    const later = new Date(at.getTime() + 10 * hour);

    expect((await scoped.listSchedules()).map((row) => row.guildId)).toEqual([mine]);
    expect((await scoped.listOverdueQuestions(later)).map((row) => row.guildId)).toEqual([mine, mine]);
    expect((await scoped.listOpenQuestions()).every((row) => row.guildId === mine)).toBe(true);
    expect((await scoped.listUnpostedQuestions()).map((row) => row.guildId)).toEqual([mine]);
    expect((await scoped.listEnabledReminders()).map((row) => row.guildId)).toEqual([mine]);
    expect((await scoped.listReportSchedules()).map((row) => row.guildId)).toEqual([mine]);
    // The unscoped store still sees both: nothing was filtered out of the data itself.
    expect(await store.listOverdueQuestions(later)).toHaveLength(4);
  });

  it("wakes for its own guilds' reveals only", async () => {
    const { store, scoped } = await storeWithTwoGuilds();
    const [theirsQuestion, mineQuestion] = [
      (await store.listOpenQuestions()).find((row) => row.guildId === theirs && row.messageId !== null)!,
      (await store.listOpenQuestions()).find((row) => row.guildId === mine && row.messageId !== null)!,
    ];
    await store.closeQuestion(theirsQuestion.id, new Date(at.getTime() + hour));
    expect(await scoped.getNextRevealDue()).toBeNull();
    expect(await scoped.listDueReveals(new Date(at.getTime() + 5 * hour))).toEqual([]);

    await store.closeQuestion(mineQuestion.id, new Date(at.getTime() + 3 * hour));
    expect(await scoped.getNextRevealDue()).toEqual(new Date(at.getTime() + 3 * hour));
    expect((await scoped.listDueReveals(new Date(at.getTime() + 5 * hour))).map((reveal) => reveal.question.id)).toEqual([mineQuestion.id]);
  });

  it('passes reads and writes by id through untouched', async () => {
    const { store, scoped } = await storeWithTwoGuilds();
    const question = (await store.listOpenQuestions()).find((row) => row.guildId === theirs)!;

    expect(await scoped.getQuestion(question.id)).toEqual(question);
    expect((await scoped.recordAnswer(question.id, 'u9', 'Nine', 0, new Date(at.getTime() + 60_000))).kind).toBe('recorded');
    expect((await store.getAnswer(question.id, 'u9'))?.choice).toBe(0);
    expect(await scoped.listSchedules(theirs)).toHaveLength(1);
  });
});
