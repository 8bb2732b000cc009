import { describe, expect, it } from 'vitest';
import { adminId, channelId, createRunner, guildId } from './runner-test-kit.js';

describe('cron ticks', () => {
  it('a real node-cron tick posts the question of the scheduled second, and it closes at the next one', async () => {
    // The real clock, because node-cron fires on wall time; no grace, so start() itself posts nothing late
    // (at most one post could come from it anyway: the second post proves a tick).
    const { runner, gateway } = await createRunner({ realTime: true, graceMinutes: 0 });
    const scheduled = await runner.scheduleChannel({ guildId, channelId, cron: '* * * * * *', timezone: 'UTC', createdBy: adminId });
    expect(scheduled.ok).toBe(true);

    await runner.start();
    await expect.poll(() => gateway.posts.length >= 2 && gateway.results.length >= 1, { timeout: 5_000, interval: 50 }).toBe(true);
    runner.stop();

    const first = gateway.posts[0]!.question;
    // The key is the slot the tick was scheduled for (a whole second), not the moment the tick ran.
    expect(first.slotKey).toMatch(/T\d{2}:\d{2}:\d{2}\.000Z$/);
    expect(first.closesAt.getTime() - new Date(first.slotKey).getTime()).toBe(1_000);
    expect(gateway.results[0]!.question.id).toBe(first.id);
    expect(new Set(gateway.posts.map((post) => post.question.slotKey)).size).toBe(gateway.posts.length);
  });
});
