import { OverwriteType, PermissionFlagsBits } from 'discord-api-types/v10';
import type { APIOverwrite } from 'discord-api-types/v10';

export const allPermissions = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);

/** What @everyone may do in a fresh community server; the bot's own checks are measured against this. */
export const everyonePermissions =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseExternalEmojis |
  PermissionFlagsBits.UseApplicationCommands |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.CreatePublicThreads;

export interface PermissionSubject {
  userId: string;
  roleIds: readonly string[];
}

export interface PermissionGuild {
  id: string;
  ownerId: string;
  rolePermissions: ReadonlyMap<string, bigint>;
}

/** Discord's algorithm: @everyone, then roles; owners and administrators get everything. */
export function computeGuildPermissions(guild: PermissionGuild, subject: PermissionSubject): bigint {
  if (subject.userId === guild.ownerId) return allPermissions;
  let permissions = guild.rolePermissions.get(guild.id) ?? 0n;
  for (const roleId of subject.roleIds) permissions |= guild.rolePermissions.get(roleId) ?? 0n;
  if (permissions & PermissionFlagsBits.Administrator) return allPermissions;
  return permissions;
}

/** Overwrites apply in Discord's order: @everyone, then all role overwrites together, then the member's. */
export function computeChannelPermissions(guild: PermissionGuild, overwrites: readonly APIOverwrite[], subject: PermissionSubject): bigint {
  let permissions = computeGuildPermissions(guild, subject);
  if (permissions & PermissionFlagsBits.Administrator) return allPermissions;
  const apply = (overwrite: APIOverwrite | undefined) => {
    if (!overwrite) return;
    permissions = (permissions & ~BigInt(overwrite.deny)) | BigInt(overwrite.allow);
  };
  apply(overwrites.find((overwrite) => overwrite.id === guild.id));
  let roleAllow = 0n;
  let roleDeny = 0n;
  for (const overwrite of overwrites) {
    if (overwrite.type === OverwriteType.Role && overwrite.id !== guild.id && subject.roleIds.includes(overwrite.id)) {
      roleAllow |= BigInt(overwrite.allow);
      roleDeny |= BigInt(overwrite.deny);
    }
  }
  permissions = (permissions & ~roleDeny) | roleAllow;
  apply(overwrites.find((overwrite) => overwrite.type === OverwriteType.Member && overwrite.id === subject.userId));
  return permissions;
}

/** Names of the flags in `required` that `granted` lacks, e.g. `['SendMessages']`. */
export function listMissingPermissions(granted: bigint, required: bigint): string[] {
  return Object.entries(PermissionFlagsBits)
    .filter(([, bit]) => (required & bit) !== 0n && (granted & bit) === 0n)
    .map(([name]) => name);
}
