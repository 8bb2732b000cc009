// The reminder service on a real store, with the platform side played by a recording gateway (the port, not our
// code): what is sent, to whom, and what a failed DM does.
import { describe, expect, it } from 'vitest';
import { DailyReminders } from '../../src/learning/daily-reminders.js';
import { reviewMemory } from '../../src/learning/member-memory.js';
import { DirectMessagesClosedError, type LearningGateway, type ReminderMessage } from '../../src/learning/ports.js';
import { createLogger } from '../../src/logger.js';
import type { QuizStore } from '../../src/quiz/quiz-store.js';
import { guildId, openTestStore } from '../store/store-test-kit.js';

const scope = ['alpha', 'bravo'];
// 08:31 in Seoul on 2 December 2026.
const morning = new Date('2026-12-01T23:31:00.000Z');

/** A platform whose DMs answer as told: delivered, closed, or a passing outage. */
class RecordingGateway implements LearningGateway {
  readonly sent: ReminderMessage[] = [];
  answer: 'deliver' | 'closed' | 'outage' = 'deliver';
  findMissingReportPermissions(): Promise<string[]> {
    return Promise.resolve([]);
  }
  teamNameOf(): string | undefined {
    return undefined;
  }
  postTeamReport(): Promise<{ messageId: string }> {
    return Promise.reject(new Error('not used here'));
  }
  sendReminder(message: ReminderMessage): Promise<void> {
    if (this.answer === 'closed') return Promise.reject(new DirectMessagesClosedError(message.userId));
    if (this.answer === 'outage') return Promise.reject(new Error('503 Service Unavailable'));
    this.sent.push(message);
    return Promise.resolve();
  }
}

async function arrange(now = { value: morning }) {
  const store = await openTestStore();
  const gateway = new RecordingGateway();
  const reminders = new DailyReminders({
    store,
    gateway,
    clock: { now: () => now.value },
    logger: createLogger('silent'),
    scope: () => scope,
    defaultTimezone: 'Asia/Seoul',
  });
  return { store, gateway, reminders, now };
}

async function forget(store: QuizStore, userId: string, conceptId: string): Promise<void> {
  const reviewedAt = new Date(morning.getTime() - 2 * 86_400_000);
  await reviewMemory(store, { guildId, userId, conceptId, source: 'practice', rating: 'again', questionId: null, reviewedAt });
}

describe('daily reminders', () => {
  it('counts only concepts seen and due in the scope, in the language the member turned them on in', async () => {
    const { store, gateway, reminders } = await arrange();
    await forget(store, 'u1', 'alpha');
    await forget(store, 'u1', 'bravo');
    await forget(store, 'u1', 'removed-from-notes');
    await reminders.turnOn(guildId, 'u1', 8 * 60, 'ko');

    await reminders.runDue();

    expect(gateway.sent).toEqual([{ guildId, userId: 'u1', language: 'ko', dueCount: 2 }]);
  });

  it('does not message a member with nothing seen yet: new concepts are not reviews', async () => {
    const { gateway, reminders } = await arrange();
    await reminders.turnOn(guildId, 'u1', 8 * 60, 'en');

    expect(await reminders.runDue()).toEqual([{ guildId, userId: 'u1', outcome: 'nothing-due' }]);
    expect(gateway.sent).toEqual([]);
  });

  it('tries again at the next tick after a passing failure, and sends once', async () => {
    const { store, gateway, reminders, now } = await arrange();
    await forget(store, 'u1', 'alpha');
    await reminders.turnOn(guildId, 'u1', null, 'en');
    gateway.answer = 'outage';

    expect(await reminders.runDue()).toEqual([expect.objectContaining({ outcome: 'failed' })]);
    gateway.answer = 'deliver';
    now.value = new Date(morning.getTime() + 60_000);
    await reminders.runDue();
    await reminders.runDue();

    expect(gateway.sent).toHaveLength(1);
    expect(await store.getReminder(guildId, 'u1')).toMatchObject({ enabled: true, handledDate: '2026-12-02' });
  });

  it('turns reminders off when DMs are closed and leaves the notice for the next command', async () => {
    const { store, gateway, reminders } = await arrange();
    await forget(store, 'u1', 'alpha');
    await reminders.turnOn(guildId, 'u1', null, 'en');
    gateway.answer = 'closed';

    await reminders.runDue();

    expect(await store.getReminder(guildId, 'u1')).toMatchObject({ enabled: false, offReason: 'dms-closed' });
    expect(await reminders.takeClosedDmsNotice(guildId, 'u1')).toBe(true);
    expect(await reminders.takeClosedDmsNotice(guildId, 'u1')).toBe(false);
  });
});
