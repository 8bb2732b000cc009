import type { Language } from '../i18n/locale.js';
import type { TeamReportData } from './report-data.js';

/** The weekly report, ready to post: the data (for the summary and the screen-reader text) and the rendered image. */
export interface TeamReportPost {
  guildId: string;
  channelId: string;
  language: Language;
  data: TeamReportData;
  png: Buffer;
}

/** A daily reminder, ready to send: the member and how many reviews wait for them in the guild. */
export interface ReminderMessage {
  guildId: string;
  userId: string;
  language: Language;
  dueCount: number;
}

/**
 * What reminders and the weekly report need from the chat platform; the Discord adapter implements it. Channel
 * problems throw the quiz's `ChannelUnavailableError`; a member who takes no direct messages throws
 * `DirectMessagesClosedError`; anything else is transient.
 */
export interface LearningGateway {
  /** Missing permissions for posting the report image (empty = can post). Throws ChannelUnavailableError for an unknown channel. */
  findMissingReportPermissions(guildId: string, channelId: string): Promise<string[]>;
  /** The team's name on the report (the server's name), or undefined when the platform does not know it. */
  teamNameOf(guildId: string): string | undefined;
  postTeamReport(post: TeamReportPost): Promise<{ messageId: string }>;
  sendReminder(message: ReminderMessage): Promise<void>;
}

/** The member does not take direct messages from the bot (privacy settings, a block): reminders must stop. */
export class DirectMessagesClosedError extends Error {
  constructor(readonly userId: string) {
    super(`Cannot send direct messages to ${userId}`);
    this.name = 'DirectMessagesClosedError';
  }
}
