import { describe, expect, it } from 'vitest';
import { checkAnswerPlace } from '../../src/quiz/answer-place.js';

const posted = { guildId: 'g1', channelId: 'c1', messageId: 'm1', practiceUserId: null };
const practice = { guildId: 'g1', channelId: 'c1', messageId: null, practiceUserId: 'alice' };
const click = { guildId: 'g1', channelId: 'c1', messageId: 'm1', userId: 'bob' };

describe('checkAnswerPlace', () => {
  it('lets a click on the post itself answer', () => {
    expect(checkAnswerPlace(posted, click)).toBeNull();
  });

  it('names what does not match: the guild first, then the channel, then the post', () => {
    expect(checkAnswerPlace(posted, { ...click, guildId: 'g2', channelId: 'c2', messageId: 'm2' })).toBe('other-guild');
    expect(checkAnswerPlace(posted, { ...click, guildId: null })).toBe('other-guild');
    expect(checkAnswerPlace(posted, { ...click, channelId: 'c2', messageId: 'm2' })).toBe('other-channel');
    expect(checkAnswerPlace(posted, { ...click, messageId: 'm2' })).toBe('other-message');
  });

  it('compares the post only once its message id is known', () => {
    expect(checkAnswerPlace({ ...posted, messageId: null }, { ...click, messageId: 'm9' })).toBeNull();
    expect(checkAnswerPlace({ ...posted, messageId: null }, { ...click, channelId: 'c2' })).toBe('other-channel');
  });

  it('a practice question answers only to its member, in its server and channel', () => {
    expect(checkAnswerPlace(practice, { ...click, userId: 'alice', messageId: 'ephemeral' })).toBeNull();
    expect(checkAnswerPlace(practice, click)).toBe('not-your-practice');
    expect(checkAnswerPlace(practice, { ...click, userId: 'alice', guildId: 'g2' })).toBe('other-guild');
  });
});
