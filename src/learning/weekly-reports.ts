// The weekly team report as a story: an admin points it at a channel, a cron tick (one per guild) collects the
// week from the store, renders the picture and posts it. A channel that refuses the post is logged and recorded
// on the schedule, never a crash, and the next week tries again (one post a week is far from Discord's limits
// on refused requests, so there is nothing to pause).
import { type Language, pickLocale } from '../i18n/locale.js';
import type { Logger } from '../logger.js';
import { nextRuns, validateSchedule, type CronProblem } from '../quiz/cron-schedule.js';
import { ChannelUnavailableError, RateLimitedError, type Clock } from '../quiz/ports.js';
import { SlotTicker } from '../quiz/slot-ticker.js';
import type { ScheduleProblem } from '../quiz/types.js';
import type { QuizStore } from '../quiz/quiz-store.js';
import type { LearningGateway } from './ports.js';
import { renderTeamReport } from './render-report.js';
import { defaultReportCron, type ReportSchedule } from './report-schedule.js';
import type { MemberChartData } from './report-data.js';
import { collectMemberChart, collectTeamReport, type ReportConcept } from './team-report.js';

export interface WeeklyReportsOptions {
  store: QuizStore;
  gateway: LearningGateway;
  clock: Clock;
  logger: Logger;
  /** The concepts the report names: the askable ones of the current notes, asked for at each post. */
  concepts: () => readonly ReportConcept[];
  /** Time zone of a guild that never set one (`DEFAULT_TIMEZONE`). */
  defaultTimezone: string;
  /** Shortest gap between two posts a report cron may have (the quiz schedules' rule). */
  minScheduleGapMs?: number;
}

export interface SetReportInput {
  guildId: string;
  channelId: string;
  cron?: string | undefined;
  language: Language;
  createdBy: string;
}

export type SetReportOutcome =
  | { ok: true; schedule: ReportSchedule; nextRuns: Date[] }
  | { ok: false; reason: 'invalid-cron'; cronProblem: CronProblem; example: string }
  | { ok: false; reason: 'unknown-channel' }
  | { ok: false; reason: 'missing-permissions'; missing: string[] };

export type ReportPostOutcome =
  | { ok: true; messageId: string; channelId: string }
  | { ok: false; reason: 'not-set' }
  | { ok: false; reason: 'problem'; channelId: string; problem: ScheduleProblem };

export class WeeklyReports {
  private readonly ticker: SlotTicker;
  private running = false;

  constructor(private readonly options: WeeklyReportsOptions) {
    this.ticker = new SlotTicker(options.logger);
  }

  /** Tick for every stored report schedule. */
  async start(): Promise<void> {
    this.running = true;
    const schedules = await this.options.store.listReportSchedules();
    // stop() may have come while the store answered.
    if (!this.running) return;
    for (const schedule of schedules) this.follow(schedule);
  }

  stop(): void {
    this.running = false;
    this.ticker.stopAll();
  }

  /** The guild's time zone: the one its quiz schedules were set in, else the bot's default. */
  async timezoneOf(guildId: string): Promise<string> {
    return (await this.options.store.getGuildTimezone(guildId)) ?? this.options.defaultTimezone;
  }

  /** `/quiz-admin report`: checked (cron, channel, permissions) before stored, so a report that is kept can post. */
  async setReport(input: SetReportInput): Promise<SetReportOutcome> {
    const { store, gateway, clock, logger } = this.options;
    const { guildId, channelId } = input;
    const cron = input.cron?.trim() || defaultReportCron;
    const timezone = await this.timezoneOf(guildId);
    const now = clock.now();
    const validation = validateSchedule(cron, timezone, now, this.options.minScheduleGapMs);
    if (!validation.ok) {
      // The guild's zone was checked when it was stored: a zone this runtime no longer knows is the operator's to fix.
      if (validation.field === 'timezone') throw new Error(`The time zone ${timezone} of guild ${guildId} is unknown to this runtime`);
      return { ok: false, reason: 'invalid-cron', cronProblem: validation.problem, example: defaultReportCron };
    }
    let missing: string[];
    try {
      missing = await gateway.findMissingReportPermissions(guildId, channelId);
    } catch (error) {
      if (!(error instanceof ChannelUnavailableError)) throw error;
      return { ok: false, reason: 'unknown-channel' };
    }
    if (missing.length > 0) return { ok: false, reason: 'missing-permissions', missing };
    const schedule = await store.saveReportSchedule({
      guildId,
      channelId,
      cron,
      timezone,
      language: input.language,
      createdBy: input.createdBy,
      createdAt: now,
    });
    this.follow(schedule);
    logger.info({ guildId, channelId, cron, timezone, createdBy: input.createdBy }, 'weekly report scheduled');
    return { ok: true, schedule, nextRuns: nextRuns(cron, timezone, now, 2) };
  }

