// Nothing the bot sends may ping: members type the text it echoes (`/explain @everyone`, a name, a note). This
// guard reads every request the bot made to the emulator and names each message it created or edited without
// `allowed_mentions: { parse: [] }`, so a future command that forgets it fails the suite instead of pinging a guild.
import { InteractionResponseType } from 'discord-api-types/v10';
import type { RecordedRequest } from '../emulator/index.js';

/** Callback types whose `data` is a message Discord shows (a reply, or the clicked message updated in place). */
const messageCallbackTypes = new Set<number>([InteractionResponseType.ChannelMessageWithSource, InteractionResponseType.UpdateMessage]);

const messageRoutes: readonly { method: string; pattern: RegExp }[] = [
  { method: 'POST', pattern: /^\/channels\/\d+\/messages$/ },
  { method: 'PATCH', pattern: /^\/channels\/\d+\/messages\/\d+$/ },
  // The interaction webhook: follow-ups, and edits of the original reply or a follow-up.
  { method: 'POST', pattern: /^\/webhooks\/\d+\/[\w-]+$/ },
  { method: 'PATCH', pattern: /^\/webhooks\/\d+\/[\w-]+\/messages\/[^/]+$/ },
];

/** The message body of a request that creates or edits a message, or undefined for any other request. */
function messageBodyOf(request: RecordedRequest): unknown {
  if (request.method === 'POST' && /^\/interactions\/\d+\/[\w-]+\/callback$/.test(request.path)) {
    const callback = request.body as { type?: unknown; data?: unknown } | undefined;
    return typeof callback?.type === 'number' && messageCallbackTypes.has(callback.type) ? (callback.data ?? {}) : undefined;
  }
  const isMessageRoute = messageRoutes.some((route) => route.method === request.method && route.pattern.test(request.path));
  return isMessageRoute ? (request.body ?? {}) : undefined;
}

function pingsNobody(allowedMentions: unknown): boolean {
  if (typeof allowedMentions !== 'object' || allowedMentions === null) return false;
  const { parse, users, roles } = allowedMentions as { parse?: unknown; users?: unknown; roles?: unknown };
  const isEmptyList = (value: unknown) => Array.isArray(value) && value.length === 0;
  return isEmptyList(parse) && (users === undefined || isEmptyList(users)) && (roles === undefined || isEmptyList(roles));
}

/** One line per message request that could ping, e.g. `POST /channels/1/messages: allowed_mentions {"parse":["users"]}`. */
export function findPingableMessages(requests: readonly RecordedRequest[]): string[] {
  const problems: string[] = [];
  for (const request of requests) {
    const body = messageBodyOf(request);
    if (body === undefined) continue;
    const allowedMentions = (body as { allowed_mentions?: unknown }).allowed_mentions;
    if (pingsNobody(allowedMentions)) continue;
    // Interaction and webhook tokens are noise in a failure message: keep the route readable.
    const route = request.path.replace(/\/(interactions\/\d+|webhooks\/\d+)\/[\w-]+/, '/$1/<token>');
    problems.push(`${request.method} ${route}: allowed_mentions ${allowedMentions === undefined ? 'missing' : JSON.stringify(allowedMentions)}`);
  }
  return problems;
}

/** Throws naming every message request that could ping. */
export function assertNothingPings(requests: readonly RecordedRequest[]): void {
  const problems = findPingableMessages(requests);
  if (problems.length > 0) {
    throw new Error(
      `The bot sent ${problems.length} message(s) without allowed_mentions { parse: [] } (anything a member typed could ping):\n${problems.join('\n')}`,
    );
  }
}
