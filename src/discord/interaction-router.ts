import { type AutocompleteInteraction, type Interaction, MessageFlags, type RepliableInteraction } from 'discord.js';
import { messagesFor } from '../i18n/locale.js';
import type { Logger } from '../logger.js';
import { type BotContext, type Command, InvalidInputError, UserFacingError } from './command.js';
import { noMentions } from './discord-limits.js';
import { languageOf } from './member-language.js';
import { tellIfRemindersStopped } from './reminder-notice.js';
import { findOptionProblem } from './validate-options.js';

/** Never rejects: every failure is answered or logged here, so the client's event loop never sees one. */
export type InteractionRouter = (interaction: Interaction) => Promise<void>;

/** How an interaction ended: answered, refused as the user's mistake or as options that do not fit, or failed. */
export type InteractionOutcome = 'ok' | 'user-error' | 'invalid-input' | 'failed';

/** Told once per routed interaction, after it was answered (the bot's metrics). */
export type InteractionObserver = (interaction: Interaction, outcome: InteractionOutcome) => void;

function outcomeOf(error: unknown): InteractionOutcome {
  if (error instanceof InvalidInputError) return 'invalid-input';
  return error instanceof UserFacingError ? 'user-error' : 'failed';
}

interface InteractionScope {
  command: string | undefined;
  customId: string | undefined;
  guildId: string | null;
  userId: string;
}

function describeInteraction(interaction: Interaction): InteractionScope {
  return {
    command: interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : undefined,
    customId: interaction.isMessageComponent() ? interaction.customId : undefined,
    guildId: interaction.guildId,
    userId: interaction.user.id,
  };
}

/**
 * The one error boundary. A `UserFacingError` is a mistake the user can fix: its (already localized)
 * message goes back ephemerally. Anything else is a bug or an outage: logged with its context, and the
 * user gets a short apology in their language, never a stack trace.
 */
async function answerFailure(interaction: RepliableInteraction, error: unknown, scope: InteractionScope, logger: Logger): Promise<void> {
  const userFacing = error instanceof UserFacingError;
  if (error instanceof InvalidInputError)
    logger.warn({ ...scope, problem: error.problem }, 'interaction refused: its options do not fit the command');
  else if (userFacing) logger.info({ ...scope, reason: error.message }, 'interaction refused');
  else logger.error({ err: error, ...scope }, 'interaction failed');
  const content = userFacing ? error.message : messagesFor(languageOf(interaction)).errors.generic;
  try {
    if (interaction.deferred && !interaction.replied && !interaction.isMessageComponent()) {
      // A deferred command shows "thinking…" until edited; a follow-up would leave it hanging.
      await interaction.editReply({ content, embeds: [], components: [], allowedMentions: noMentions });
    } else if (interaction.deferred || interaction.replied) {
      await interaction.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions: noMentions });
    } else {
      await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: noMentions });
    }
  } catch (replyError) {
    logger.warn({ err: replyError, ...scope }, 'could not tell the user about a failed interaction');
  }
}

async function routeAutocomplete(
  interaction: AutocompleteInteraction,
  command: Command | undefined,
  context: BotContext,
): Promise<InteractionOutcome> {
  try {
    if (command?.autocomplete) await command.autocomplete(interaction, context);
    else await interaction.respond([]);
    return 'ok';
  } catch (error) {
    context.logger.error({ err: error, ...describeInteraction(interaction) }, 'autocomplete failed');
    // An unanswered autocomplete shows "loading options failed"; an empty list is kinder and stops retries.
    if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
    return 'failed';
  }
}

/** Commands by name, refusing two commands with one name (the second would silently shadow the first). */
export function indexCommands(commands: Iterable<Command>): Map<string, Command> {
  const byName = new Map<string, Command>();
  for (const command of commands) {
    if (byName.has(command.data.name)) throw new Error(`Two commands are named "${command.data.name}"`);
    byName.set(command.data.name, command);
  }
  return byName;
}

/** A button's custom id `<command name>:<args…>`: the command that handles its clicks, and what it is told. */
export function splitCustomId(customId: string): { name: string; args: string[] } {
  const [name = '', ...args] = customId.split(':');
  return { name, args };
}

/**
 * Slash commands go to `execute`, autocomplete to `autocomplete`, and buttons `<name>:<args…>` to the
 * `button` handler of the command with that name.
 */
export function createInteractionRouter(
  commands: ReadonlyMap<string, Command>,
  context: BotContext,
  observe?: InteractionObserver,
): InteractionRouter {
  const unknownAction = (interaction: Interaction) => new UserFacingError(messagesFor(languageOf(interaction)).errors.unknownAction);
  // Each definition once: the same JSON registration sends, so the check and Discord's agree.
  const definitions = new Map([...commands.values()].map((command) => [command, command.data.toJSON()] as const));

  return async (interaction) => {
    if (interaction.isAutocomplete()) {
      // Answered first, told after: `observe?.(…)` would skip evaluating its arguments when there is no observer.
      const outcome = await routeAutocomplete(interaction, commands.get(interaction.commandName), context);
      observe?.(interaction, outcome);
      return;
    }
    if (!interaction.isChatInputCommand() && !interaction.isButton()) return;
    const startedAt = performance.now();
    let outcome: InteractionOutcome = 'ok';
    try {
      if (interaction.isChatInputCommand()) {
        const command = commands.get(interaction.commandName);
        if (!command) throw unknownAction(interaction);
        // The one place options are checked, for every command, before any handler reads them.
        const problem = findOptionProblem(definitions.get(command) ?? command.data.toJSON(), interaction.options.data);
        if (problem) throw new InvalidInputError(messagesFor(languageOf(interaction)).errors.invalidInput, problem);
        await command.execute(interaction, context);
      } else {
        const { name, args } = splitCustomId(interaction.customId);
        const command = commands.get(name);
        if (!command?.button) throw unknownAction(interaction);
        await command.button(interaction, args, context);
      }
      await tellIfRemindersStopped(interaction, context);
      context.logger.debug({ ...describeInteraction(interaction), ms: Math.round(performance.now() - startedAt) }, 'interaction handled');
    } catch (error) {
      outcome = outcomeOf(error);
      await answerFailure(interaction, error, describeInteraction(interaction), context.logger);
    }
    observe?.(interaction, outcome);
  };
}
