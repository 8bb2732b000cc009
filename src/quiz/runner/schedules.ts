import type { KnowledgeBase } from '../../kb/types.js';
import type { Logger } from '../../logger.js';
import type { QuizStore } from '../quiz-store.js';
import { closeAfterMinutesRange, isValidCloseAfterMinutes } from '../close-after.js';
import { nextRuns, validateSchedule } from '../cron-schedule.js';
import { ChannelUnavailableError, type Clock, type QuizChannelGateway } from '../ports.js';
import { attempt, type CloseTimes } from './close-times.js';
import type { ScheduleChannelInput, ScheduleListing, ScheduleOutcome } from './outcomes.js';
import type { Ticks } from './ticks.js';

/** 09:00 Monday to Friday. */
export const defaultCron = '0 9 * * 1-5';
const defaultTimezoneExample = 'Asia/Seoul';

export interface SchedulesOptions {
  store: QuizStore;
  kb: KnowledgeBase;
  gateway: QuizChannelGateway;
  clock: Clock;
  logger: Logger;
  /** Time zone of a schedule that names none (`DEFAULT_TIMEZONE`). */
  defaultTimezone: string;
  /** Shortest gap between two posts a schedule may have. */
  minScheduleGapMs: number;
  closeTimes: CloseTimes;
  ticks: Ticks;
}

/** Which channels get questions and when: checked before stored, so a schedule that is kept can post. */
export class Schedules {
  private readonly store: QuizStore;
  private readonly kb: KnowledgeBase;
  private readonly gateway: QuizChannelGateway;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly defaultTimezone: string;
  private readonly minScheduleGapMs: number;
  private readonly closeTimes: CloseTimes;
  private readonly ticks: Ticks;

  constructor(options: SchedulesOptions) {
    this.store = options.store;
    this.kb = options.kb;
    this.gateway = options.gateway;
    this.clock = options.clock;
    this.logger = options.logger;
    this.defaultTimezone = options.defaultTimezone;
    this.minScheduleGapMs = options.minScheduleGapMs;
    this.closeTimes = options.closeTimes;
    this.ticks = options.ticks;
  }

  async scheduleChannel(input: ScheduleChannelInput): Promise<ScheduleOutcome> {
    const { guildId, channelId } = input;
    const cron = input.cron?.trim() || defaultCron;
    const timezone = input.timezone?.trim() || this.defaultTimezone;
    const noteId = input.noteId?.trim() || null;

    const now = this.clock.now();
    // validateSchedule's messages already carry an example to copy.
    const validation = validateSchedule(cron, timezone, now, this.minScheduleGapMs);
    if (!validation.ok) {
      return validation.field === 'cron'
        ? { ok: false, reason: 'invalid-cron', cronProblem: validation.problem, example: defaultCron }
        : { ok: false, reason: 'invalid-timezone', example: defaultTimezoneExample };
    }
    // The command checks this too; the runner guards its own store, because a huge value breaks every later post.
    const closeAfterMinutes = input.closeAfterMinutes ?? null;
    if (closeAfterMinutes !== null && !isValidCloseAfterMinutes(closeAfterMinutes)) {
      const { min, max } = closeAfterMinutesRange;
      return { ok: false, reason: 'invalid-close-after', minutes: closeAfterMinutes, min, max };
    }
    if (noteId !== null && !this.kb.getDocument(noteId)) {
      return { ok: false, reason: 'unknown-note', noteId, knownNotes: this.kb.documents.map((document) => document.id) };
    }

    let missing: string[];
    try {
      missing = await this.gateway.findMissingPermissions(guildId, channelId);
    } catch (error) {
      if (!(error instanceof ChannelUnavailableError)) throw error;
      return { ok: false, reason: 'unknown-channel' };
    }
    if (missing.length > 0) {
      return { ok: false, reason: 'missing-permissions', missing };
    }

    // Saving again also resumes a schedule paused after a 403/404: the admin has just fixed the channel.
    const schedule = await this.store.saveSchedule({
      guildId,
      channelId,
      cron,
      timezone,
      noteId,
      closeAfterMinutes,
      language: input.language ?? null,
      createdBy: input.createdBy,
      createdAt: now,
    });
    // Leaderboard weeks and months follow the zone the guild's admins schedule in.
    await this.store.setGuildTimezone(guildId, timezone);
    this.ticks.follow(schedule);
    this.logger.info({ guildId, channelId, cron, timezone, noteId, createdBy: input.createdBy }, 'quiz channel scheduled');
    return { ok: true, schedule, nextRuns: nextRuns(cron, timezone, now, 3) };
  }

  /** Stop posting in a channel; its open question still closes on time. */
  async unscheduleChannel(guildId: string, channelId: string): Promise<boolean> {
    this.ticks.stop(guildId, channelId);
    const removed = await this.store.deleteSchedule(guildId, channelId);
    if (removed) this.logger.info({ guildId, channelId }, 'quiz channel unscheduled');
    return removed;
  }

  async listSchedules(guildId: string): Promise<ScheduleListing[]> {
    const now = this.clock.now();
    const listings: ScheduleListing[] = [];
    for (const schedule of await this.store.listSchedules(guildId)) {
      listings.push({
        schedule,
        nextRun: schedule.paused ? null : (attempt(() => nextRuns(schedule.cron, schedule.timezone, now, 1)[0]) ?? null),
        openQuestion: await this.store.getOpenQuestion(guildId, schedule.channelId),
        unrevealed: await this.store.getPendingReveal(guildId, schedule.channelId),
        closeAfterMinutes: this.closeTimes.closeAfterMinutesFor(schedule),
      });
    }
    return listings;
  }
}
