import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Config } from '../config.js';
import type { KnowledgeBase } from '../kb/types.js';
import type { DailyReminders } from '../learning/daily-reminders.js';
import type { WeeklyReports } from '../learning/weekly-reports.js';
import type { Logger } from '../logger.js';
import type { Clock } from '../quiz/ports.js';
import type { QuizRunner } from '../quiz/quiz-runner.js';
import type { QuizScores } from '../quiz/scores.js';
import type { ConceptIndex } from '../search/concept-index.js';

/** What every command gets: the domain, already loaded. No store: commands ask the domain, which owns the rules. */
export interface BotContext {
  config: Config;
  logger: Logger;
  clock: Clock;
  kb: KnowledgeBase;
  index: ConceptIndex;
  quiz: QuizRunner;
  scores: QuizScores;
  /** `/quiz remind`: members' daily review DMs. */
  reminders: DailyReminders;
  /** `/quiz-admin report`: the weekly team report. */
  reports: WeeklyReports;
}

/**
 * One slash command, defined in exactly one file of `commands/`: the loader feeds both registration
 * (`data.toJSON()`) and the interaction router from the same object.
 */
export interface Command {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>;
  /**
   * Buttons whose custom id starts with `<command name>:`. They survive restarts because the id carries
   * everything needed, e.g. `explain:docker-kubernetes/container`, `quiz:answer:<questionId>:<choice>`.
   * `args` is the custom id split on `:` without the command name.
   */
  button?(interaction: ButtonInteraction, args: string[], context: BotContext): Promise<void>;
}

/** A mistake the user can fix: the error boundary replies with this message (already localized), ephemeral. */
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserFacingError';
  }
}

/**
 * Options that do not fit the command's definition (a crafted or broken payload): the member gets a short
 * "that input isn't valid" in their language, and the log gets `problem` at warn level, because Discord itself
 * never sends such a payload.
 */
export class InvalidInputError extends UserFacingError {
  constructor(
    message: string,
    readonly problem: string,
  ) {
    super(message);
    this.name = 'InvalidInputError';
  }
}
