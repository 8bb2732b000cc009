// What /quiz-admin says about faults it cannot fix at once: a long rate limit, a reveal still owed.
import { describe, expect, it } from 'vitest';
import { buildScheduleListView, describePostOutcome } from '../../src/discord/quiz-admin-views.js';
import { loadKnowledgeBase } from '../../src/kb/load-knowledge-base.js';
import type { ScheduleListing } from '../../src/quiz/quiz-runner.js';
import type { StoredQuestion } from '../../src/quiz/types.js';

const kb = await loadKnowledgeBase('test/fixtures/notes');
const at = new Date('2028-02-29T00:00:00.000Z');

const closedPost: StoredQuestion = {
  id: 'Q1x2y3z4w5v6u7t8',
  guildId: '110000000000000001',
  channelId: '220000000000000001',
  slotKey: at.toISOString(),
  conceptId: 'any',
  kind: 'cloze',
  prompt: 'p',
  options: ['a', 'b', 'c', 'd'],
  answer: 0,
  optionConceptIds: null,
  practiceUserId: null,
  messageId: '330000000000000001',
  language: null,
  status: 'closed',
  createdAt: at,
  closesAt: at,
  closedAt: at,
};

function listing(overrides: Partial<ScheduleListing>): ScheduleListing {
  return {
    schedule: {
      guildId: closedPost.guildId,
      channelId: closedPost.channelId,
      cron: '0 9 * * 1-5',
      timezone: 'Asia/Seoul',
      noteId: null,
      closeAfterMinutes: null,
      language: null,
      paused: false,
      lastProblem: null,
      lastProblemAt: null,
      createdBy: '1',
      createdAt: at,
    },
    nextRun: new Date('2028-03-01T00:00:00.000Z'),
    openQuestion: null,
    closeAfterMinutes: null,
    ...overrides,
  };
}

describe('what the admin is told', () => {
  it('a long rate limit on /quiz-admin now says how many minutes Discord asks for, in English and Korean', () => {
    const outcome = { ok: false as const, reason: 'rate-limited' as const, retryAfterMs: 3_600_050 };

    expect(describePostOutcome(outcome, '<#2>', 'en', at)).toBe(
      'Discord asks us to wait 60 minutes before posting in <#2>. Nothing was posted: try again after that (a schedule tries again at its next slot).',
    );
    expect(describePostOutcome(outcome, '<#2>', 'ko', at)).toContain('Discord가 60분 기다려 달라고 해서 <#2>에 아무것도 올리지 않았어요.');
    expect(describePostOutcome({ ...outcome, retryAfterMs: 45_000 }, '<#2>', 'en', at)).toContain('wait 1 minute before');
  });

  it('the list shows a post whose reveal is still owed, with its link and the next try, until it lands', () => {
    const owed = listing({ unrevealed: { question: closedPost, dueAt: new Date(at.getTime() + 4 * 60_000), failedAttempts: 2 } });

    const [english] = buildScheduleListView({ entries: [owed], kb, language: 'en', channelName: () => 'quiz' }).embeds[0]?.fields ?? [];
    const [korean] = buildScheduleListView({ entries: [owed], kb, language: 'ko', channelName: () => 'quiz' }).embeds[0]?.fields ?? [];
    const [shown] =
      buildScheduleListView({ entries: [listing({ unrevealed: null })], kb, language: 'en', channelName: () => 'quiz' }).embeds[0]?.fields ?? [];

    const link = `https://discord.com/channels/${closedPost.guildId}/${closedPost.channelId}/${closedPost.messageId}`;
    const nextTry = `<t:${(at.getTime() + 4 * 60_000) / 1000}:R>`;
    expect(english?.value).toContain(`⚠️ The result of ${link} is not shown yet: the post still looks open. Next try ${nextTry}.`);
    expect(korean?.value).toContain(`⚠️ ${link}의 결과를 아직 공개하지 못했어요.`);
    expect(shown?.value).not.toContain('not shown yet');
  });

  it("a rate limit recorded as the channel's last problem is shown in the admin's words", () => {
    const limited = listing({
      schedule: { ...listing({}).schedule, lastProblem: { kind: 'rate-limited', retryAfterMs: 3_601_000 }, lastProblemAt: at },
    });

    const [english] = buildScheduleListView({ entries: [limited], kb, language: 'en', channelName: () => 'quiz' }).embeds[0]?.fields ?? [];
    const [korean] = buildScheduleListView({ entries: [limited], kb, language: 'ko', channelName: () => 'quiz' }).embeds[0]?.fields ?? [];

    expect(english?.value).toContain('Last problem');
    expect(english?.value).toContain('Discord asked us to wait 60 minutes');
    expect(korean?.value).toContain('Discord가 60분 기다려 달라고 했어요');
  });
});
