import type { Language } from './locale.js';

/**
 * What the quiz says on Discord, per language: posts, reveals, answer acknowledgements, `/quiz`,
 * `/quiz-admin` and `/leaderboard`. Arguments are already formatted for Discord (timestamps such as
 * `<t:1795764779:t>`, escaped names, channel mentions), so these strings never decide how user text is escaped.
 */
export interface QuizMessages {
  post: {
    title: string;
    practiceTitle: string;
    /** The line above the prompt, per question kind. */
    whichConceptLead: string;
    clozeLead: string;
    noteLabel: string;
    closesField: string;
    closes(at: string, relative: string): string;
    firstClickCounts: string;
    practiceFooter: string;
  };
  reveal: {
    title: string;
    answerField: string;
    explanationField: string;
    source(place: string): string;
    tallyField: string;
    participantsField: string;
    correctField(count: number): string;
    nobodyRight: string;
    noAnswers: string;
    andMore(count: number): string;
    openConcept: string;
    closedFooter: string;
  };
  answer: {
    recorded(letter: string, resultAt: string, relative: string): string;
    alreadyAnswered(letter: string): string;
    closed(answer: string): string;
    unknown: string;
    practiceRight: string;
    practiceWrong(answer: string): string;
    practiceAlreadyAnswered(letter: string): string;
    notYourPractice: string;
    conceptGone: string;
  };
  practice: {
    noQuestion: string;
    unknownNote(quotedNote: string): string;
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
    guildOnly: string;
    scheduled(channel: string, cron: string, timezone: string, note: string): string;
    allNotes: string;
    nextPosts(timezone: string): string;
    noNextPost: string;
    invalidCron(quotedCron: string, detail: string): string;
    invalidTimezone(quotedZone: string): string;
    unknownNote(quotedNote: string): string;
    missingPermissions(channel: string, permissions: string): string;
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
    paused: string;
    posted(link: string, closes: string): string;
    alreadyOpen(channel: string): string;
    noQuestion: string;
    postFailed(channel: string, detail: string): string;
    revealed(link: string, answer: string, participants: number, correct: number): string;
    nothingToReveal(channel: string): string;
  };
}

/** Shown with every cron error: the shape people get wrong is the field order. */
const cronExamplesEnglish =
  'Example: `0 9 * * 1-5` = 09:00 Monday to Friday; `30 8 * * *` = every day at 08:30 (minute hour day-of-month month day-of-week).';
const cronExamplesKorean =
  '예: `0 9 * * 1-5` = 월~금 09:00, `30 8 * * *` = 매일 08:30 (분 시 일 월 요일 순서).';

