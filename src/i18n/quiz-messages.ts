import type { AnswerConfidence } from '../learning/answer-rating.js';
import { type CronField, cronFieldLabels, describeGap } from '../quiz/cron-schedule.js';
import type { Language } from './locale.js';

/**
 * What the quiz says on Discord, per language: posts, reveals, answer acknowledgements, `/quiz`,
 * `/quiz-admin` and `/leaderboard`. Arguments are already formatted for Discord (timestamps such as
 * `<t:1795764779:t>`, escaped names, channel mentions), so these strings never decide how user text is escaped.
 */
export interface QuizMessages {
  common: {
    guildOnly: string;
    unknownNote(quotedNote: string): string;
  };
  post: {
    title: string;
    practiceTitle: string;
    /** The line above the prompt, per question kind. */
    whichConceptLead: string;
    clozeLead: string;
    /** Above a question the note's author wrote (asked as written). */
    authoredLead: string;
    noteLabel: string;
    closesField: string;
    firstClickCounts: string;
    practiceFooter: string;
  };
  reveal: {
    title: string;
    answerField: string;
    explanationField: string;
    source(place: string): string;
    participantsField: string;
    /** A number of members: the participants and each option's tally. */
    headcount(count: number): string;
    correctField(count: number): string;
    nobodyRight: string;
    noAnswers: string;
    andMore(count: number): string;
    openConcept: string;
    closedFooter: string;
  };
  answer: {
    /** `resultAt` is already formatted: a Discord timestamp with its relative form. */
    recorded(letter: string, resultAt: string): string;
    alreadyAnswered(letter: string): string;
    closed(answer: string): string;
    unknown: string;
    /** A custom id the bot never made (a choice outside A–D, a mangled id). */
    invalidButton: string;
    practiceRight: string;
    /** An embed title: the letter only, the options below show which one it is. */
    practiceWrong(letter: string): string;
    practiceAlreadyAnswered(letter: string): string;
    notYourPractice: string;
    /** The button names a question of another server, channel or post (a crafted or copied button). */
    notFromHere: string;
    conceptGone: string;
  };
  practice: {
    noQuestion: string;
  };
  /** `/quiz practice` with the author's own flashcards: question, "Show answer", then a self-grade. */
  flashcard: {
    title: string;
    /** Above the question: what to do before showing the answer. */
    lead: string;
    answerField: string;
    /** Above the answer, with the grade buttons. */
    gradePrompt: string;
    showAnswer: string;
    knewIt: string;
    didnt: string;
    next: string;
    /** The grade is stored; the card comes back after `days` / `minutes`. */
    gradedKnew(days: number): string;
    gradedDidnt(minutes: number): string;
    footer: string;
    notYours: string;
    gone: string;
    /** A custom id the bot never made. */
    invalidButton: string;
  };
  stats: {
    title(name: string): string;
    pointsField: string;
    accuracyField: string;
    accuracy(percent: number, answered: number): string;
    streakField: string;
    bestStreakField: string;
    weakestField: string;
    weakestLine(label: string, correct: number, answered: number): string;
    noAnswers: string;
    footer: string;
  };
  leaderboard: {
    title(period: 'week' | 'month' | 'all'): string;
    since(start: string, timezone: string): string;
    allTime: string;
    row(points: number, accuracyPercent: number, streak: number): string;
    you: string;
    empty: string;
  };
  admin: {
    needsManageServer: string;
    scheduled(channel: string, cron: string, timezone: string, note: string): string;
    allNotes: string;
    nextPosts(timezone: string): string;
    noNextPost: string;
    /** When answers are revealed: `minutes` after each post, or at the next post (null). */
    revealPolicy(minutes: number | null): string;
    postLanguage: string;
    /** Shown for zones whose clocks change: what the schedule does on those nights. */
    daylightSaving(timezone: string): string;
    invalidCron(quotedCron: string, detail: string): string;
    cronProblem: {
      empty: string;
      unknownShortcut(quotedShortcut: string, shortcuts: string): string;
      fieldCount(count: number): string;
      characters: string;
      fieldValue(field: CronField, quotedValue: string): string;
      neverFires: string;
      bothDayFields(quotedDayOfMonth: string, quotedWeekday: string): string;
      /** Two posts only `gapMs` apart, under the `minimumGapMs` a schedule must leave. */
      tooFrequent(gapMs: number, minimumGapMs: number): string;
      invalid: string;
    };
    invalidCloseAfter(min: number, max: number): string;
    /** `/quiz-admin now` run in a thread or a voice channel's chat without naming a channel. */
    textChannelsOnly: string;
    invalidTimezone(quotedZone: string): string;
    missingPermissions(channel: string, permissions: string): string;
    /** Discord's "Missing Permissions" for a post, in the admin's words: `permissions` already translated. */
    missingPermissionsDetail(permissions: string): string;
    unknownChannel(channel: string): string;
    unscheduled(channel: string): string;
    notScheduled(channel: string): string;
    listTitle: string;
    listEmpty: string;
    listMore(count: number): string;
    nextPost(at: string, relative: string): string;
    openQuestion(link: string, closes: string): string;
    noOpenQuestion: string;
    lastProblem(problem: string, at: string): string;
    /** A closed question whose post still looks open: its reveal edit is owed and tried again at `nextTry`. */
    unrevealedQuestion(link: string, nextTry: string): string;
    /** Discord's 429 with a long `retry_after`, as the list's last problem. */
    rateLimitedDetail(minutes: number): string;
    paused: string;
    posted(link: string, closes: string): string;
    /** Added to `posted` when the post ended a pause. */
    resumed(channel: string): string;
    alreadyOpen(link: string, closes: string): string;
    noQuestion: string;
    channelProblem(channel: string, detail: string): string;
    postFailedTransient(channel: string, detail: string): string;
    postFailed(channel: string, detail: string): string;
    /** `/quiz-admin now` refused by a long rate limit: nothing was posted. */
    rateLimited(channel: string, minutes: number): string;
    revealed(link: string, answer: string, participants: number, correct: number): string;
    nothingToReveal(channel: string): string;
  };
  // ── learning (issue 10): members' memory. One section so the i18n restructure can move it whole. ──
  learning: {
    /** Asked under "answer recorded" of a channel question. */
    confidenceQuestion: string;
    /** Button labels: 확실했다 / 헷갈렸다 / 찍었다. */
    confidenceLabels: Readonly<Record<AnswerConfidence, string>>;
    /** The confidence was counted; `label` is the button's. */
    confidenceNoted(letter: string, label: string): string;
    /** The result is out: confidence after seeing it would say nothing about recall. */
    confidenceClosed: string;
    confidenceNotAnswered: string;
    /** A later review of the concept already built on this answer. */
    confidenceTooLate: string;
  };
}

