// The bot's own check of a slash command's options against the command's definition. Discord checks them
// before it sends an interaction, but a spoofed request, a stale client or a proxy can still deliver `-1` for a
// minimum of 1, `"abc"` for an integer, a voice channel for a text-channel option, or nothing for a required
// option; discord.js passes such values through as they came. One check here covers every command at once.
import { ApplicationCommandOptionType, type CommandInteractionOption, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';

/** The fields an option definition may carry, whatever its type. */
interface OptionSchema {
  name: string;
  type: ApplicationCommandOptionType;
  required?: boolean;
  options?: OptionSchema[];
  choices?: { value: string | number }[];
  min_value?: number;
  max_value?: number;
  min_length?: number;
  max_length?: number;
  channel_types?: number[];
}

const snowflakePattern = /^\d{17,20}$/;

const isSubcommandLike = (type: ApplicationCommandOptionType) =>
  type === ApplicationCommandOptionType.Subcommand || type === ApplicationCommandOptionType.SubcommandGroup;

/**
 * What is wrong with `given` for the command `definition`, in English for the log (the member hears only "that
 * input isn't valid"), or null when every option fits: known names, each once, the declared type, required ones
 * present, numbers within `min_value`/`max_value`, text within `min_length`/`max_length`, declared choices, and
 * users, channels and roles resolved (a channel of a declared `channel_types`).
 */
export function findOptionProblem(
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody,
  given: readonly CommandInteractionOption[],
): string | null {
  return checkLevel(definition.options ?? [], given, `/${definition.name}`);
}

function checkLevel(schema: readonly OptionSchema[], given: readonly CommandInteractionOption[], path: string): string | null {
  if (schema.some((option) => isSubcommandLike(option.type))) {
    const [chosen, ...extra] = given;
    if (!chosen || extra.length > 0) return `${path}: expected one sub-command, got ${given.length} options`;
    const option = schema.find((candidate) => candidate.name === chosen.name && candidate.type === chosen.type);
    if (!option) return `${path}: no sub-command "${String(chosen.name)}" of type ${String(chosen.type)}`;
    return checkLevel(option.options ?? [], chosen.options ?? [], `${path} ${option.name}`);
  }
  const seen = new Set<string>();
  for (const value of given) {
    const option = schema.find((candidate) => candidate.name === value.name);
    if (!option) return `${path}: unknown option "${String(value.name)}"`;
    if (seen.has(option.name)) return `${path}: option "${option.name}" given twice`;
    seen.add(option.name);
    const problem = checkValue(option, value);
    if (problem) return `${path} ${option.name}: ${problem}`;
  }
  const missing = schema.find((option) => option.required && !seen.has(option.name));
  return missing ? `${path}: required option "${missing.name}" is missing` : null;
}

function checkValue(option: OptionSchema, given: CommandInteractionOption): string | null {
  if (given.type !== option.type) return `type ${String(given.type)} instead of ${option.type}`;
  const { value } = given;
  switch (option.type) {
    case ApplicationCommandOptionType.String: {
      if (typeof value !== 'string') return `expected text, got ${describeValue(value)}`;
      if (option.min_length !== undefined && value.length < option.min_length)
        return `${value.length} characters, at least ${option.min_length} allowed`;
      // Discord's own limit for a string option when the definition sets none.
      const maxLength = option.max_length ?? 6000;
      if (value.length > maxLength) return `${value.length} characters, at most ${maxLength} allowed`;
      return checkChoice(option, value);
    }
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number: {
      const integer = option.type === ApplicationCommandOptionType.Integer;
      if (typeof value !== 'number' || !(integer ? Number.isSafeInteger(value) : Number.isFinite(value))) {
        return `expected ${integer ? 'an integer' : 'a number'}, got ${describeValue(value)}`;
      }
      if (option.min_value !== undefined && value < option.min_value) return `${value} is below the minimum ${option.min_value}`;
      if (option.max_value !== undefined && value > option.max_value) return `${value} is above the maximum ${option.max_value}`;
      return checkChoice(option, value);
    }
    case ApplicationCommandOptionType.Boolean:
      return typeof value === 'boolean' ? null : `expected true or false, got ${describeValue(value)}`;
    case ApplicationCommandOptionType.User:
      return checkId(value) ?? (given.user ? null : 'the user is not in the payload');
    case ApplicationCommandOptionType.Role:
      return checkId(value) ?? (given.role ? null : 'the role is not in the payload');
    case ApplicationCommandOptionType.Mentionable:
      return checkId(value) ?? (given.user || given.role ? null : 'neither a user nor a role is in the payload');
    case ApplicationCommandOptionType.Attachment:
      return checkId(value) ?? (given.attachment ? null : 'the attachment is not in the payload');
    case ApplicationCommandOptionType.Channel: {
      const idProblem = checkId(value);
      if (idProblem) return idProblem;
      const channel = given.channel;
      if (!channel) return 'the channel is not in the payload';
      const allowed = option.channel_types ?? [];
      return allowed.length === 0 || allowed.includes(channel.type) ? null : `channel type ${channel.type}, allowed ${allowed.join(', ')}`;
    }
    default:
      return `option type ${option.type} cannot hold a value`;
  }
}

function checkId(value: unknown): string | null {
  return typeof value === 'string' && snowflakePattern.test(value) ? null : `expected an id, got ${describeValue(value)}`;
}

function checkChoice(option: OptionSchema, value: string | number): string | null {
  if (!option.choices || option.choices.length === 0) return null;
  return option.choices.some((choice) => choice.value === value) ? null : `${describeValue(value)} is not one of the choices`;
}

/** A value for the log: its type and a short, one-line form (it was typed or crafted by someone else). */
function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  // JSON.stringify gives undefined for functions and symbols, which no payload holds; typeof names them anyway.
  const text = JSON.stringify(value) ?? typeof value;
  return `${typeof value} ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`;
}