const english: QuizMessages = {
  post: {
    title: 'Quiz',
    practiceTitle: 'Practice question',
    whichConceptLead: 'Which concept does this describe?',
    clozeLead: 'Which term fills the blank?',
    noteLabel: 'Note',
    closesField: 'Result',
    closes: (at, relative) => `${at} (${relative})`,
    firstClickCounts: 'Your first click counts.',
    practiceFooter: 'Practice: only you see this, and it does not count toward the leaderboard.',
  },
  reveal: {
    title: 'Quiz result',
    answerField: 'Answer',
    explanationField: 'Explanation',
    source: (place) => `Source: ${place}`,
    tallyField: 'Answers',
    participantsField: 'Participants',
    correctField: (count) => `Answered right (${count})`,
    nobodyRight: 'Nobody this time.',
    noAnswers: 'Nobody answered.',
    andMore: (count) => `and ${count} more`,
    openConcept: 'Open concept',
    closedFooter: 'Closed',
  },
  answer: {
    recorded: (letter, at, relative) => `Answer recorded: **${letter}**. The result comes at ${at} (${relative}).`,
    alreadyAnswered: (letter) => `You already answered **${letter}**: your first answer counts.`,
    closed: (answer) => `This question is closed. The answer was **${answer}**.`,
    unknown: 'I cannot find this question any more: it may belong to an older version of the bot. Wait for the next one!',
    practiceRight: '✅ Right!',
    practiceWrong: (answer) => `❌ Not quite. The answer is **${answer}**.`,
    practiceAlreadyAnswered: (letter) => `You already answered **${letter}** to this practice question. Start another with \`/quiz practice\`.`,
    notYourPractice: 'This practice question belongs to someone else. Start your own with `/quiz practice`.',
    conceptGone: 'That concept is no longer in the notes. Browse the current ones with `/concepts`.',
  },
  practice: {
    noQuestion: 'I could not make a question from these notes: they need at least a few concepts with enough text.',
    unknownNote: (note) => `There is no note ${note}. Pick one from the list, or leave \`note\` empty for every note.`,
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
    row: (points, accuracy, streak) => `**${points}** pt${points === 1 ? '' : 's'} · ${accuracy}% right · streak ${streak}`,
    you: '(you)',
    empty: 'No answers in this period yet. The next quiz post is your chance!',
  },
  admin: {
    needsManageServer: 'Only members with the **Manage Server** permission can configure the quiz.',
    guildOnly: 'The quiz works in servers only.',
    scheduled: (channel, cron, timezone, note) => `Quiz scheduled in ${channel}: \`${cron}\` (${timezone}), ${note}.`,
    allNotes: 'all notes',
    nextPosts: (timezone) => `Next posts (${timezone}):`,
    noNextPost: 'This schedule has no upcoming post.',
    invalidCron: (cron, detail) => `${cron} is not a valid cron expression (${detail}).\n${cronExamplesEnglish}`,
    invalidTimezone: (zone) =>
      `${zone} is not a time zone I know. Use an IANA name, for example \`Asia/Seoul\`, \`Europe/Berlin\` or \`America/New_York\`.`,
    unknownNote: (note) => `There is no note ${note}. Pick one from the list, or leave \`note\` empty for every note.`,
    missingPermissions: (channel, permissions) =>
      `I cannot post in ${channel}: I am missing **${permissions}** there. Grant it in the channel's permissions and try again.`,
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
    paused: '⏸️ Paused after that problem: fix it, then run `/quiz-admin schedule` for this channel again to resume.',
    posted: (link, closes) => `Posted ${link}. It closes ${closes}.`,
    alreadyOpen: (channel) => `${channel} already has an open question. Close it first with \`/quiz-admin reveal\`.`,
    noQuestion: 'I could not make a question from the notes in scope: they need a few concepts with enough text.',
    postFailed: (channel, detail) => `Posting in ${channel} failed: ${detail}`,
    revealed: (link, answer, participants, correct) =>
      `Revealed ${link}: the answer was **${answer}**; ${participants} answered, ${correct} right.`,
    nothingToReveal: (channel) => `${channel} has no open question.`,
  },
};