/** `45초`, `10분`: a gap between posts, rounded as `describeGap` rounds it in English. */
function koreanDuration(ms: number): string {
  return ms < 60_000 ? `${Math.max(1, Math.round(ms / 1000))}초` : `${Math.round(ms / 60_000)}분`;
}

/** Shown with every cron error: the shape people get wrong is the field order. */
const cronExamplesEnglish =
  'Example: `0 9 * * 1-5` = 09:00 Monday to Friday; `30 8 * * *` = every day at 08:30 (minute hour day-of-month month weekday).';
const cronExamplesKorean =
  '예: `0 9 * * 1-5` = 월~금 09:00, `30 8 * * *` = 매일 08:30 (분 시 일 월 요일 순서).';

const koreanFields: Record<CronField, { name: string; values: string; sample: string }> = {
  second: { name: '초', values: '0–59', sample: '*/30' },
  minute: { name: '분', values: '0–59', sample: '0,30' },
  hour: { name: '시', values: '0–23', sample: '9-17' },
  dayOfMonth: { name: '일', values: '1–31 또는 L(말일)', sample: '1,15' },
  month: { name: '월', values: '1–12 또는 jan–dec', sample: 'mar-nov' },
  dayOfWeek: { name: '요일', values: '0–7 또는 sun–sat (0과 7은 일요일)', sample: 'mon-fri' },
};

