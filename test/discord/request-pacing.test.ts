import { describe, expect, it } from 'vitest';
import { isExemptFromGlobalLimit, pacedMakeRequest } from '../../src/discord/request-pacing.js';

describe('the bot-wide request pace', () => {
  it('exempts interaction responses and follow-ups, as Discord does, and nothing else', () => {
    const api = 'http://127.0.0.1:4000/api/v10';
    expect(isExemptFromGlobalLimit(`${api}/interactions/123456789012345678/aW50ZXJhY3Rpb24/callback?with_response=false`)).toBe(true);
    expect(isExemptFromGlobalLimit(`${api}/webhooks/123456789012345678/aW50ZXJhY3Rpb24/messages/@original`)).toBe(true);
    expect(isExemptFromGlobalLimit(`${api}/webhooks/123456789012345678/aW50ZXJhY3Rpb24`)).toBe(true);
    expect(isExemptFromGlobalLimit(`${api}/channels/123456789012345678/messages`)).toBe(false);
    expect(isExemptFromGlobalLimit(`${api}/users/@me/channels`)).toBe(false);
    expect(isExemptFromGlobalLimit(`${api}/applications/1/guilds/2/commands`)).toBe(false);
  });

  it('holds a permit from before each counted request until its answer, never for an interaction response', async () => {
    const events: string[] = [];
    const pacer = { takePermit: () => Promise.resolve(events.push('take')).then(() => ({ release: () => void events.push('release') })) };
    const send = pacedMakeRequest(pacer, (url) => {
      events.push(`send ${new URL(url).pathname}`);
      return Promise.resolve(new Response(null, { status: 204 }));
    });

    await send('http://x/api/v10/channels/1/messages', {});
    await send('http://x/api/v10/interactions/1/t/callback', {});

    expect(events).toEqual(['take', 'send /api/v10/channels/1/messages', 'release', 'send /api/v10/interactions/1/t/callback']);
  });

  it('gives the permit back when the request fails', async () => {
    const events: string[] = [];
    const pacer = { takePermit: () => Promise.resolve({ release: () => void events.push('release') }) };
    const send = pacedMakeRequest(pacer, () => Promise.reject(new Error('connection reset')));

    await expect(send('http://x/api/v10/channels/1/messages', {})).rejects.toThrow('connection reset');

    expect(events).toEqual(['release']);
  });
});
