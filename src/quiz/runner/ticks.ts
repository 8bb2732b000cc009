import type { Logger } from '../../logger.js';
import type { QuizStore } from '../quiz-store.js';
import { previousRun } from '../cron-schedule.js';
import type { Clock } from '../ports.js';
import { SlotTicker } from '../slot-ticker.js';
import type { Schedule } from '../types.js';
import { laterOf } from './close-times.js';
import type { Posting } from './posting.js';
import { channelKey } from './slot-keys.js';

export interface TicksOptions {
  store: QuizStore;
  clock: Clock;
  logger: Logger;
  posting: Posting;
  /** The runner's own switch: a schedule saved while the runner is stopped starts ticking at `start()`. */
  isRunning: () => boolean;
}

/** One cron task per scheduled channel; each tick posts the channel's slot. Owns the ticker's tasks. */
export class Ticks {
  private readonly store: QuizStore;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly posting: Posting;
  private readonly isRunning: () => boolean;
  private readonly ticker: SlotTicker;

  constructor(options: TicksOptions) {
    this.store = options.store;
    this.clock = options.clock;
    this.logger = options.logger;
    this.posting = options.posting;
    this.isRunning = options.isRunning;
    this.ticker = new SlotTicker(options.logger);
  }

  stop(guildId: string, channelId: string): void {
    this.ticker.stop(channelKey(guildId, channelId));
  }

  stopAll(): void {
    this.ticker.stopAll();
  }

  /** Tick for the schedule from now on (replacing its former task); nothing while the runner is stopped. */
  follow(schedule: Schedule): void {
    if (!this.isRunning()) return;
    const { guildId, channelId } = schedule;
    try {
      this.ticker.start(channelKey(guildId, channelId), schedule.cron, schedule.timezone, (scheduledFor) =>
        this.onTick(guildId, channelId, scheduledFor),
      );
    } catch (error) {
      this.logger.error({ err: error, guildId, channelId, cron: schedule.cron, timezone: schedule.timezone }, 'quiz schedule cannot tick');
    }
  }

  private async onTick(guildId: string, channelId: string, scheduledFor: Date): Promise<void> {
    try {
      const schedule = await this.store.getSchedule(guildId, channelId);
      if (!schedule) {
        this.stop(guildId, channelId);
        return;
      }
      // The slot is the time the tick was scheduled for, not when it ran: a late tick, a double trigger
      // and a second instance all compute the same slot, so the unique key on channel + slot holds.
      const slot = previousRun(schedule.cron, schedule.timezone, laterOf(scheduledFor, this.clock.now()));
      if (!slot) return;
      const outcome = await this.posting.runSlot(guildId, channelId, slot);
      if (!outcome.ok) this.logger.debug({ guildId, channelId, slot: slot.toISOString(), reason: outcome.reason }, 'quiz slot not posted');
    } catch (error) {
      // A tick never throws: one channel's failure must not reach node-cron or any other channel.
      this.logger.error({ err: error, guildId, channelId }, 'quiz slot failed');
    }
  }
}
