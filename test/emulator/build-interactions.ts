import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import type {
  APIApplicationCommand,
  APIApplicationCommandInteractionDataOption,
  APIApplicationCommandOption,
  APIBaseInteraction,
  APIChatInputApplicationCommandGuildInteraction,
  APIInteraction,
  APIInteractionDataResolved,
  APIInteractionGuildMember,
  APIMessage,
  APIMessageComponent,
  APIMessageComponentInteraction,
  GuildMemberFlags,
  Locale,
} from 'discord-api-types/v10';
import { createSnowflake, createToken } from './ids.js';
import type { EmulatedChannel, EmulatedDmChannel, EmulatedMember, MessageChannel, World } from './world.js';

/** What a test passes as an option value; users, channels and roles by object or id. */
export type OptionValue = string | number | boolean | EmulatedMember | EmulatedChannel | { id: string };
export type SlashOptions = Record<string, OptionValue | undefined>;

export interface InteractionPlace {
  /** The member's client language; defaults to the member's `locale`. */
  locale?: string;
  /** Where the command is typed; defaults to #general of the member's guild. */
  channel?: EmulatedChannel | string;
}

export interface BuiltInteraction<Payload extends APIInteraction = APIInteraction> {
  readonly payload: Payload;
  readonly channel: MessageChannel;
  readonly sourceMessageId?: string;
}

type OptionSchema = APIApplicationCommandOption & {
  options?: APIApplicationCommandOption[];
  choices?: { name: string; value: string | number }[];
  autocomplete?: boolean;
  required?: boolean;
  min_value?: number;
  max_value?: number;
  min_length?: number;
  max_length?: number;
};

/** What a bot may do in its own DM (no roles or overwrites there); the emulator's choice of the usual text rights. */
const dmAppPermissions =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseExternalEmojis;

const idOf = (value: OptionValue): string => (typeof value === 'object' ? value.id : String(value));

