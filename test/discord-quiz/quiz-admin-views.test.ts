// What `/quiz-admin` answers, built from plain schedules and outcomes: no Discord, no bot.
import { describe, expect, it } from 'vitest';
import { buildScheduledReply, buildScheduleListView, describePostOutcome, describeScheduleRefusal } from '../../src/discord/quiz-admin-views.js';
import type { ScheduleListing } from '../../src/quiz/quiz-runner.js';
import type { CronProblem } from '../../src/quiz/cron-schedule.js';
import type { ScheduleProblem } from '../../src/quiz/types.js';
import { askAbout, conceptOf, expectWithinDiscordLimits, openTestStore, realKb, storeQuestion } from './discord-quiz-kit.js';

const container = conceptOf(realKb, 'docker-kubernetes/container');
const note = realKb.getDocument('docker-kubernetes');

describe('the replies of /quiz-admin', () => {
  const schedule = {
    guildId: '110000000000000001',
    channelId: '220000000000000001',
    cron: '30 8 * * *',
    timezone: 'America/New_York',
    noteId: 'docker-kubernetes',
    closeAfterMinutes: 45,
    language: 'en',
    paused: false,
    lastProblem: null,
    lastProblemAt: null,
    createdBy: '1',
    createdAt: new Date('2026-11-27T00:00:00.000Z'),
  };

  it('after scheduling: the settings with the note title, when answers are revealed, daylight saving time, and the next posts', () => {
    const reply = buildScheduledReply({
      schedule,
      nextRuns: [new Date('2026-11-27T13:30:00.000Z')],
      closeAfterMinutes: 45,
      kb: realKb,
      language: 'en',
      now: schedule.createdAt,
    });

    expect(reply.split('\n')).toEqual([
      `Quiz scheduled in <#${schedule.channelId}>: \`30 8 * * *\` (America/New_York), **${note?.title}**.`,
      'Each answer is revealed 45 minutes after its post.',
      'Questions are posted in English, your Discord language.',
      expect.stringMatching(/^America\/New_York changes its clocks: posts follow the local time\./),
      '',
      'Next posts (America/New_York):',
      `• Fri, 27 Nov 2026, 08:30 (<t:${Date.parse('2026-11-27T13:30:00Z') / 1000}:R>)`,
    ]);
  });

  it('leaves the daylight saving note out for a zone that keeps its clock, and speaks Korean to a Korean admin', () => {
    const reply = buildScheduledReply({
      schedule: { ...schedule, timezone: 'Asia/Seoul', noteId: null, closeAfterMinutes: null, language: 'ko' },
      nextRuns: [new Date('2026-11-30T00:00:00.000Z')],
      closeAfterMinutes: null,
      kb: realKb,
      language: 'ko',
      now: schedule.createdAt,
    });

    expect(reply).toContain('`30 8 * * *` (Asia/Seoul), 모든 노트.');
    expect(reply).toContain('정답은 다음 문제가 올라올 때 공개돼요.');
    expect(reply).toContain('2026년 11월 30일 (월) 09:00');
    expect(reply).not.toContain('서머타임');
  });

  it("after /quiz-admin now: the Discord problem in the admin's words, a question still open with its link, a resumed channel", async () => {
    const store = openTestStore();
    const open = { ...(await storeQuestion(store, askAbout(realKb, container.id))), messageId: '330000000000000009' };
    const now = open.createdAt;

    const refused = describePostOutcome(
      { ok: false, reason: 'channel-problem', problem: { kind: 'missing-permissions', permissions: ['Send Messages'] } },
      '<#2>',
      'ko',
      now,
    );
    const outage = describePostOutcome(
      { ok: false, reason: 'failed', failure: { kind: 'post-failed', error: '503 Service Unavailable' } },
      '<#2>',
      'en',
      now,
    );
    const busy = describePostOutcome({ ok: false, reason: 'already-open', question: open }, '<#2>', 'en', now);
    const resumed = describePostOutcome({ ok: true, question: open, resumed: true }, '<#2>', 'en', now);

    expect(refused).toBe(
      '<#2>에 글을 올릴 수 없어요: 봇에 **메시지 보내기 (Send Messages)** 권한이 없어요. 채널 권한을 고친 뒤 다시 시도해 주세요. 올리기에 성공할 때까지 이 채널의 일정은 일시 중지돼요.',
    );
    expect(outage).toContain('Posting in <#2> failed: 503 Service Unavailable. Discord may be having trouble');
    expect(busy.split('\n')[0]).toBe(
      `A question is still open there: https://discord.com/channels/${open.guildId}/${open.channelId}/${open.messageId}`,
    );
    expect(busy).toContain('`/quiz-admin reveal`');
    expect(resumed.split('\n').at(-1)).toBe('The schedule of <#2> was paused after a problem; the post worked, so it runs again.');
  });
});

