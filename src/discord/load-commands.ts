import { commands } from '../../commands/index.js';
import type { Command } from './command.js';
import { indexCommands } from './interaction-router.js';

/**
 * The bot's commands by name. Registration and routing both take this map, so a command is defined in
 * exactly one file of `commands/` and listed once in `commands/index.ts`.
 */
export function loadCommands(list: readonly Command[] = commands): Map<string, Command> {
  return indexCommands(list);
}