/** Locate `/name [group] [sub]` among the commands the bot registered for this guild or globally. */
export function findRegisteredCommand(world: World, guildId: string, commandLine: string) {
  const [name = '', ...path] = commandLine.trim().replace(/^\//, '').split(/\s+/);
  const candidates = [...(world.commands.get(guildId) ?? []), ...(world.commands.get('global') ?? [])];
  const command = candidates.find(
    (candidate) => candidate.name === name && (candidate.type ?? ApplicationCommandType.ChatInput) === ApplicationCommandType.ChatInput,
  );
  if (!command) {
    const known = candidates.map((candidate) => `/${candidate.name}`).join(', ') || 'none';
    throw new Error(`/${name} is not registered for this guild (registered: ${known})`);
  }
  let schema = (command.options ?? []) as OptionSchema[];
  const chain: OptionSchema[] = [];
  for (const part of path) {
    const next = schema.find(
      (option) =>
        option.name === part &&
        (option.type === ApplicationCommandOptionType.Subcommand || option.type === ApplicationCommandOptionType.SubcommandGroup),
    );
    if (!next) throw new Error(`/${name} has no sub-command "${part}" (has: ${schema.map((option) => option.name).join(', ')})`);
    chain.push(next);
    schema = next.options ?? [];
  }
  if (
    schema.some((option) => option.type === ApplicationCommandOptionType.Subcommand || option.type === ApplicationCommandOptionType.SubcommandGroup)
  ) {
    throw new Error(`/${[name, ...path].join(' ')} needs a sub-command: ${schema.map((option) => option.name).join(', ')}`);
  }
  return { command, chain, schema };
}

export class InteractionBuilder {
  constructor(
    private readonly world: World,
    /** Sent as `attachment_size_limit`: what the REST side refuses above (413 40005). */
    private readonly attachmentSizeLimit: number,
  ) {}

  channelFor(member: EmulatedMember, place: InteractionPlace): EmulatedChannel {
    const guild = this.world.guilds.get(member.guildId);
    const wanted = place.channel ?? guild?.channels.find((channel) => !channel.deleted);
    const channel = typeof wanted === 'string' ? this.world.channels.get(wanted) : wanted;
    if (!channel || channel.deleted) throw new Error(`no such channel ${typeof wanted === 'string' ? wanted : (wanted?.name ?? '')}`);
    if (channel.guildId !== member.guildId) throw new Error(`${member.name} is not in the guild of #${channel.name}`);
    return channel;
  }

  slash(
    commandLine: string,
    values: SlashOptions,
    member: EmulatedMember,
    place: InteractionPlace,
    options: { ignoreDefaultMemberPermissions?: boolean },
  ): BuiltInteraction<APIChatInputApplicationCommandGuildInteraction> {
    const channel = this.channelFor(member, place);
    const { command, chain, schema } = findRegisteredCommand(this.world, member.guildId, commandLine);
    this.checkDefaultPermissions(command, member, channel, options.ignoreDefaultMemberPermissions ?? false);
    const resolved: APIInteractionDataResolved = {};
    const leaf = this.buildOptions(commandLine, schema, values, resolved, channel, member, undefined);
    const payload = {
      ...this.base(InteractionType.ApplicationCommand, member, channel, place),
      data: { ...commandData(command, chain, leaf), ...(Object.keys(resolved).length > 0 ? { resolved } : {}) },
    };
    return { payload: payload as unknown as APIChatInputApplicationCommandGuildInteraction, channel };
  }

  autocomplete(commandLine: string, values: SlashOptions, focused: string, member: EmulatedMember, place: InteractionPlace): BuiltInteraction {
    const channel = this.channelFor(member, place);
    const { command, chain, schema } = findRegisteredCommand(this.world, member.guildId, commandLine);
    const focusedSchema = schema.find((option) => option.name === focused);
    if (!focusedSchema) throw new Error(`/${command.name} has no option "${focused}" to type into`);
    if (!focusedSchema.autocomplete)
      throw new Error(`option "${focused}" of /${command.name} does not use autocomplete; Discord would not ask the bot`);
    const leaf = this.buildOptions(commandLine, schema, values, {}, channel, member, focused);
    const payload = {
      ...this.base(InteractionType.ApplicationCommandAutocomplete, member, channel, place),
      data: commandData(command, chain, leaf),
    };
    return { payload: payload as unknown as APIInteraction, channel };
  }

  /** A click on what the user sees (`seen`), delivered with the message as Discord currently stores it. */
  component(
    seen: APIMessage,
    customId: string,
    member: EmulatedMember,
    place: InteractionPlace,
    values?: string[],
  ): BuiltInteraction<APIMessageComponentInteraction> {
    const stored = this.world.messages.get(seen.id);
    if (!stored || stored.deleted) throw new Error(`message ${seen.id} does not exist (deleted?)`);
    if (stored.ephemeral) {
      const owner = stored.interactionId ? this.world.interactions.get(stored.interactionId)?.userId : undefined;
      if (owner !== member.id) throw new Error(`only the user who got ephemeral message ${seen.id} can click it`);
    }
    const component = findComponent(seen.components ?? [], customId);
    if (!component) {
      throw new Error(`message ${seen.id} has no component "${customId}" (has: ${listCustomIds(seen.components ?? []).join(', ') || 'none'})`);
    }
    if ('disabled' in component && component.disabled) throw new Error(`component "${customId}" is disabled; a user cannot click it`);
    const dm = this.world.dmChannels.get(stored.message.channel_id);
    if (dm && dm.recipient.id !== member.id) {
      throw new Error(`message ${seen.id} is in the DM of ${dm.recipient.username}; ${member.name} cannot see it`);
    }
    const channel = dm ?? this.channelFor(member, { ...place, channel: stored.message.channel_id });
    const isSelect = component.type !== ComponentType.Button;
    if (isSelect !== (values !== undefined)) {
      throw new Error(isSelect ? `"${customId}" is a select menu: use select()` : `"${customId}" is a button: use click()`);
    }
    if (values && component.type === ComponentType.StringSelect) {
      const offered = component.options.map((option) => option.value);
      const unknown = values.filter((value) => !offered.includes(value));
      if (unknown.length > 0) throw new Error(`select "${customId}" offers no ${unknown.join(', ')} (offers: ${offered.join(', ')})`);
    }
    const payload = {
      ...(dm
        ? this.dmBase(InteractionType.MessageComponent, member, dm, place)
        : this.base(InteractionType.MessageComponent, member, channel as EmulatedChannel, place)),
      message: structuredClone(stored.message),
      data: { custom_id: customId, component_type: component.type, ...(values ? { values } : {}) },
    };
    return { payload: payload as unknown as APIMessageComponentInteraction, channel, sourceMessageId: stored.message.id };
  }

  private base(type: InteractionType, member: EmulatedMember, channel: EmulatedChannel, place: InteractionPlace) {
    const guild = this.world.guildOf(channel);
    const apiChannel = this.world.toApiChannel(channel);
    const guildMember: APIInteractionGuildMember = {
      ...this.world.toApiMember(member),
      permissions: this.world.memberPermissionsIn(channel, member).toString(),
    };
    return {
      id: createSnowflake(),
      application_id: this.world.applicationId,
      type,
      token: createToken(),
      version: 1,
      guild_id: guild.id,
      guild: { id: guild.id, locale: guild.locale as Locale, features: [] },
      channel: apiChannel,
      channel_id: channel.id,
      member: guildMember,
      app_permissions: this.world.botPermissionsIn(channel).toString(),
      locale: (place.locale ?? member.locale) as Locale,
      guild_locale: guild.locale as Locale,
      entitlements: [],
      authorizing_integration_owners: { '0': guild.id },
      context: InteractionContextType.Guild,
      attachment_size_limit: this.attachmentSizeLimit,
    } satisfies Omit<APIBaseInteraction<InteractionType, never>, 'data'> & { attachment_size_limit: number };
  }

  /**
   * An interaction in the bot's DM with the member (context 1): `user` instead of `member`, no `guild_id`, the DM
   * as `channel` (type 1, with `recipients`), and "0" as the guild installation that authorized it, as Discord sends.
   */
  private dmBase(type: InteractionType, member: EmulatedMember, dm: EmulatedDmChannel, place: InteractionPlace) {
    return {
      id: createSnowflake(),
      application_id: this.world.applicationId,
      type,
      token: createToken(),
      version: 1,
      channel: this.world.toApiDmChannel(dm),
      channel_id: dm.id,
      user: member.user,
      app_permissions: dmAppPermissions.toString(),
      locale: (place.locale ?? member.locale) as Locale,
      entitlements: [],
      authorizing_integration_owners: { '0': '0' },
      context: InteractionContextType.BotDM,
      attachment_size_limit: this.attachmentSizeLimit,
    } satisfies Omit<APIBaseInteraction<InteractionType, never>, 'data'> & { attachment_size_limit: number };
  }

  private checkDefaultPermissions(command: APIApplicationCommand, member: EmulatedMember, channel: EmulatedChannel, ignore: boolean) {
    if (ignore || command.default_member_permissions === null || command.default_member_permissions === undefined) return;
    const required = BigInt(command.default_member_permissions);
    const granted = this.world.memberPermissionsIn(channel, member);
    // "0" hides the command from everyone but administrators.
    const allowed = required === 0n ? (granted & PermissionFlagsBits.Administrator) !== 0n : (granted & required) === required;
    if (!allowed) {
      throw new Error(
        `${member.name} cannot see /${command.name}: it needs default_member_permissions ${command.default_member_permissions}. ` +
          'Pass { ignoreDefaultMemberPermissions: true } to act as if a server admin had granted it in Integrations.',
      );
    }
  }

  private buildOptions(
    commandLine: string,
    schema: OptionSchema[],
    values: SlashOptions,
    resolved: APIInteractionDataResolved,
    channel: EmulatedChannel,
    member: EmulatedMember,
    focused: string | undefined,
  ): APIApplicationCommandInteractionDataOption[] {
    for (const name of Object.keys(values)) {
      if (!schema.some((option) => option.name === name)) {
        throw new Error(`${commandLine} has no option "${name}" (options: ${schema.map((option) => option.name).join(', ') || 'none'})`);
      }
    }
    const built: APIApplicationCommandInteractionDataOption[] = [];
    for (const option of schema) {
      const value = values[option.name];
      if (value === undefined) {
        if (option.required && focused === undefined) throw new Error(`${commandLine} needs option "${option.name}"`);
        continue;
      }
      if (option.name === focused) {
        // While typing, Discord sends the raw text with `focused`, whatever the option's type.
        built.push({ name: option.name, type: option.type, value: String(value), focused: true } as APIApplicationCommandInteractionDataOption);
        continue;
      }
      built.push(this.buildOption(commandLine, option, value, resolved, channel, member));
    }
    if (focused !== undefined && !built.some((option) => option.name === focused)) {
      const option = schema.find((candidate) => candidate.name === focused);
      if (option) built.push({ name: option.name, type: option.type, value: '', focused: true } as APIApplicationCommandInteractionDataOption);
    }
    return built;
  }

  private buildOption(
    commandLine: string,
    option: OptionSchema,
    value: OptionValue,
    resolved: APIInteractionDataResolved,
    channel: EmulatedChannel,
    member: EmulatedMember,
  ): APIApplicationCommandInteractionDataOption {
    const fail = (why: string): never => {
      throw new Error(`${commandLine} option "${option.name}": ${why}`);
    };
    const { name, type } = option;
    switch (type) {
      case ApplicationCommandOptionType.String: {
        if (typeof value !== 'string') fail('expects a string');
        const text = value as string;
        if (option.min_length !== undefined && text.length < option.min_length) fail(`shorter than ${option.min_length}`);
        if (option.max_length !== undefined && text.length > option.max_length) fail(`longer than ${option.max_length}`);
        checkChoice(option, text, fail);
        return { name, type, value: text };
      }
      case ApplicationCommandOptionType.Integer:
      case ApplicationCommandOptionType.Number: {
        if (typeof value !== 'number' || (type === ApplicationCommandOptionType.Integer && !Number.isInteger(value))) {
          fail(type === ApplicationCommandOptionType.Integer ? 'expects an integer' : 'expects a number');
        }
        const number = value as number;
        if (option.min_value !== undefined && number < option.min_value) fail(`below ${option.min_value}`);
        if (option.max_value !== undefined && number > option.max_value) fail(`above ${option.max_value}`);
        checkChoice(option, number, fail);
        return { name, type, value: number };
      }
      case ApplicationCommandOptionType.Boolean:
        if (typeof value !== 'boolean') fail('expects a boolean');
        return { name, type, value: value as boolean };
      case ApplicationCommandOptionType.User:
      case ApplicationCommandOptionType.Mentionable: {
        const id = idOf(value);
        if (this.resolveUser(id, channel, resolved)) return { name, type, value: id };
        if (type === ApplicationCommandOptionType.Mentionable && this.resolveRole(id, channel, resolved)) return { name, type, value: id };
        return fail(`no member ${id} in this guild`);
      }
      case ApplicationCommandOptionType.Role: {
        const id = idOf(value);
        if (!this.resolveRole(id, channel, resolved)) fail(`no role ${id} in this guild`);
        return { name, type, value: id };
      }
      case ApplicationCommandOptionType.Channel: {
        const id = idOf(value);
        const target = this.world.channels.get(id);
        if (!target || target.deleted || target.guildId !== channel.guildId) return fail(`no channel ${id} in this guild`);
        resolved.channels = {
          ...resolved.channels,
          [id]: {
            id,
            name: target.name,
            type: this.world.toApiChannel(target).type,
            permissions: this.world.memberPermissionsIn(target, member).toString(),
          },
        };
        return { name, type, value: id };
      }
      default:
        return fail(`option type ${type} is not emulated`);
    }
  }

  private resolveUser(id: string, channel: EmulatedChannel, resolved: APIInteractionDataResolved): boolean {
    const guild = this.world.guildOf(channel);
    const target = guild.members.get(id);
    const user = target?.user ?? (id === this.world.bot.id ? this.world.bot : undefined);
    if (!user) return false;
    resolved.users = { ...resolved.users, [id]: user };
    const roles = target?.roleIds ?? guild.botRoleIds;
    resolved.members = {
      ...resolved.members,
      [id]: {
        roles,
        joined_at: target?.joinedAt ?? guild.joinedAt,
        nick: null,
        avatar: null,
        premium_since: null,
        flags: 0 as GuildMemberFlags,
        pending: false,
        communication_disabled_until: null,
        permissions: this.world.permissionsIn(channel, { userId: id, roleIds: roles }).toString(),
      },
    };
    return true;
  }

  private resolveRole(id: string, channel: EmulatedChannel, resolved: APIInteractionDataResolved): boolean {
    const role = this.world.guildOf(channel).roles.get(id);
    if (!role) return false;
    resolved.roles = { ...resolved.roles, [id]: role };
    return true;
  }
}

function checkChoice(option: OptionSchema, value: string | number, fail: (why: string) => never) {
  if (!option.choices || option.choices.length === 0) return;
  if (!option.choices.some((choice) => choice.value === value)) {
    fail(`must be one of the choices ${option.choices.map((choice) => JSON.stringify(choice.value)).join(', ')}`);
  }
}

/** The `data` a slash command and its autocomplete share: which registered command, with the options typed. */
function commandData(
  command: ReturnType<typeof findRegisteredCommand>['command'],
  chain: OptionSchema[],
  leaf: APIApplicationCommandInteractionDataOption[],
) {
  return {
    id: command.id,
    name: command.name,
    type: ApplicationCommandType.ChatInput,
    ...(command.guild_id ? { guild_id: command.guild_id } : {}),
    options: wrapInChain(chain, leaf),
  };
}

function wrapInChain(chain: OptionSchema[], leaf: APIApplicationCommandInteractionDataOption[]): APIApplicationCommandInteractionDataOption[] {
  return chain.reduceRight<APIApplicationCommandInteractionDataOption[]>(
    (inner, step) => [{ name: step.name, type: step.type, options: inner } as APIApplicationCommandInteractionDataOption],
    leaf,
  );
}

type FlatComponent = Extract<APIMessageComponent, { custom_id: string }>;

function flattenComponents(components: readonly unknown[]): FlatComponent[] {
  const flat: FlatComponent[] = [];
  const visit = (component: unknown) => {
    if (typeof component !== 'object' || component === null) return;
    const record = component as { custom_id?: unknown; components?: unknown[]; accessory?: unknown };
    if (typeof record.custom_id === 'string') flat.push(component as FlatComponent);
    if (Array.isArray(record.components)) record.components.forEach(visit);
    if (record.accessory) visit(record.accessory);
  };
  components.forEach(visit);
  return flat;
}

function findComponent(components: readonly unknown[], customId: string): FlatComponent | undefined {
  return flattenComponents(components).find((component) => component.custom_id === customId);
}

export function listCustomIds(components: readonly unknown[]): string[] {
  return flattenComponents(components).map((component) => component.custom_id);
}
