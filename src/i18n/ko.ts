import type { CronField } from '../quiz/cron-schedule.js';
import type { CronFieldText, Messages } from './messages.js';

/** A 0–1 ratio as a whole percentage: `0.4` → `40%`. */
const asPercent = (value: number) => `${Math.round(value * 100)}%`;

/** `45초`, `10분`: a gap between posts, rounded as `describeGap` rounds it in English. */
function koreanDuration(ms: number): string {
  return ms < 60_000 ? `${Math.max(1, Math.round(ms / 1000))}초` : `${Math.round(ms / 60_000)}분`;
}

const cronExamplesKorean = '예: `0 9 * * 1-5` = 월~금 09:00, `30 8 * * *` = 매일 08:30 (분 시 일 월 요일 순서).';

const cronFields: Record<CronField, CronFieldText> = {
  second: { name: '초', values: '0–59', sample: '*/30' },
  minute: { name: '분', values: '0–59', sample: '0,30' },
  hour: { name: '시', values: '0–23', sample: '9-17' },
  dayOfMonth: { name: '일', values: '1–31 또는 L(말일)', sample: '1,15' },
  month: { name: '월', values: '1–12 또는 jan–dec', sample: 'mar-nov' },
  dayOfWeek: { name: '요일', values: '0–7 또는 sun–sat (0과 7은 일요일)', sample: 'mon-fri' },
};

/** Korean names of the permissions the quiz needs, so a Korean admin recognises them in the channel settings. */
const permissionNames: Record<string, string> = {
  'View Channel': '채널 보기',
  'Send Messages': '메시지 보내기',
  'Send Messages in Threads': '스레드에서 메시지 보내기',
  'Embed Links': '링크 첨부',
  'Read Message History': '메시지 기록 보기',
};

