import { ApplicationCommandType } from 'discord-api-types/v10';
import type { APIApplicationCommand } from 'discord-api-types/v10';
import { failWith } from './api-errors.js';
import type { EmulatorContext } from './context.js';
import { createSnowflake } from './ids.js';
import type { Route, RouteResult } from './rest-server.js';
import { validateCommand, validateCommandList } from './validate-commands.js';
import type { CommandScope } from './world.js';

type CommandBody = Record<string, unknown> & { name: string; type?: number };

function toCommand(context: EmulatorContext, scope: CommandScope, body: CommandBody, id: string): APIApplicationCommand {
  const type = (body.type ?? ApplicationCommandType.ChatInput) as ApplicationCommandType;
  return {
    id,
    application_id: context.world.applicationId,
    version: createSnowflake(),
    type,
    name: body.name,
    name_localizations: body.name_localizations ?? null,
    description: typeof body.description === 'string' ? body.description : '',
    description_localizations: body.description_localizations ?? null,
    ...(Array.isArray(body.options) ? { options: body.options as APIApplicationCommand['options'] } : {}),
    default_member_permissions: typeof body.default_member_permissions === 'string' ? body.default_member_permissions : null,
    nsfw: body.nsfw === true,
    ...(scope === 'global'
      ? {
          contexts: (body.contexts ?? null) as APIApplicationCommand['contexts'],
          integration_types: (body.integration_types ?? [0]) as APIApplicationCommand['integration_types'],
        }
      : { guild_id: scope }),
  };
}

function scopeOf(context: EmulatorContext, params: Record<string, string>): CommandScope {
  if (params.appId !== context.world.applicationId) failWith(403, 50001, 'Missing Access');
  if (params.guildId === undefined) return 'global';
  // Discord answers Missing Access for a guild the application is not in (it does not say whether the guild exists).
  if (!context.world.guilds.has(params.guildId)) failWith(403, 50001, 'Missing Access');
  return params.guildId;
}

function findCommand(context: EmulatorContext, scope: CommandScope, commandId: string | undefined) {
  const list = context.world.commands.get(scope) ?? [];
  const index = list.findIndex((command) => command.id === commandId);
  if (index < 0) failWith(404, 10063);
  return { list, index };
}

function commandRoutes(context: EmulatorContext, base: string): Route[] {
  const { world } = context;
  const ok = (body: unknown): RouteResult => ({ status: 200, body });
  return [
    { method: 'GET', pattern: base, auth: true, handle: ({ params }) => ok(world.commands.get(scopeOf(context, params)) ?? []) },
    {
      method: 'PUT',
      pattern: base,
      auth: true,
      handle: ({ params, body }) => {
        const scope = scopeOf(context, params);
        validateCommandList(body);
        const previous = world.commands.get(scope) ?? [];
        // A bulk overwrite keeps the id of a command whose name and type stay the same, as Discord does.
        const next = (body as CommandBody[]).map((command) => {
          const type = command.type ?? ApplicationCommandType.ChatInput;
          const kept = previous.find((existing) => existing.name === command.name && existing.type === type);
          return toCommand(context, scope, command, kept?.id ?? createSnowflake());
        });
        world.commands.set(scope, next);
        world.notify();
        return ok(next);
      },
    },
    {
      method: 'POST',
      pattern: base,
      auth: true,
      handle: ({ params, body }) => {
        const scope = scopeOf(context, params);
        validateCommand(body);
        const command = body as CommandBody;
        const list = world.commands.get(scope) ?? [];
        const type = command.type ?? ApplicationCommandType.ChatInput;
        const index = list.findIndex((existing) => existing.name === command.name && existing.type === type);
        const created = toCommand(context, scope, command, index >= 0 ? (list[index]?.id ?? createSnowflake()) : createSnowflake());
        if (index >= 0) list[index] = created;
        else list.push(created);
        world.commands.set(scope, list);
        world.notify();
        return { status: index >= 0 ? 200 : 201, body: created };
      },
    },
    {
      method: 'GET',
      pattern: `${base}/:commandId`,
      auth: true,
      handle: ({ params }) => {
        const { list, index } = findCommand(context, scopeOf(context, params), params.commandId);
        return ok(list[index]);
      },
    },
    {
      method: 'PATCH',
      pattern: `${base}/:commandId`,
      auth: true,
      handle: ({ params, body }) => {
        const scope = scopeOf(context, params);
        const { list, index } = findCommand(context, scope, params.commandId);
        const current = list[index] as APIApplicationCommand;
        const merged = { ...current, ...(body as object) } as unknown as CommandBody;
        validateCommand(merged);
        const updated = toCommand(context, scope, merged, current.id);
        list[index] = updated;
        world.notify();
        return ok(updated);
      },
    },
    {
      method: 'DELETE',
      pattern: `${base}/:commandId`,
      auth: true,
      handle: ({ params }) => {
        const { list, index } = findCommand(context, scopeOf(context, params), params.commandId);
        list.splice(index, 1);
        world.notify();
        return { status: 204 };
      },
    },
  ];
}

/** What `GET /gateway/bot` tells the bot about sharding. */
export interface GatewayBotInfo {
  readonly shardCount: number;
  readonly maxConcurrency: number;
}

/** Login, identity and command registration. */
export function createApplicationRoutes(context: EmulatorContext, gatewayBot: GatewayBotInfo): Route[] {
  const { world } = context;
  const application = () => ({
    id: world.applicationId,
    name: world.bot.username,
    icon: null,
    description: '',
    summary: '',
    type: null,
    bot_public: true,
    bot_require_code_grant: false,
    verify_key: '0'.repeat(64),
    flags: 0,
    team: null,
    bot: world.bot,
    owner: { id: createSnowflake(), username: 'owner', discriminator: '0', global_name: 'Owner', avatar: null },
    approximate_guild_count: world.guilds.size,
    install_params: { scopes: ['bot', 'applications.commands'], permissions: '0' },
  });
  return [
    {
      method: 'GET',
      pattern: '/gateway/bot',
      auth: true,
      handle: () => ({
        status: 200,
        body: {
          url: context.gatewayUrl(),
          shards: gatewayBot.shardCount,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 86_400_000, max_concurrency: gatewayBot.maxConcurrency },
        },
      }),
    },
    { method: 'GET', pattern: '/gateway', auth: false, handle: () => ({ status: 200, body: { url: context.gatewayUrl() } }) },
    { method: 'GET', pattern: '/users/@me', auth: true, handle: () => ({ status: 200, body: world.bot }) },
    {
      method: 'GET',
      pattern: '/users/:userId',
      auth: true,
      handle: ({ params }) => {
        if (params.userId === world.bot.id) return { status: 200, body: world.bot };
        for (const guild of world.guilds.values()) {
          const member = guild.members.get(params.userId ?? '');
          if (member) return { status: 200, body: member.user };
        }
        return failWith(404, 10013);
      },
    },
    { method: 'GET', pattern: '/applications/@me', auth: true, handle: () => ({ status: 200, body: application() }) },
    { method: 'GET', pattern: '/oauth2/applications/@me', auth: true, handle: () => ({ status: 200, body: application() }) },
    ...commandRoutes(context, '/applications/:appId/commands'),
    ...commandRoutes(context, '/applications/:appId/guilds/:guildId/commands'),
  ];
}
