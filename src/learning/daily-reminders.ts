// Daily review reminders as a story: a member opts in with a time, a ticker looks once a minute for members whose
// time has come today, and each of them gets one DM when a review is due. A member whose DMs are closed has
// reminders switched off (and is told at their next command); nobody who did not opt in is ever messaged.
//
// Why one ticker and not a node-cron task per member: one timer serves any number of members, there is no task to
// keep in step when a member changes their time or the guild its time zone, and a bot that was down at a member's
// time catches up later the same day by the same rule ("the time has come today and today is not handled yet").
import { pickLocale, type Language } from '../i18n/locale.js';
import type { Logger } from '../logger.js';
import type { Clock } from '../quiz/ports.js';
import type { QuizStore } from '../quiz/quiz-store.js';
import { isDue } from './memory-state.js';
import { DirectMessagesClosedError, type LearningGateway } from './ports.js';
import { defaultReminderMinute, isReminderDue, localDayAndMinute, type Reminder } from './reminder-rules.js';

export interface DailyRemindersOptions {
  store: QuizStore;
  gateway: LearningGateway;
  clock: Clock;
  logger: Logger;
  /** The concept ids reviews count in: the askable concepts of the current notes. */
  scope: () => readonly string[];
  /** Time zone of a guild that never set one (`DEFAULT_TIMEZONE`). */
  defaultTimezone: string;
  /** How often the ticker looks (default a minute, the precision members choose times in). */
  checkEveryMs?: number;
}

export type ReminderRunResult = { userId: string; guildId: string; outcome: 'sent' | 'nothing-due' | 'dms-closed' | 'failed' };

export class DailyReminders {
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<ReminderRunResult[]> | undefined;

  constructor(private readonly options: DailyRemindersOptions) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.runDue(), this.options.checkEveryMs ?? 60_000);
    // The ticker alone must not keep the process alive on shutdown.
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** `/quiz remind on [time]`: on at `minuteOfDay` (08:00 when none), in the guild's time zone. */
  async turnOn(guildId: string, userId: string, minuteOfDay: number | null, language: Language): Promise<{ reminder: Reminder; timezone: string }> {
    const reminder = await this.options.store.saveReminder({
      guildId,
      userId,
      minuteOfDay: minuteOfDay ?? defaultReminderMinute,
      language,
      at: this.options.clock.now(),
    });
    this.options.logger.info({ guildId, userId, minuteOfDay: reminder.minuteOfDay }, 'review reminder turned on');
    return { reminder, timezone: await this.timezoneOf(guildId) };
  }

  /** `/quiz remind off`. False when it was not on. */
  async turnOff(guildId: string, userId: string): Promise<boolean> {
    const changed = await this.options.store.turnOffReminder(guildId, userId, 'member', this.options.clock.now());
    if (changed) this.options.logger.info({ guildId, userId }, 'review reminder turned off');
    return changed;
  }

  /** True once, when closed DMs switched the member's reminders off and they have not been told yet. */
  takeClosedDmsNotice(guildId: string, userId: string): Promise<boolean> {
    return this.options.store.takeReminderNotice(guildId, userId);
  }

  async timezoneOf(guildId: string): Promise<string> {
    return (await this.options.store.getGuildTimezone(guildId)) ?? this.options.defaultTimezone;
  }

  /** Send every reminder whose time has come (the ticker calls this; tests call it with a set clock). One run at a time. */
  runDue(): Promise<ReminderRunResult[]> {
    this.checking ??= this.sendDueReminders().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async sendDueReminders(): Promise<ReminderRunResult[]> {
    const results: ReminderRunResult[] = [];
    try {
      const now = this.options.clock.now();
      for (const reminder of await this.options.store.listEnabledReminders()) {
        const timezone = await this.timezoneOf(reminder.guildId);
        if (!isReminderDue(reminder, timezone, now)) continue;
        results.push(await this.remind(reminder, localDayAndMinute(timezone, now).date, now));
      }
    } catch (error) {
      // A tick never throws: the interval would carry on with an unhandled rejection.
      this.options.logger.error({ err: error }, 'review reminders failed');
    }
    return results;
  }

  private async remind(reminder: Reminder, date: string, now: Date): Promise<ReminderRunResult> {
    const { store, gateway, logger } = this.options;
    const { guildId, userId } = reminder;
    // Claimed first: a second instance, or a slow run overlapping the next, finds the day handled and sends nothing.
    if (!(await store.claimReminderDay(guildId, userId, date))) return { guildId, userId, outcome: 'nothing-due' };
    const dueCount = await this.countDue(guildId, userId, now);
    if (dueCount === 0) return { guildId, userId, outcome: 'nothing-due' };
    try {
      await gateway.sendReminder({ guildId, userId, language: pickLocale(reminder.language), dueCount });
      await store.recordReminderSent(guildId, userId, this.options.clock.now());
      logger.info({ guildId, userId, dueCount }, 'review reminder sent');
      return { guildId, userId, outcome: 'sent' };
    } catch (error) {
      if (error instanceof DirectMessagesClosedError) {
        await store.turnOffReminder(guildId, userId, 'dms-closed', this.options.clock.now());
        logger.warn({ guildId, userId }, 'review reminder not sent: the member takes no direct messages; reminders turned off');
        return { guildId, userId, outcome: 'dms-closed' };
      }
      // A passing failure (5xx, a timeout): the next tick tries again today.
      await store.releaseReminderDay(guildId, userId, date, reminder.handledDate);
      logger.error({ err: error, guildId, userId }, 'review reminder failed');
      return { guildId, userId, outcome: 'failed' };
    }
  }

  /** Reviews waiting: concepts of the scope the member has seen and whose review time has come (new ones are not reviews). */
  private async countDue(guildId: string, userId: string, now: Date): Promise<number> {
    const scope = new Set(this.options.scope());
    return (await this.options.store.listMemberMemories(guildId, userId)).filter(
      (memory) => scope.has(memory.conceptId) && memory.state.phase !== 'new' && isDue(memory.state, now.getTime()),
    ).length;
  }
}