describe('the schedule list', () => {
  function listing(index: number, problem: ScheduleProblem | null): ScheduleListing {
    const at = new Date('2026-11-27T00:00:00.000Z');
    return {
      schedule: {
        guildId: '110000000000000001',
        channelId: String(220000000000000000n + BigInt(index)),
        cron: '0 9 * * 1-5',
        timezone: 'Asia/Seoul',
        noteId: index % 2 === 0 ? 'docker-kubernetes' : null,
        closeAfterMinutes: null,
        language: null,
        paused: problem !== null,
        lastProblem: problem,
        lastProblemAt: problem ? at : null,
        createdBy: '1',
        createdAt: at,
      },
      nextRun: problem ? null : new Date('2026-11-30T00:00:00.000Z'),
      openQuestion: null,
      closeAfterMinutes: null,
    };
  }

  it('shows a paused channel with its last problem and how to resume', () => {
    const view = buildScheduleListView({
      entries: [listing(1, { kind: 'missing-permissions', permissions: ['Send Messages'] })],
      kb: realKb,
      language: 'en',
      channelName: () => 'quiz',
    });

    const [field] = view.embeds[0]?.fields ?? [];
    expect(field?.name).toBe('#quiz');
    expect(field?.value).toContain('I am missing **Send Messages** there');
    expect(field?.value).toContain('Paused');
    expect(field?.value).not.toContain('Next post');
  });

  it('lists as many schedules as fit into one message and counts the rest', () => {
    const entries = Array.from({ length: 40 }, (_, index) =>
      listing(index, index % 3 === 0 ? { kind: 'post-failed', error: 'x'.repeat(400) } : null),
    );

    const view = buildScheduleListView({ entries, kb: realKb, language: 'ko', channelName: () => undefined });

    const fields = view.embeds[0]?.fields ?? [];
    const shown = fields.length - 1;
    expect(fields.at(-1)?.value).toBe(`…외 ${40 - shown}개`);
    expect(shown).toBeGreaterThan(5);
    expectWithinDiscordLimits(view);
  });
});

describe('refusals in Korean', () => {
  const refuse = (refusal: Parameters<typeof describeScheduleRefusal>[0]['refusal'], typed: { cron?: string; timezone?: string } = {}) =>
    describeScheduleRefusal({
      refusal,
      cron: typed.cron ?? '0 9 * * 1-5',
      timezone: typed.timezone ?? 'Asia/Seoul',
      note: '',
      channel: '<#2>',
      language: 'ko',
    });

  it('quote what the admin typed followed by a word of the bot, so no particle has to guess 은/는 or 을/를', () => {
    const zone = refuse({ ok: false, reason: 'invalid-timezone', example: 'Asia/Seoul' }, { timezone: 'Asia/Seol' });
    const cron = refuse(
      { ok: false, reason: 'invalid-cron', cronProblem: { kind: 'field-value', field: 'minute', value: '61' }, example: '0 9 * * 1-5' },
      { cron: '61 9 * * *' },
    );

    expect(zone).toBe('`Asia/Seol` 시간대를 찾을 수 없어요. `Asia/Seoul`, `Europe/Berlin`, `America/New_York` 같은 IANA 이름을 쓰세요.');
    expect(cron.split('\n')[0]).toBe(
      '`61 9 * * *` 표현식으로는 일정을 만들 수 없어요: 분 칸에 `61` 값은 쓸 수 없어요. 0–59, `*`, 목록, 범위, 간격(예: `0,30`, `*/15`)을 쓰세요.',
    );
    expect(`${zone}${cron}`).not.toMatch(/\((은|는|을|를|으|이|가)\)/);
  });

  it('name missing permissions as the Korean channel settings do, with the English name beside them', () => {
    const refused = refuse({ ok: false, reason: 'missing-permissions', missing: ['Send Messages', 'Embed Links'] });

    expect(refused).toContain('봇에 **메시지 보내기 (Send Messages), 링크 첨부 (Embed Links)** 권한이 없어요');
  });
});

describe('cron problems in English', () => {
  const refuse = (cronProblem: CronProblem, cron: string) =>
    describeScheduleRefusal({
      refusal: { ok: false, reason: 'invalid-cron', cronProblem, example: '0 9 * * 1-5' },
      cron,
      timezone: 'UTC',
      note: '',
      channel: '<#2>',
      language: 'en',
    });

  it('say how often the schedule would post and give examples that fit, then the field order', () => {
    const reply = refuse({ kind: 'too-frequent', gapMs: 1_000, minimumGapMs: 10 * 60_000 }, '* * * * * *');

    expect(reply).toContain('it posts again after only 1 second, and the quiz posts at most once every 10 minutes');
    expect(reply).toContain('`*/30 * * * *` = every 30 minutes');
    expect(reply.split('\n')[1]).toBe(
      'Example: `0 9 * * 1-5` = 09:00 Monday to Friday; `30 8 * * *` = every day at 08:30 (minute hour day-of-month month weekday).',
    );
  });

  it('name the field and the values it takes, and suggest # for both day fields', () => {
    expect(refuse({ kind: 'field-value', field: 'dayOfWeek', value: '8' }, '0 9 * * 8')).toContain(
      'the weekday field `8` is not valid (use 0–7 or sun–sat (0 and 7 are Sunday)',
    );
    expect(refuse({ kind: 'both-day-fields', dayOfMonth: '1-7', dayOfWeek: '1' }, '0 9 1-7 * 1')).toContain(
      '`0 9 * * 1#1` = 09:00 on the first Monday',
    );
  });
});