/** Korean: Discord sends `ko` for Korean clients. */
export const ko: Messages = {
  discordLocales: ['ko'],
  dateLocale: 'ko-KR',
  commands: {
    explain: {
      name: '설명',
      description: '팀 노트에서 개념을 찾아 설명해요',
      concept: { name: '개념', description: '개념 이름 (한글 또는 영어, 예: 컨테이너, container, ㅋㅌㅇㄴ)' },
    },
    concepts: {
      name: '개념목록',
      description: '노트별로 모든 개념을 둘러봐요',
      note: { name: '노트', description: '이 노트의 개념만 보기' },
    },
    quiz: {
      name: '퀴즈',
      description: '퀴즈 연습 문제를 풀거나 기록을 봐요',
      practice: { name: '연습', description: '나만 보는 연습 문제 (순위표에는 반영되지 않아요)' },
      review: { name: '복습', description: '잊어 가는 개념을 하나씩 복습해요 (나에게만 보여요)' },
      stats: { name: '기록', description: '점수, 정답률, 연속 정답, 약한 개념' },
      member: { name: '멤버', description: '누구의 기록인지 (기본: 나)' },
    },
    leaderboard: {
      name: '순위표',
      description: '퀴즈 순위표: 점수, 정답률, 연속 정답',
      period: { name: '기간', description: '어느 기간의 답을 셀지 (기본: 이번 주)' },
      periods: { week: '이번 주', month: '이번 달', all: '전체 기간' },
    },
    quizAdmin: {
      name: '퀴즈-관리',
      description: '퀴즈 설정: 일정, 출제, 정답 공개 (서버 관리 권한)',
      schedule: { name: '예약', description: '채널에 정해진 일정으로 퀴즈를 올려요' },
      cron: { name: '크론', description: '출제 시각: 분 시 일 월 요일 (기본 0 9 * * 1-5 = 평일 09:00)' },
      timezone: { name: '시간대', description: '일정의 시간대 (예: Asia/Seoul)' },
      closeAfter: { name: '공개-시간', description: '정답 공개까지 걸리는 분 (기본: 다음 문제를 올릴 때)' },
      unschedule: { name: '예약-해제', description: '채널의 퀴즈 일정을 없애요' },
      list: { name: '목록', description: '이 서버의 퀴즈 일정과 오류 상황을 보여줘요' },
      now: { name: '지금-출제', description: '지금 바로 퀴즈를 올려요 (올리기에 성공하면 일시 중지된 채널도 재개돼요)' },
      reveal: { name: '정답-공개', description: '열린 문제를 지금 마감하고 정답을 공개해요' },
      channelOf: {
        schedule: '퀴즈를 올릴 채널',
        unschedule: '일정을 없앨 채널',
        now: '올릴 채널 (기본: 이 채널)',
        reveal: '문제가 있는 채널 (기본: 이 채널)',
      },
      cronPresets: {
        '0 9 * * 1-5': '평일 09:00',
        '0 9 * * *': '매일 09:00',
        '30 8 * * 1-5': '평일 08:30',
        '0 13 * * 1-5': '평일 13:00',
        '0 9 * * 1': '매주 월요일 09:00',
        '0 10,16 * * 1-5': '평일 10:00, 16:00',
        '0 9 * * 1#1': '매월 첫째 월요일 09:00',
      },
    },
    quizNote: { name: '노트', description: '이 노트에서만 출제 (기본: 모든 노트)' },
    quizChannel: { name: '채널' },
  },
  explain: {
    notFound: (query, count) =>
      `노트에서 ${query}에 해당하는 개념을 찾지 못했어요. 철자를 확인하거나 \`/개념목록\`으로 전체 개념 ${count}개를 둘러보세요. 한글, 영어, \`ㅋㅌㅇㄴ\` 같은 초성으로도 찾을 수 있어요.`,
    // `…만으로는` reads right after any word, so no 이/가 guess is needed for what the user typed.
    guess: (query) => `${query}만으로는 어떤 개념인지 확실하지 않아요. 혹시 이 중 하나인가요?`,
    otherNamesField: '다른 이름',
    sourceField: '출처',
    referencesField: '참고 자료',
    location: (file, line) => `\`${file}\` ${line}번째 줄`,
    trimmed: (location) => `(일부 생략 — 전체 내용은 ${location}에 있어요)`,
    conceptGone: '그 개념은 이제 노트에 없어요. `/개념목록`으로 지금 있는 개념을 둘러보세요.',
  },
  concepts: {
    title: (count) => `노트의 개념 (${count}개)`,
    continued: '(이어서)',
    page: (page, count) => `${page}/${count} 페이지`,
    previous: '◀ 이전',
    next: '다음 ▶',
    empty: '아직 불러온 노트가 없어요. 문서 폴더(`DOCS_DIR`)에 마크다운 파일을 추가하고 봇을 다시 시작하세요.',
    unknownNote: (note) => `${note} 노트가 없어요. \`노트\` 옵션을 비워 두면 모든 노트를 볼 수 있어요.`,
  },
  errors: {
    generic: '죄송해요, 처리 중에 문제가 생겼어요. 잠시 후 다시 시도해 주세요.',
    unknownAction: '더 이상 사용할 수 없는 버튼이나 명령어예요. 명령어를 다시 실행해 주세요.',
    invalidInput: '올바르지 않은 입력이라 아무것도 바꾸지 않았어요. 명령어를 다시 실행하고 Discord가 보여 주는 목록에서 옵션을 골라 주세요.',
  },
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
  review: {
    title: '복습',
    progress: (reviewed, right) => `복습 ${reviewed}개 · 정답 ${right}개 · 나에게만 보여요`,
    next: '다음',
    stop: '그만',
    gradedKnew: '✅ 알았다고 기록했어요.',
    gradedDidnt: '📌 몰랐다고 기록했어요. 곧 다시 나와요.',
    summaryTitle: '복습 끝',
    reviewedField: '복습한 개념',
    rightField: '정답',
    nextDueField: '다음 복습',
    nextDueAt: (at) => `${at}에 복습할 때가 돼요.`,
    stillDue: (count) => `지금 복습할 개념이 ${count}개 더 있어요. 시간 날 때 \`/퀴즈 복습\`을 다시 해 보세요.`,
    nothingDue: (at) => `지금은 복습할 개념이 없어요. 다음 복습은 ${at}이에요.`,
    nothingSeen: '아직 복습할 개념이 없어요: 이 개념들을 푼 적이 없어요. 먼저 `/퀴즈 연습`을 해 보세요.',
    alreadyGraded: '이번 복습에서 이미 채점한 카드예요. 처음 채점이 그대로 남아요.',
    notYours: '다른 사람의 복습이에요. `/퀴즈 복습`으로 나만의 복습을 시작해 보세요.',
    invalidButton: '제가 만든 복습 버튼이 아니에요. `/퀴즈 복습`으로 다시 시작해 주세요.',
    gone: '이 문제는 이제 노트에 없어요(노트가 바뀌었어요). `/퀴즈 복습`으로 다시 시작해 주세요.',
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
        const label = cronFields[field];
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
    missingUnnamedPermission: '봇에 필요한 권한이 없어요 (Missing Permissions)',
    unknownChannelDetail: '채널이 삭제됐거나 봇이 볼 수 없어요',
    unknownMessageDetail: '퀴즈 글이 삭제됐어요',
    postFailedDetail: (error) => `올리지 못했어요: ${error}`,
    revealFailedDetail: (error) => `결과를 공개하지 못했어요: ${error}`,
    slotClosed: '이 출제 시각의 문제가 올라가기 전에 마감됐어요',
    conceptGoneDetail: (conceptId) => `${conceptId} 개념이 이제 노트에 없어요`,
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
    unrevealedQuestion: (link, nextTry) =>
      `⚠️ ${link}의 결과를 아직 공개하지 못했어요. 게시물은 아직 열린 문제처럼 보여요. ${nextTry} 다시 시도해요.`,
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
  report: {
    teamTitle: (teamName) => `${teamName} 주간 학습 리포트`,
    period: (start, end) => `${start} – ${end}`,
    headline: (members, answers, accuracy) => `참여 ${members}명 · 답변 ${answers}개 · 정답률 ${accuracy === null ? '–' : asPercent(accuracy)}`,
    participation: '요일별 참여',
    membersUnit: (count) => `${count}명`,
    answersSmall: (count) => `답변 ${count}`,
    accuracy: '개념별 정답률 (약한 순)',
    accuracyValue: (correct, answers) => `${correct}/${answers}`,
    due: '멤버별 복습할 개념',
    dueValue: (count) => `${count}개`,
    improved: '이번 주 가장 성장한 멤버',
    gain: (points) => `+${points}%p`,
    noAnswers: '이번 주에는 답변이 없었어요',
    noDue: '복습할 개념이 없어요',
    noImprovement: '기억률이 오른 멤버가 아직 없어요',
    moreConcepts: (count) => `외 ${count}개`,
    moreMembers: (count) => `외 ${count}명`,
    weekdays: ['일', '월', '화', '수', '목', '금', '토'],
    memberTitle: (memberName) => `${memberName}님의 개념별 기억`,
    memberHeadline: (seen, total, meanRecall, due) => `${total}개 중 ${seen}개 학습 · 평균 기억률 ${asPercent(meanRecall)} · 복습할 개념 ${due}개`,
    notSeen: '아직 안 봄',
    dueBadge: '복습',
    noConcepts: '아직 개념이 없어요',
    weakestConcept: (name, score) => `가장 약한 개념: ${name} (${score})`,
    mostImproved: (name, gain) => `가장 성장한 멤버: ${name} (${gain})`,
    teamChart: (title, start, end) => `${title} 차트, ${start}부터 ${end}까지.`,
    dayMembers: (weekday, members) => `${weekday} ${members}명`,
    membersPerDay: (days) => `요일별 참여 인원: ${days}.`,
    weakestByAccuracy: (concepts) => `정답률이 낮은 개념: ${concepts}.`,
    memberDue: (memberName, due) => `${memberName} ${due}개`,
    mostDue: (members) => `복습할 개념이 많은 멤버: ${members}.`,
    mostImprovedRecall: (members) => `가장 성장한 멤버(기억률): ${members}.`,
    memberChart: (title, date) => `${title} 차트, ${date}.`,
    weakestRecall: (concepts) => `가장 약한 개념: ${concepts}.`,
    strongestRecall: (concepts) => `가장 강한 개념: ${concepts}.`,
  },
  reminders: {
    command: {
      name: '알림',
      description: '복습할 개념이 있는 날 DM으로 알려 드려요',
      state: { name: '상태', description: '알림 켜기/끄기' },
      states: { on: '켜기', off: '끄기' },
      time: { name: '시각', description: '서버 시간대 기준 HH:MM (기본 08:00)' },
    },
    turnedOn: (time, timezone) =>
      `알림을 켰어요: 복습할 개념이 있는 날 **${time}**(${timezone})에 DM을 보내요. 하루 한 번까지예요. 끄려면 \`/퀴즈 알림 상태:끄기\`.`,
    turnedOff: '알림을 껐어요. 복습 DM을 더 보내지 않아요.',
    wasOff: '알림은 이미 꺼져 있어요.',
    invalidTime: (quotedTime) => `${quotedTime}은(는) 시각이 아니에요. 24시간제 HH:MM으로 적어 주세요. 예: \`08:30\`, \`21:00\``,
    message: (dueCount, server) => `${server}에서 복습할 개념이 **${dueCount}개** 있어요. 시간 날 때 거기서 \`/퀴즈 복습\`을 실행해 보세요.`,
    closedDmsNotice: '복습 알림을 껐어요: Discord가 봇의 DM을 막았어요. 이 서버 멤버의 DM을 허용한 뒤 `/퀴즈 알림 상태:켜기`로 다시 켜 주세요.',
  },
  weeklyReport: {
    command: {
      report: { name: '리포트', description: '주간 팀 리포트(차트)를 채널에 올려요' },
      reportOff: { name: '리포트-중지', description: '주간 팀 리포트를 멈춰요' },
      channel: '리포트를 올릴 채널',
      cron: { name: '크론', description: '올릴 때: 분 시 일 월 요일 (기본 0 9 * * 1 = 월요일 09:00)' },
      now: { name: '지금', description: '지금 바로 리포트도 올리기' },
    },
    scheduled: (channel, cron, timezone, next) => `주간 리포트를 ${channel}에 \`${cron}\`(${timezone})마다 올려요. 다음: ${next}`,
    removed: '주간 리포트를 멈췄어요.',
    notSet: '이 서버에는 주간 리포트가 없어요.',
    posted: (link) => `리포트를 올렸어요: ${link}`,
    notPosted: (channel, detail) => `${channel}에 리포트를 올리지 못했어요: ${detail}`,
    teamFile: 'team-report',
    memberFile: 'my-memory',
  },
  cronFields,
  permissionName: (name) => {
    const korean = permissionNames[name];
    return korean ? `${korean} (${name})` : name;
  },
};