  /** `/quiz-admin report-off`. False when the guild had no report. */
  async removeReport(guildId: string): Promise<boolean> {
    this.ticker.stop(guildId);
    const removed = await this.options.store.deleteReportSchedule(guildId);
    if (removed) this.options.logger.info({ guildId }, 'weekly report removed');
    return removed;
  }

  /** One member's recall of every concept now, for the chart under `/quiz stats`. */
  async collectMemberChart(guildId: string, userId: string): Promise<MemberChartData> {
    const { store, clock } = this.options;
    const timezone = await this.timezoneOf(guildId);
    return collectMemberChart({ store, concepts: this.options.concepts(), guildId, userId, timezone, now: clock.now() });
  }

  getReport(guildId: string): Promise<ReportSchedule | null> {
    return this.options.store.getReportSchedule(guildId);
  }

  /** Collect, render and post the guild's report now (a tick, or an admin asking). Never throws for a channel's problem. */
  async postReport(guildId: string): Promise<ReportPostOutcome> {
    const { store, gateway, clock, logger } = this.options;
    const schedule = await store.getReportSchedule(guildId);
    if (!schedule) return { ok: false, reason: 'not-set' };
    const { channelId } = schedule;
    const language = pickLocale(schedule.language);
    const now = clock.now();
    try {
      const data = await collectTeamReport({
        store,
        concepts: this.options.concepts(),
        guildId,
        teamName: gateway.teamNameOf(guildId) ?? guildId,
        timezone: await this.timezoneOf(guildId),
        now,
      });
      const png = renderTeamReport(data, language);
      const { messageId } = await gateway.postTeamReport({ guildId, channelId, language, data, png });
      await store.recordReportPosted(guildId, clock.now());
      logger.info({ guildId, channelId, messageId, bytes: png.length }, 'weekly report posted');
      return { ok: true, messageId, channelId };
    } catch (error) {
      const problem = toReportProblem(error);
      await store.recordReportProblem(guildId, problem, clock.now());
      if (error instanceof ChannelUnavailableError || error instanceof RateLimitedError) {
        logger.warn({ guildId, channelId, problem: problem.kind, reason: error.message }, 'weekly report not posted: the channel refused it');
      } else {
        logger.error({ err: error, guildId, channelId }, 'weekly report failed');
      }
      return { ok: false, reason: 'problem', channelId, problem };
    }
  }

  private follow(schedule: ReportSchedule): void {
    if (!this.running) return;
    const { guildId } = schedule;
    try {
      this.ticker.start(guildId, schedule.cron, schedule.timezone, async (scheduledFor) => {
        // The schedule may have changed or gone since this task started: the stored one decides.
        const current = await this.options.store.getReportSchedule(guildId);
        if (!current) {
          this.ticker.stop(guildId);
          return;
        }
        // A double trigger, or a second instance on the same database, finds this slot already posted.
        if (current.lastPostedAt && current.lastPostedAt.getTime() >= scheduledFor.getTime()) return;
        await this.postReport(guildId);
      });
    } catch (error) {
      this.options.logger.error({ err: error, guildId, cron: schedule.cron, timezone: schedule.timezone }, 'weekly report cannot tick');
    }
  }
}

function toReportProblem(error: unknown): ScheduleProblem {
  if (error instanceof RateLimitedError) return { kind: 'rate-limited', retryAfterMs: error.retryAfterMs };
  if (error instanceof ChannelUnavailableError) {
    return error.problem === 'missing-permissions'
      ? { kind: 'missing-permissions', permissions: [...error.missingPermissions] }
      : { kind: error.problem };
  }
  return { kind: 'post-failed', error: error instanceof Error ? error.message || error.name : String(error) };
}
