import cron, { type Logger as CronLogger, type ScheduledTask } from 'node-cron';
import type { Logger } from '../logger.js';

/**
 * One node-cron task per scheduled channel, keyed by `guildId/channelId`. Starting a key again replaces its
 * task, so a rescheduled channel never ticks twice. `onTick` gets the time the tick was scheduled for; it must
 * not throw (the runner catches everything), but a throw is logged here too rather than left to node-cron.
 */
export class SlotTicker {
  private readonly tasks = new Map<string, ScheduledTask>();

  constructor(private readonly logger: Logger) {}

  start(key: string, expression: string, timezone: string, onTick: (scheduledFor: Date) => Promise<void>): void {
    this.stop(key);
    const task = cron.schedule(
      expression,
      async (context) => {
        try {
          await onTick(context.date);
        } catch (error) {
          this.logger.error({ err: error, task: key }, 'quiz slot tick failed');
        }
      },
      {
        timezone,
        name: `quiz:${key}`,
        // Overlapping ticks stay allowed: each tick is its own slot (runSlot is idempotent per slot), and a
        // slow post must not make the next slot be skipped.
        noOverlap: false,
        logger: toCronLogger(this.logger.child({ task: key })),
      },
    );
    this.tasks.set(key, task);
  }

  stop(key: string): boolean {
    const task = this.tasks.get(key);
    if (!task) return false;
    this.tasks.delete(key);
    void Promise.resolve(task.destroy()).catch((error: unknown) => this.logger.warn({ err: error, task: key }, 'stopping a quiz cron task failed'));
    return true;
  }

  stopAll(): void {
    for (const key of [...this.tasks.keys()]) this.stop(key);
  }

  has(key: string): boolean {
    return this.tasks.has(key);
  }

  get size(): number {
    return this.tasks.size;
  }
}

/** node-cron logs to the console by default; route its warnings (missed executions) into our structured log. */
function toCronLogger(logger: Logger): CronLogger {
  return {
    info: (message) => logger.info(message),
    warn: (message) => logger.warn(message),
    error: (message, error) => logger.error({ err: error ?? message }, typeof message === 'string' ? message : 'node-cron error'),
    debug: (message, error) => logger.debug({ err: error }, typeof message === 'string' ? message : 'node-cron debug'),
  };
}
