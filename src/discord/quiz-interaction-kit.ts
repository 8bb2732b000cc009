// What /quiz, /quiz-admin, /leaderboard and /concepts have in common: their shared options, the server and permission
// checks, reading the `note` option, and private replies. Each command file then reads as its own feature.
import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  ChannelType,
  type ChatInputCommandInteraction,
  MessageFlags,
  PermissionFlagsBits,
  type RepliableInteraction,
  type SlashCommandChannelOption,
  type SlashCommandStringOption,
} from 'discord.js';
import { type Language, messagesFor } from '../i18n/locale.js';
import type { Messages } from '../i18n/messages.js';
import { findDocument } from '../kb/find-document.js';
import type { KnowledgeBase, NoteDocument } from '../kb/types.js';
import { UserFacingError } from './command.js';
import { describeCommand } from './command-text.js';
import { discordLimits, noMentions } from './discord-limits.js';
import { quoteUserInput, truncateText } from './discord-text.js';

/**
 * Quiz posts need a channel where messages, embeds and buttons show and stay: text and announcement channels
 * (an announcement channel is a text channel whose posts can be published to follower servers; clicks there come
 * from another server and are refused, so publishing one is harmless). Not threads, which archive, nor the text
 * chat of voice channels. The `channel` option declares these, so the bot's option check enforces them too.
 */
const quizChannelTypes = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;

/**
 * The channel a `/quiz-admin` subcommand acts on when its `channel` option is empty: the one it was run in,
 * refused when that is no text channel (a thread, a voice channel's chat). An unknown type is let through: the
 * post itself then reports what Discord says.
 */
export function requireQuizChannelHere(interaction: ChatInputCommandInteraction, language: Language): string {
  const type = interaction.channel?.type;
  if (type !== undefined && !(quizChannelTypes as readonly ChannelType[]).includes(type)) {
    throw new UserFacingError(messagesFor(language).admin.textChannelsOnly);
  }
  return interaction.channelId;
}

/** The server of a command or click; the quiz keeps scores per server and has nothing to do in DMs. */
export function requireGuildId(interaction: ChatInputCommandInteraction | ButtonInteraction, language: Language): string {
  if (!interaction.inGuild()) throw new UserFacingError(messagesFor(language).common.guildOnly);
  return interaction.guildId;
}

/**
 * Discord hides a command registered with Manage Server from other members, but a server's own command settings
 * can show it to anyone: the handler checks again.
 */
export function requireManageServer(interaction: ChatInputCommandInteraction, language: Language): string {
  const guildId = requireGuildId(interaction, language);
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) throw new UserFacingError(messagesFor(language).admin.needsManageServer);
  return guildId;
}

/** `note`: ask only about one note, picked by autocomplete. For `.addStringOption(noteOption)`. */
export function noteOption(option: SlashCommandStringOption): SlashCommandStringOption {
  return describeCommand(option, (text) => text.commands.quizNote)
    .setAutocomplete(true)
    .setMaxLength(100);
}

/** `channel`: a channel a quiz can be posted in. For `.addChannelOption(quizChannelOption(…))`. */
export function quizChannelOption(subcommand: keyof Messages['commands']['quizAdmin']['channelOf'], { required }: { required: boolean }) {
  return (option: SlashCommandChannelOption): SlashCommandChannelOption =>
    describeCommand(option, (text) => ({ name: text.commands.quizChannel.name, description: text.commands.quizAdmin.channelOf[subcommand] }))
      .addChannelTypes(...quizChannelTypes)
      .setRequired(required);
}

/** The note the member picked or typed; undefined when the option is empty. A name that matches no note is their mistake to fix. */
export function readNoteOption(interaction: ChatInputCommandInteraction, kb: KnowledgeBase, language: Language): NoteDocument | undefined {
  const typed = interaction.options.getString('note')?.trim();
  if (!typed) return undefined;
  const note = findDocument(kb, typed);
  if (!note) throw new UserFacingError(messagesFor(language).common.unknownNote(quoteUserInput(typed)));
  return note;
}

/**
 * Choices for a `note` option (`/concepts`, `/quiz practice`, `/quiz-admin schedule`): notes whose id, file or
 * title contains what was typed, labelled the same way everywhere (`Title · file.md`).
 */
export function suggestNotes(kb: KnowledgeBase, typed: string): { name: string; value: string }[] {
  const query = typed.trim().toLowerCase();
  return kb.documents
    .filter((document) => document.id.length <= discordLimits.choiceValue)
    .filter((document) => query === '' || `${document.id} ${document.file} ${document.title}`.toLowerCase().includes(query))
    .slice(0, discordLimits.autocompleteChoices)
    .map((document) => ({ name: truncateText(`${document.title} · ${document.file}`, discordLimits.choiceName), value: document.id }));
}

/** Autocomplete of the `note` option. */
export async function respondWithNotes(interaction: AutocompleteInteraction, kb: KnowledgeBase): Promise<void> {
  await interaction.respond(suggestNotes(kb, String(interaction.options.getFocused()).slice(0, 100)));
}

/** An ephemeral text reply that pings nobody. */
export async function replyPrivately(interaction: RepliableInteraction, content: string): Promise<void> {
  await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: noMentions });
}