const english: QuizMessages = {
  common: {
    guildOnly: 'The quiz works in servers only.',
    unknownNote: (note) => `There is no note ${note}. Pick one from the list, or leave \`note\` empty for every note.`,
  },
  post: {
    title: 'Quiz',
    practiceTitle: 'Practice question',
    whichConceptLead: 'Which concept does this describe?',
    clozeLead: 'Which term fills the blank?',
    authoredLead: 'A question from the notes:',
    noteLabel: 'Note',
    closesField: 'Result',
    firstClickCounts: 'Your first click counts.',
    practiceFooter: 'Practice: only you see this, and it does not count toward the leaderboard.',
  },
  reveal: {
    title: 'Quiz result',
    answerField: 'Answer',
    explanationField: 'Explanation',
    source: (place) => `Source: ${place}`,
    participantsField: 'Participants',
    headcount: (count) => String(count),
    correctField: (count) => `Answered right (${count})`,
    nobodyRight: 'Nobody this time.',
    noAnswers: 'Nobody answered.',
    andMore: (count) => `and ${count} more`,
    openConcept: 'Open concept',
    closedFooter: 'Closed',
  },
  answer: {
    recorded: (letter, at) => `Answer recorded: **${letter}**. The result comes at ${at}.`,
    alreadyAnswered: (letter) => `You already answered **${letter}**: your first answer counts.`,
    closed: (answer) => `This question is closed. The answer was **${answer}**.`,
    unknown: 'I cannot find this question any more: it may belong to an older version of the bot. Wait for the next one!',
    invalidButton: 'That button is not an answer to a quiz question. Answer with the A–D buttons under a quiz post.',
    practiceRight: '✅ Right!',
    practiceWrong: (letter) => `❌ Not quite: the answer is ${letter}.`,
    practiceAlreadyAnswered: (letter) => `You already answered **${letter}** to this practice question. Start another with \`/quiz practice\`.`,
    notYourPractice: 'This practice question belongs to someone else. Start your own with `/quiz practice`.',
    notFromHere: 'That button does not belong to a quiz question posted here, so it counts nothing. Answer with the buttons under the quiz post itself.',
    conceptGone: 'That concept is no longer in the notes. Browse the current ones with `/concepts`.',
  },
  practice: {
    noQuestion: 'I could not make a question from these notes: they need at least a few concepts with enough text.',
  },
  flashcard: {
    title: 'Flashcard',
    lead: 'Answer in your head, then show the answer.',
    answerField: 'Answer',
    gradePrompt: 'Did you know it?',
    showAnswer: 'Show answer',
    knewIt: 'Knew it',
    didnt: "Didn't",
    next: 'Next card',
    gradedKnew: (days) => `✅ Noted: you knew it. This card comes back in ${days} day${days === 1 ? '' : 's'}.`,
    gradedDidnt: (minutes) => `📌 Noted: not yet. This card comes back in ${minutes} minutes.`,
    footer: 'A flashcard from the notes: only you see this, and your grade only steers your own practice.',
    notYours: 'This flashcard belongs to someone else. Start your own with `/quiz practice`.',
    gone: 'This flashcard is no longer in the notes (they changed since). Start again with `/quiz practice`.',
    invalidButton: 'That button is not a flashcard button I made. Start again with `/quiz practice`.',
  },
  stats: {
    title: (name) => `Quiz stats: ${name}`,
    pointsField: 'Points',
    accuracyField: 'Accuracy',
    accuracy: (percent, answered) => `${percent}% of ${answered} answer${answered === 1 ? '' : 's'}`,
    streakField: 'Streak',
    bestStreakField: 'Best streak',
    weakestField: 'Weakest concepts',
    weakestLine: (label, correct, answered) => `${label}: ${correct}/${answered} right`,
    noAnswers: 'No quiz answers yet. Answer the next quiz post, or try `/quiz practice`.',
    footer: 'Practice questions do not count here.',
  },
  leaderboard: {
    title: (period) => ({ week: 'Leaderboard: this week', month: 'Leaderboard: this month', all: 'Leaderboard: all time' })[period],
    since: (start, timezone) => `Since ${start} (${timezone})`,
    allTime: 'Every answer since the first quiz.',
    // A streak of 0 is most rows' state and says nothing: it is left out rather than repeated down the list.
    row: (points, accuracy, streak) => `**${points}** pt${points === 1 ? '' : 's'} · ${accuracy}% right${streak > 0 ? ` · streak ${streak}` : ''}`,
    you: '(you)',
    empty: 'No answers in this period yet. The next quiz post is your chance!',
  },
  admin: {
    needsManageServer: 'Only members with the **Manage Server** permission can configure the quiz.',
    scheduled: (channel, cron, timezone, note) => `Quiz scheduled in ${channel}: \`${cron}\` (${timezone}), ${note}.`,
    allNotes: 'all notes',
    nextPosts: (timezone) => `Next posts (${timezone}):`,
    noNextPost: 'This schedule has no upcoming post.',
    revealPolicy: (minutes) =>
      minutes === null ? 'Each answer is revealed when the next question is posted.' : `Each answer is revealed ${minutes} minute${minutes === 1 ? '' : 's'} after its post.`,
    postLanguage: 'Questions are posted in English, your Discord language.',
    daylightSaving: (timezone) =>
      `${timezone} changes its clocks: posts follow the local time. On the night the clock jumps forward, a time that does not exist is skipped; when a time comes twice, it posts once.`,
    invalidCron: (cron, detail) => `I cannot use ${cron} as a schedule: ${detail}.\n${cronExamplesEnglish}`,
    cronProblem: {
      empty: 'it is empty',
      unknownShortcut: (shortcut, shortcuts) => `${shortcut} is not a shortcut I know (use ${shortcuts}, or five fields)`,
      fieldCount: (count) => `it needs 5 fields (minute hour day-of-month month weekday), or 6 with seconds first, but has ${count}`,
      characters: 'only digits, names (mon, jan) and `* , - / # ? L W` are allowed',
      fieldValue: (field, value) => {
        const label = cronFieldLabels[field];
        return `the ${label.name} field ${value} is not valid (use ${label.values}, \`*\`, a list, a range or a step such as \`${label.sample}\` or \`*/15\`)`;
      },
      neverFires: 'it never fires, because no such day is in the calendar',
      bothDayFields: (dayOfMonth, weekday) =>
        `it limits both the day of month (${dayOfMonth}) and the weekday (${weekday}). The bot would post only on days matching both, ` +
        'while classic cron posts on either, so limit one of them: `0 9 * * 1#1` = 09:00 on the first Monday of each month, `0 9 1,15 * *` = 09:00 on the 1st and 15th',
      tooFrequent: (gap, minimum) =>
        `it posts again after only ${describeGap(gap)}, and the quiz posts at most once every ${describeGap(minimum)} ` +
        '(e.g. `*/30 * * * *` = every 30 minutes, `0 9,13 * * 1-5` = weekdays at 09:00 and 13:00)',
      invalid: 'it is not a valid cron expression',
    },
    textChannelsOnly: 'Quiz questions are posted in text or announcement channels only. Pick one with the `channel` option.',
    invalidCloseAfter: (min, max) => `\`close-after\` must be a whole number of minutes from ${min} to ${max} (one week).`,
    invalidTimezone: (zone) =>
      `${zone} is not a time zone I know. Use an IANA name, for example \`Asia/Seoul\`, \`Europe/Berlin\` or \`America/New_York\`.`,
    missingPermissions: (channel, permissions) =>
      `I cannot post in ${channel}: I am missing **${permissions}** there. Grant it in the channel's permissions and try again.`,
    missingPermissionsDetail: (permissions) => `I am missing **${permissions}** there`,
    unknownChannel: (channel) => `I cannot see ${channel}. Check that the bot can view it and try again.`,
    unscheduled: (channel) => `No more quiz posts in ${channel}. An open question there still closes as planned.`,
    notScheduled: (channel) => `${channel} has no quiz schedule.`,
    listTitle: 'Quiz schedules',
    listEmpty: 'No channel has a quiz schedule yet. Add one with `/quiz-admin schedule`.',
    listMore: (count) => `…and ${count} more`,
    nextPost: (at, relative) => `Next post: ${at} (${relative})`,
    openQuestion: (link, closes) => `Open question: ${link}, closes ${closes}`,
    noOpenQuestion: 'No open question',
    lastProblem: (problem, at) => `⚠️ Last problem (${at}): ${problem}`,
    unrevealedQuestion: (link, nextTry) => `⚠️ The result of ${link} is not shown yet: the post still looks open. Next try ${nextTry}.`,
    rateLimitedDetail: (minutes) => `Discord asked us to wait ${minutes} minute${minutes === 1 ? '' : 's'}`,
    paused: '⏸️ Paused after that problem, so Discord is not asked again at every slot. Fix it, then `/quiz-admin now` here resumes the schedule with a question (or schedule the channel again).',
    posted: (link, closes) => `Question posted: ${link}\nThe answer is revealed at ${closes}.`,
    resumed: (channel) => `The schedule of ${channel} was paused after a problem; the post worked, so it runs again.`,
    alreadyOpen: (link, closes) =>
      `A question is still open there: ${link}\nIts answer is revealed at ${closes}; to post a new one now, reveal it first with \`/quiz-admin reveal\`.`,
    noQuestion: 'I could not make a question from the notes in scope: they need a few concepts with enough text.',
    channelProblem: (channel, detail) =>
      `I cannot post in ${channel}: ${detail}. Fix the channel's permissions and try again; its schedule stays paused until a post works.`,
    postFailedTransient: (channel, detail) =>
      `Posting in ${channel} failed: ${detail}. Discord may be having trouble; try again in a moment (a schedule tries again at its next slot).`,
    postFailed: (channel, detail) => `Posting in ${channel} failed: ${detail}`,
    rateLimited: (channel, minutes) =>
      `Discord asks us to wait ${minutes} minute${minutes === 1 ? '' : 's'} before posting in ${channel}. Nothing was posted: try again after that (a schedule tries again at its next slot).`,
    revealed: (link, answer, participants, correct) =>
      `Revealed ${link}: the answer was **${answer}**; ${participants} answered, ${correct} right.`,
    nothingToReveal: (channel) => `${channel} has no open question.`,
  },
  learning: {
    confidenceQuestion: 'How sure were you? (only you see this; it helps the bot ask again at the right time)',
    confidenceLabels: { sure: 'Sure', unsure: 'Unsure', guessed: 'Guessed' },
    confidenceNoted: (letter, label) => `Answer recorded: **${letter}**. Noted: ${label}. The result comes with the reveal.`,
    confidenceClosed: 'The result is already out, so how sure you were no longer changes anything.',
    confidenceNotAnswered: 'Answer the question first, then say how sure you were.',
    confidenceTooLate: 'You have reviewed this concept again since, so this answer can no longer be re-rated.',
  },
};

