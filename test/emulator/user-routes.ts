import { FormErrors, failWith } from './api-errors.js';
import type { EmulatorContext } from './context.js';
import type { Route } from './rest-server.js';

/** Users as the bot reads them, and the DM channel it opens with one. */
export function createUserRoutes(context: EmulatorContext): Route[] {
  const { world } = context;
  return [
    { method: 'GET', pattern: '/users/@me', auth: true, handle: () => ({ status: 200, body: world.bot }) },
    {
      method: 'GET',
      pattern: '/users/:userId',
      auth: true,
      handle: ({ params }) => {
        const user = world.userById(params.userId ?? '');
        if (!user) return failWith(404, 10013);
        return { status: 200, body: user };
      },
    },
    {
      // Opening succeeds even when the user refuses DMs: Discord says so only when the bot posts (50007).
      method: 'POST',
      pattern: '/users/@me/channels',
      auth: true,
      handle: ({ body }) => {
        const recipientId = typeof body === 'object' && body !== null ? (body as { recipient_id?: unknown }).recipient_id : undefined;
        if (typeof recipientId !== 'string' && typeof recipientId !== 'number') {
          const errors = new FormErrors();
          errors.add(['recipient_id'], 'BASE_TYPE_REQUIRED', 'This field is required');
          errors.throwIfAny();
        }
        const user = world.userById(String(recipientId));
        if (!user || user.id === world.bot.id) return failWith(400, 50033);
        return { status: 200, body: world.toApiDmChannel(world.openDmChannel(user)) };
      },
    },
  ];
}