const korean: QuizMessages = {
  post: {
    title: '퀴즈',
    practiceTitle: '연습 문제',
    whichConceptLead: '다음 설명에 해당하는 개념은?',
    clozeLead: '빈칸에 들어갈 용어는?',
    noteLabel: '노트',
    closesField: '결과 발표',
    closes: (at, relative) => `${at} (${relative})`,
    firstClickCounts: '처음 누른 답만 인정돼요.',
    practiceFooter: '연습 문제: 나에게만 보이고 순위표에는 반영되지 않아요.',
  },
  reveal: {
    title: '퀴즈 결과',
    answerField: '정답',
    explanationField: '설명',
    source: (place) => `출처: ${place}`,
    tallyField: '응답',
    participantsField: '참여자',
    correctField: (count) => `정답자 (${count}명)`,
    nobodyRight: '이번에는 아무도 없어요.',
    noAnswers: '응답한 사람이 없어요.',
    andMore: (count) => `외 ${count}명`,
    openConcept: '개념 보기',
    closedFooter: '마감',
  },
  answer: {
    recorded: (letter, at, relative) => `**${letter}**(으)로 답을 기록했어요. 결과는 ${at} (${relative})에 발표돼요.`,
    alreadyAnswered: (letter) => `이미 **${letter}**(으)로 답했어요. 처음 답만 인정돼요.`,
    closed: (answer) => `마감된 문제예요. 정답은 **${answer}**였어요.`,
    unknown: '이 문제를 찾을 수 없어요. 이전 버전의 봇이 낸 문제일 수 있어요. 다음 문제를 기다려 주세요!',
    practiceRight: '✅ 정답이에요!',
    practiceWrong: (answer) => `❌ 아쉬워요. 정답은 **${answer}**예요.`,
    practiceAlreadyAnswered: (letter) => `이 연습 문제에는 이미 **${letter}**(으)로 답했어요. \`/quiz practice\`로 새 문제를 풀어 보세요.`,
    notYourPractice: '다른 사람의 연습 문제예요. `/quiz practice`로 나만의 문제를 풀어 보세요.',
    conceptGone: '그 개념은 이제 노트에 없어요. `/concepts`로 지금 있는 개념을 둘러보세요.',
  },
  practice: {
    noQuestion: '이 노트로는 문제를 만들 수 없어요. 내용이 충분한 개념이 몇 개 더 필요해요.',
    unknownNote: (note) => `${note} 노트가 없어요. 목록에서 고르거나 \`note\`를 비워 두면 모든 노트에서 출제해요.`,
  },
  stats: {
    title: (name) => `퀴즈 기록: ${name}`,
    pointsField: '점수',
    accuracyField: '정답률',
    accuracy: (percent, answered) => `${answered}번 중 ${percent}%`,
    streakField: '연속 정답',
    bestStreakField: '최고 연속 정답',
    weakestField: '약한 개념',
    weakestLine: (label, correct, answered) => `${label}: ${answered}번 중 ${correct}번 정답`,
    noAnswers: '아직 퀴즈 답이 없어요. 다음 퀴즈에 답하거나 `/quiz practice`로 연습해 보세요.',
    footer: '연습 문제는 여기에 반영되지 않아요.',
  },
  leaderboard: {
    title: (period) => ({ week: '순위표: 이번 주', month: '순위표: 이번 달', all: '순위표: 전체 기간' })[period],
    since: (start, timezone) => `${start}부터 (${timezone})`,
    allTime: '첫 퀴즈부터의 모든 답.',
    row: (points, accuracy, streak) => `**${points}**점 · 정답률 ${accuracy}% · 연속 ${streak}`,
    you: '(나)',
    empty: '이 기간에는 아직 답이 없어요. 다음 퀴즈에 도전해 보세요!',
  },
  admin: {
    needsManageServer: '**서버 관리** 권한이 있는 멤버만 퀴즈를 설정할 수 있어요.',
    guildOnly: '퀴즈는 서버에서만 쓸 수 있어요.',
    scheduled: (channel, cron, timezone, note) => `${channel}에 퀴즈를 예약했어요: \`${cron}\` (${timezone}), ${note}.`,
    allNotes: '모든 노트',
    nextPosts: (timezone) => `다음 출제 시각 (${timezone}):`,
    noNextPost: '이 일정에는 앞으로의 출제 시각이 없어요.',
    invalidCron: (cron, detail) => `${cron}은(는) 올바른 cron 표현식이 아니에요 (${detail}).\n${cronExamplesKorean}`,
    invalidTimezone: (zone) => `${zone}은(는) 알 수 없는 시간대예요. \`Asia/Seoul\`, \`Europe/Berlin\`, \`America/New_York\` 같은 IANA 이름을 쓰세요.`,
    unknownNote: (note) => `${note} 노트가 없어요. 목록에서 고르거나 \`note\`를 비워 두면 모든 노트에서 출제해요.`,
    missingPermissions: (channel, permissions) =>
      `${channel}에 글을 올릴 수 없어요: 봇에 **${permissions}** 권한이 없어요. 채널 권한에서 허용한 뒤 다시 시도해 주세요.`,
    unknownChannel: (channel) => `${channel}을(를) 볼 수 없어요. 봇이 채널을 볼 수 있는지 확인해 주세요.`,
    unscheduled: (channel) => `${channel}에 더 이상 퀴즈를 올리지 않아요. 열려 있는 문제는 예정대로 마감돼요.`,
    notScheduled: (channel) => `${channel}에는 퀴즈 일정이 없어요.`,
    listTitle: '퀴즈 일정',
    listEmpty: '아직 퀴즈 일정이 있는 채널이 없어요. `/quiz-admin schedule`로 추가하세요.',
    listMore: (count) => `…외 ${count}개`,
    nextPost: (at, relative) => `다음 출제: ${at} (${relative})`,
    openQuestion: (link, closes) => `열린 문제: ${link}, 마감 ${closes}`,
    noOpenQuestion: '열린 문제 없음',
    lastProblem: (problem, at) => `⚠️ 마지막 문제 (${at}): ${problem}`,
    paused: '⏸️ 이 문제로 일시 중지됨: 해결한 뒤 이 채널에 `/quiz-admin schedule`을 다시 실행하면 재개돼요.',
    posted: (link, closes) => `${link}을(를) 올렸어요. 마감은 ${closes}예요.`,
    alreadyOpen: (channel) => `${channel}에 이미 열린 문제가 있어요. 먼저 \`/quiz-admin reveal\`로 마감하세요.`,
    noQuestion: '대상 노트로 문제를 만들 수 없어요. 내용이 충분한 개념이 몇 개 더 필요해요.',
    postFailed: (channel, detail) => `${channel}에 올리지 못했어요: ${detail}`,
    revealed: (link, answer, participants, correct) => `${link} 결과를 공개했어요: 정답 **${answer}**, 참여 ${participants}명, 정답 ${correct}명.`,
    nothingToReveal: (channel) => `${channel}에는 열린 문제가 없어요.`,
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