const korean: QuizMessages = {
  common: {
    guildOnly: '퀴즈는 서버에서만 쓸 수 있어요.',
    unknownNote: (note) => `${note} 노트가 없어요. 목록에서 고르거나 \`노트\` 옵션을 비워 두면 모든 노트에서 출제해요.`,
  },
  post: {
    title: '퀴즈',
    practiceTitle: '연습 문제',
    whichConceptLead: '다음 설명에 해당하는 개념은?',
    clozeLead: '빈칸에 들어갈 용어는?',
    authoredLead: '노트에 실린 문제:',
    noteLabel: '노트',
    closesField: '결과 발표',
    firstClickCounts: '처음 누른 답만 인정돼요.',
    practiceFooter: '연습 문제: 나에게만 보이고 순위표에는 반영되지 않아요.',
  },
  reveal: {
    title: '퀴즈 결과',
    answerField: '정답',
    explanationField: '설명',
    source: (place) => `출처: ${place}`,
    participantsField: '참여자',
    headcount: (count) => `${count}명`,
    correctField: (count) => `정답자 (${count}명)`,
    nobodyRight: '이번에는 아무도 없어요.',
    noAnswers: '응답한 사람이 없어요.',
    andMore: (count) => `외 ${count}명`,
    openConcept: '개념 보기',
    closedFooter: '마감',
  },
  answer: {
    // A–D are read 에이, 비, 씨, 디: after a letter the particle is always 로 and the copula 예요.
    recorded: (letter, at) => `**${letter}**로 답을 기록했어요. 결과는 ${at}에 발표돼요.`,
    alreadyAnswered: (letter) => `이미 **${letter}**로 답했어요. 처음 고른 답만 인정돼요.`,
    // The option is note text: a colon instead of a copula that would have to agree with its last syllable.
    closed: (answer) => `이미 마감된 문제예요. 정답: **${answer}**`,
    unknown: '이 문제를 찾을 수 없어요. 이전 버전의 봇이 낸 문제일 수 있어요. 다음 문제를 기다려 주세요!',
    invalidButton: '퀴즈 문제의 답 버튼이 아니에요. 퀴즈 글 아래의 A–D 버튼으로 답해 주세요.',
    practiceRight: '✅ 정답이에요!',
    practiceWrong: (letter) => `❌ 아쉬워요. 정답은 ${letter}예요.`,
    practiceAlreadyAnswered: (letter) => `이 연습 문제에는 이미 **${letter}**로 답했어요. \`/퀴즈 연습\`으로 새 문제를 풀어 보세요.`,
    notYourPractice: '다른 사람의 연습 문제예요. `/퀴즈 연습`으로 나만의 문제를 풀어 보세요.',
    notFromHere: '여기에 올라온 퀴즈 문제의 버튼이 아니라서 답으로 인정되지 않아요. 퀴즈 글 바로 아래의 버튼으로 답해 주세요.',
    conceptGone: '그 개념은 이제 노트에 없어요. `/개념목록`으로 지금 있는 개념을 둘러보세요.',
  },
  practice: {
    noQuestion: '이 노트로는 문제를 만들 수 없어요. 내용이 충분한 개념이 몇 개 더 필요해요.',
  },
  flashcard: {
    title: '플래시카드',
    lead: '머릿속으로 답해 본 다음 답을 확인해 보세요.',
    answerField: '답',
    gradePrompt: '알고 있었나요?',
    showAnswer: '답 보기',
    knewIt: '알았다',
    didnt: '몰랐다',
    next: '다음 카드',
    gradedKnew: (days) => `✅ 알았다고 기록했어요. 이 카드는 ${days}일 뒤에 다시 나와요.`,
    gradedDidnt: (minutes) => `📌 몰랐다고 기록했어요. 이 카드는 ${minutes}분 뒤에 다시 나와요.`,
    footer: '노트에 있는 플래시카드예요. 나에게만 보이고, 채점은 내 연습에만 쓰여요.',
    notYours: '다른 사람의 플래시카드예요. `/퀴즈 연습`으로 나만의 카드를 풀어 보세요.',
    gone: '이 플래시카드는 이제 노트에 없어요(노트가 바뀌었어요). `/퀴즈 연습`으로 다시 시작해 주세요.',
    invalidButton: '제가 만든 플래시카드 버튼이 아니에요. `/퀴즈 연습`으로 다시 시작해 주세요.',
  },
  stats: {
    title: (name) => `퀴즈 기록: ${name}`,
    pointsField: '점수',
    accuracyField: '정답률',
    accuracy: (percent, answered) => `${percent}% (${answered}문제)`,
    streakField: '연속 정답',
    bestStreakField: '최고 연속 정답',
    weakestField: '약한 개념',
    weakestLine: (label, correct, answered) => `${label}: ${answered}문제 중 ${correct}문제 정답`,
    noAnswers: '아직 푼 퀴즈가 없어요. 다음 퀴즈에 답하거나 `/퀴즈 연습`으로 연습해 보세요.',
    footer: '연습 문제는 여기에 반영되지 않아요.',
  },
  leaderboard: {
    title: (period) => ({ week: '순위표: 이번 주', month: '순위표: 이번 달', all: '순위표: 전체 기간' })[period],
    since: (start, timezone) => `${start}부터 (${timezone})`,
    allTime: '첫 퀴즈부터 지금까지의 기록이에요.',
    row: (points, accuracy, streak) => `**${points}**점 · 정답률 ${accuracy}%${streak > 0 ? ` · 연속 정답 ${streak}` : ''}`,
    you: '(나)',
    empty: '이 기간에는 아직 답이 없어요. 다음 퀴즈에 도전해 보세요!',
  },
  admin: {
    needsManageServer: '**서버 관리** 권한이 있는 멤버만 퀴즈를 설정할 수 있어요.',
    scheduled: (channel, cron, timezone, note) => `${channel}에 퀴즈를 예약했어요: \`${cron}\` (${timezone}), ${note}.`,
    allNotes: '모든 노트',
    nextPosts: (timezone) => `다음 출제 시각 (${timezone}):`,
    noNextPost: '이 일정에는 앞으로의 출제 시각이 없어요.',
    revealPolicy: (minutes) => (minutes === null ? '정답은 다음 문제가 올라올 때 공개돼요.' : `정답은 문제를 올리고 ${minutes}분 뒤에 공개돼요.`),
    postLanguage: '문제는 지금 쓰는 Discord 언어인 한국어로 올라가요.',
    // What the admin typed is followed by a word of ours (시간대, 표현식, 값), so the particle never has to guess.
    daylightSaving: (timezone) =>
      `${timezone} 시간대는 서머타임으로 시계가 바뀌어요. 출제는 현지 시각을 따르고, 시계가 앞당겨지는 밤에 없는 시각은 건너뛰며, 같은 시각이 두 번 오면 한 번만 출제해요.`,
    invalidCron: (cron, detail) => `${cron} 표현식으로는 일정을 만들 수 없어요: ${detail}.\n${cronExamplesKorean}`,
    cronProblem: {
      empty: '비어 있어요',
      unknownShortcut: (shortcut, shortcuts) => `${shortcut} 단축 표현은 알 수 없어요 (${shortcuts} 또는 다섯 칸 표현식을 쓰세요)`,
      fieldCount: (count) => `다섯 칸(분 시 일 월 요일)이어야 해요 (초를 앞에 붙이면 여섯 칸). 지금은 ${count}칸이에요`,
      characters: '숫자, 이름(mon, jan)과 `* , - / # ? L W`만 쓸 수 있어요',
      fieldValue: (field, value) => {
        const label = koreanFields[field];
        return `${label.name} 칸에 ${value} 값은 쓸 수 없어요. ${label.values}, \`*\`, 목록, 범위, 간격(예: \`${label.sample}\`, \`*/15\`)을 쓰세요`;
      },
      neverFires: '달력에 없는 날이라 한 번도 출제되지 않아요',
      bothDayFields: (dayOfMonth, weekday) =>
        `날짜(${dayOfMonth})와 요일(${weekday})을 함께 제한했어요. 이 봇은 둘 다 맞는 날에만 출제하지만 보통의 cron은 둘 중 하나만 맞아도 실행해서 헷갈리기 쉬워요. ` +
        '하나만 제한하세요: `0 9 * * 1#1` = 매월 첫째 월요일 09:00, `0 9 1,15 * *` = 매월 1일과 15일 09:00',
      tooFrequent: (gap, minimum) =>
        `${koreanDuration(gap)} 만에 다시 출제돼요. 퀴즈는 ${koreanDuration(minimum)}에 한 번까지만 올릴 수 있어요 ` +
        '(예: `*/30 * * * *` = 30분마다, `0 9,13 * * 1-5` = 평일 09:00과 13:00)',
      invalid: '올바른 cron 표현식이 아니에요',
    },
    textChannelsOnly: '퀴즈는 텍스트 채널이나 공지 채널에만 올릴 수 있어요. `채널` 옵션으로 채널을 골라 주세요.',
    invalidCloseAfter: (min, max) => `\`공개-시간\`은 ${min}분에서 ${max}분(일주일) 사이의 정수여야 해요.`,
    invalidTimezone: (zone) => `${zone} 시간대를 찾을 수 없어요. \`Asia/Seoul\`, \`Europe/Berlin\`, \`America/New_York\` 같은 IANA 이름을 쓰세요.`,
    missingPermissions: (channel, permissions) =>
      `${channel}에 글을 올릴 수 없어요: 봇에 **${permissions}** 권한이 없어요. 채널 권한에서 허용한 뒤 다시 시도해 주세요.`,
    missingPermissionsDetail: (permissions) => `봇에 **${permissions}** 권한이 없어요`,
    unknownChannel: (channel) => `${channel} 채널을 볼 수 없어요. 봇에 채널 보기 권한이 있는지 확인해 주세요.`,
    unscheduled: (channel) => `${channel}에 더 이상 퀴즈를 올리지 않아요. 열려 있는 문제는 예정대로 마감돼요.`,
    notScheduled: (channel) => `${channel}에는 퀴즈 일정이 없어요.`,
    listTitle: '퀴즈 일정',
    listEmpty: '아직 퀴즈 일정이 있는 채널이 없어요. `/퀴즈-관리 예약`으로 추가하세요.',
    listMore: (count) => `…외 ${count}개`,
    nextPost: (at, relative) => `다음 출제: ${at} (${relative})`,
    openQuestion: (link, closes) => `열린 문제: ${link}, 마감 ${closes}`,
    noOpenQuestion: '열린 문제 없음',
    lastProblem: (problem, at) => `⚠️ 최근 오류 (${at}): ${problem}`,
    unrevealedQuestion: (link, nextTry) => `⚠️ ${link}의 결과를 아직 공개하지 못했어요. 게시물은 아직 열린 문제처럼 보여요. ${nextTry} 다시 시도해요.`,
    rateLimitedDetail: (minutes) => `Discord가 ${minutes}분 기다려 달라고 했어요`,
    // In the quiz 문제 means a question: a posting problem is called 오류 everywhere.
    paused:
      '⏸️ 이 오류 때문에 일정을 일시 중지했어요. 출제 시각마다 Discord에 같은 요청을 되풀이하지 않기 위해서예요. 오류를 해결한 뒤 `/퀴즈-관리 지금-출제`로 이 채널에 문제를 올리면 일정이 다시 시작돼요 (일정을 다시 예약해도 돼요).',
    posted: (link, closes) => `문제를 올렸어요: ${link}\n정답은 ${closes}에 공개돼요.`,
    resumed: (channel) => `${channel}의 일정은 오류로 일시 중지돼 있었는데, 이번에 잘 올라가서 다시 진행돼요.`,
    alreadyOpen: (link, closes) =>
      `이 채널에는 아직 열린 문제가 있어요: ${link}\n정답은 ${closes}에 공개돼요. 지금 새 문제를 올리려면 먼저 \`/퀴즈-관리 정답-공개\`로 공개하세요.`,
    noQuestion: '대상 노트로 문제를 만들 수 없어요. 내용이 충분한 개념이 몇 개 더 필요해요.',
    channelProblem: (channel, detail) =>
      `${channel}에 글을 올릴 수 없어요: ${detail}. 채널 권한을 고친 뒤 다시 시도해 주세요. 올리기에 성공할 때까지 이 채널의 일정은 일시 중지돼요.`,
    postFailedTransient: (channel, detail) =>
      `${channel}에 올리지 못했어요: ${detail}. Discord에 일시적인 장애가 있을 수 있어요. 잠시 후 다시 시도해 주세요 (예약된 일정은 다음 출제 시각에 다시 시도해요).`,
    postFailed: (channel, detail) => `${channel}에 올리지 못했어요: ${detail}`,
    rateLimited: (channel, minutes) =>
      `Discord가 ${minutes}분 기다려 달라고 해서 ${channel}에 아무것도 올리지 않았어요. 그 뒤에 다시 시도해 주세요 (예약된 일정은 다음 출제 시각에 다시 시도해요).`,
    revealed: (link, answer, participants, correct) => `${link} 결과를 공개했어요: 정답 **${answer}**, 참여 ${participants}명, 정답자 ${correct}명.`,
    nothingToReveal: (channel) => `${channel}에는 열린 문제가 없어요.`,
  },
  learning: {
    confidenceQuestion: '얼마나 확신했나요? (나만 보여요. 다시 물어볼 때를 정하는 데 써요)',
    confidenceLabels: { sure: '확실했다', unsure: '헷갈렸다', guessed: '찍었다' },
    confidenceNoted: (letter, label) => `**${letter}**로 답을 기록했어요. '${label}'로 반영했어요. 결과는 발표 때 나와요.`,
    confidenceClosed: '이미 결과가 발표되어서 확신 정도는 더 반영되지 않아요.',
    confidenceNotAnswered: '먼저 문제에 답한 다음 확신 정도를 알려 주세요.',
    confidenceTooLate: '그 뒤에 이 개념을 다시 복습해서 이 답은 더 바꿀 수 없어요.',
  },
};

const quizMessagesByLanguage: Record<Language, QuizMessages> = { en: english, ko: korean };

export function quizMessagesFor(language: Language): QuizMessages {
  return quizMessagesByLanguage[language];
}

/** Korean names of the permissions the quiz needs, so a Korean admin recognises them in the channel settings. */
const koreanPermissionNames: Record<string, string> = {
  'View Channel': '채널 보기',
  'Send Messages': '메시지 보내기',
  'Send Messages in Threads': '스레드에서 메시지 보내기',
  'Embed Links': '링크 첨부',
  'Read Message History': '메시지 기록 보기',
};

export function translatePermissionName(name: string, language: Language): string {
  const korean = koreanPermissionNames[name];
  return language === 'ko' && korean ? `${korean} (${name})` : name;
}
