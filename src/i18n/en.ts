import type { CronField } from '../quiz/cron-schedule.js';
import type { CronFieldText, Messages } from './messages.js';

/** A 0–1 ratio as a whole percentage: `0.4` → `40%`. */
const asPercent = (value: number) => `${Math.round(value * 100)}%`;

/** `45 seconds`, `5 minutes`: a gap between posts as a person would say it. */
function describeGap(gapMs: number): string {
  if (gapMs < 60_000) {
    const seconds = Math.max(1, Math.round(gapMs / 1000));
    return `${seconds} second${seconds === 1 ? '' : 's'}`;
  }
  const minutes = Math.round(gapMs / 60_000);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** Shown with every cron error: the shape people get wrong is the field order. */
const cronExamplesEnglish =
  'Example: `0 9 * * 1-5` = 09:00 Monday to Friday; `30 8 * * *` = every day at 08:30 (minute hour day-of-month month weekday).';

const cronFields: Record<CronField, CronFieldText> = {
  second: { name: 'second', values: '0–59', sample: '*/30' },
  minute: { name: 'minute', values: '0–59', sample: '0,30' },
  hour: { name: 'hour', values: '0–23', sample: '9-17' },
  dayOfMonth: { name: 'day of month', values: '1–31 or L (last day)', sample: '1,15' },
  month: { name: 'month', values: '1–12 or jan–dec', sample: 'mar-nov' },
  dayOfWeek: { name: 'weekday', values: '0–7 or sun–sat (0 and 7 are Sunday)', sample: 'mon-fri' },
};

/** English: the commands' registered names, and the reply for every locale no other language claims. */
export const en: Messages = {
  discordLocales: ['en-US', 'en-GB'],
  dateLocale: 'en-GB',
  commands: {
    explain: {
      name: 'explain',
      description: 'Explain a concept from the team notes',
      concept: { name: 'concept', description: 'A concept in Korean or English, e.g. container or 컨테이너' },
    },
    concepts: {
      name: 'concepts',
      description: 'Browse every concept of the notes, grouped by note',
      note: { name: 'note', description: 'Only the concepts of this note' },
    },
    quiz: {
      name: 'quiz',
      description: 'Practice with a quiz question or look at quiz stats',
      practice: { name: 'practice', description: 'A question only you see; it does not count toward the leaderboard' },
      review: { name: 'review', description: 'Review the concepts you are about to forget, one at a time, only you see it' },
      stats: { name: 'stats', description: 'Points, accuracy, streaks and weakest concepts' },
      member: { name: 'member', description: 'Whose stats (default: yours)' },
    },
    leaderboard: {
      name: 'leaderboard',
      description: 'Quiz leaderboard: points, accuracy and streaks',
      period: { name: 'period', description: 'Which answers count (default: this week)' },
      periods: { week: 'This week', month: 'This month', all: 'All time' },
    },
    quizAdmin: {
      name: 'quiz-admin',
      description: 'Configure the quiz: schedules, posting and revealing (Manage Server)',
      schedule: { name: 'schedule', description: 'Post quiz questions in a channel on a schedule' },
      cron: { name: 'cron', description: 'When to post: minute hour day month weekday (default 0 9 * * 1-5 = weekdays 09:00)' },
      timezone: { name: 'timezone', description: 'IANA time zone of the schedule, e.g. Asia/Seoul' },
      closeAfter: { name: 'close-after', description: 'Minutes until the answer is revealed (default: when the next question is posted)' },
      unschedule: { name: 'unschedule', description: 'Stop posting quiz questions in a channel' },
      list: { name: 'list', description: 'Show the quiz schedules of this server and their problems' },
      now: { name: 'now', description: 'Post a quiz question right now (a post that works also resumes a paused channel)' },
      reveal: { name: 'reveal', description: 'Close the open question now and reveal the answer' },
      channelOf: {
        schedule: 'Where the questions are posted',
        unschedule: 'The channel to stop',
        now: 'Where to post (default: this channel)',
        reveal: 'The channel of the question (default: this channel)',
      },
      cronPresets: {
        '0 9 * * 1-5': 'Weekdays at 09:00',
        '0 9 * * *': 'Every day at 09:00',
        '30 8 * * 1-5': 'Weekdays at 08:30',
        '0 13 * * 1-5': 'Weekdays at 13:00',
        '0 9 * * 1': 'Mondays at 09:00',
        '0 10,16 * * 1-5': 'Weekdays at 10:00 and 16:00',
        '0 9 * * 1#1': 'First Monday of each month at 09:00',
      },
    },
    quizNote: { name: 'note', description: 'Only ask about this note (default: every note)' },
    quizChannel: { name: 'channel' },
  },
  explain: {
    notFound: (query, count) =>
      `I couldn't find ${query} in the notes. Check the spelling, or browse all ${count} concepts with \`/concepts\`. Korean, English and initials like \`ㅋㅌㅇㄴ\` all work.`,
    guess: (query) => `Not sure which one you mean by ${query} — did you mean:`,
    otherNamesField: 'Also called',
    sourceField: 'Source',
    referencesField: 'References',
    location: (file, line) => `\`${file}\`, line ${line}`,
    trimmed: (location) => `(trimmed — the full text is in ${location})`,
    conceptGone: 'That concept is no longer in the notes. Browse the current ones with `/concepts`.',
  },
  concepts: {
    title: (count) => `Concepts in the notes (${count})`,
    continued: '(continued)',
    page: (page, count) => `Page ${page}/${count}`,
    previous: '◀ Previous',
    next: 'Next ▶',
    empty: 'No notes are loaded yet: add markdown files to the docs folder (`DOCS_DIR`) and restart the bot.',
    unknownNote: (note) => `There is no note ${note}. Leave \`note\` empty to list every note.`,
  },
  errors: {
    generic: 'Sorry, something went wrong on my side. Please try again in a moment.',
    unknownAction: 'This button or command is no longer available. Try the command again.',
    invalidInput: "That input isn't valid, so nothing was changed. Run the command again and pick the options from the list Discord shows.",
  },
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
    notFromHere:
      'That button does not belong to a quiz question posted here, so it counts nothing. Answer with the buttons under the quiz post itself.',
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
  review: {
    title: 'Review',
    progress: (reviewed, right) => `Reviewed ${reviewed} · right ${right} · only you see this`,
    next: 'Next',
    stop: 'Stop',
    gradedKnew: '✅ Noted: you knew it.',
    gradedDidnt: '📌 Noted: not yet. It comes back soon.',
    summaryTitle: 'Review done',
    reviewedField: 'Reviewed',
    rightField: 'Right',
    nextDueField: 'Next review',
    nextDueAt: (at) => `Due ${at}.`,
    stillDue: (count) => `${count} more ${count === 1 ? 'concept is' : 'concepts are'} due now: \`/quiz review\` again when you have a minute.`,
    nothingDue: (at) => `Nothing to review right now. Your next review is due ${at}.`,
    nothingSeen: 'Nothing to review yet: you have not answered any of these concepts. Try `/quiz practice` first.',
    alreadyGraded: 'You graded this card already in this review; your first grade stands.',
    notYours: 'This review belongs to someone else. Start your own with `/quiz review`.',
    invalidButton: 'That is not a review button I made. Start again with `/quiz review`.',
    gone: 'This question is no longer in the notes (they changed). Start again with `/quiz review`.',
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
      minutes === null
        ? 'Each answer is revealed when the next question is posted.'
        : `Each answer is revealed ${minutes} minute${minutes === 1 ? '' : 's'} after its post.`,
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
        const label = cronFields[field];
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
    missingUnnamedPermission: 'I am missing a permission there (Missing Permissions)',
    unknownChannelDetail: 'Unknown Channel: it was deleted or the bot cannot see it',
    unknownMessageDetail: 'Unknown Message: the quiz post was deleted',
    postFailedDetail: (error) => `Posting failed: ${error}`,
    revealFailedDetail: (error) => `Revealing a question failed: ${error}`,
    slotClosed: 'the question of this slot closed before it could be posted',
    conceptGoneDetail: (conceptId) => `the concept ${conceptId} is no longer in the notes`,
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
    paused:
      '⏸️ Paused after that problem, so Discord is not asked again at every slot. Fix it, then `/quiz-admin now` here resumes the schedule with a question (or schedule the channel again).',
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
    revealed: (link, answer, participants, correct) => `Revealed ${link}: the answer was **${answer}**; ${participants} answered, ${correct} right.`,
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
  report: {
    teamTitle: (teamName) => `${teamName} weekly learning report`,
    period: (start, end) => `${start} – ${end}`,
    headline: (members, answers, accuracy) =>
      `${members} member${members === 1 ? '' : 's'} · ${answers} answer${answers === 1 ? '' : 's'} · ${accuracy === null ? '–' : asPercent(accuracy)} right`,
    participation: 'Participation by day',
    membersUnit: (count) => `${count}`,
    answersSmall: (count) => `${count} ans.`,
    accuracy: 'Accuracy by concept (weakest first)',
    accuracyValue: (correct, answers) => `${correct}/${answers}`,
    due: 'Concepts due per member',
    dueValue: (count) => `${count}`,
    improved: 'Most improved this week',
    gain: (points) => `+${points} pts`,
    noAnswers: 'No answers this week',
    noDue: 'Nothing is due',
    noImprovement: 'No one’s recall went up yet',
    moreConcepts: (count) => `+${count} more`,
    moreMembers: (count) => `+${count} more`,
    weekdays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
    memberTitle: (memberName) => `${memberName}: memory by concept`,
    memberHeadline: (seen, total, meanRecall, due) => `${seen} of ${total} concepts studied · mean recall ${asPercent(meanRecall)} · ${due} due`,
    notSeen: 'not seen yet',
    dueBadge: 'due',
    noConcepts: 'No concepts yet',
    weakestConcept: (name, score) => `Weakest concept: ${name} (${score})`,
    mostImproved: (name, gain) => `Most improved: ${name} (${gain})`,
    teamChart: (title, start, end) => `Chart: ${title}, ${start} to ${end}.`,
    dayMembers: (weekday, members) => `${weekday} ${members}`,
    membersPerDay: (days) => `Members answering per day: ${days}.`,
    weakestByAccuracy: (concepts) => `Weakest concepts by accuracy: ${concepts}.`,
    memberDue: (memberName, due) => `${memberName} ${due}`,
    mostDue: (members) => `Most concepts due: ${members}.`,
    mostImprovedRecall: (members) => `Most improved (recall): ${members}.`,
    memberChart: (title, date) => `Chart: ${title}, ${date}.`,
    weakestRecall: (concepts) => `Weakest: ${concepts}.`,
    strongestRecall: (concepts) => `Strongest: ${concepts}.`,
  },
  reminders: {
    command: {
      name: 'remind',
      description: 'A daily DM when you have concepts to review',
      state: { name: 'state', description: 'Turn reminders on or off' },
      states: { on: 'On', off: 'Off' },
      time: { name: 'time', description: 'When, as HH:MM in the server time zone (default 08:00)' },
    },
    turnedOn: (time, timezone) =>
      `Reminders on: a DM at **${time}** (${timezone}) on days when you have concepts to review, at most once a day. Turn them off with \`/quiz remind state:off\`.`,
    turnedOff: 'Reminders off: no more DMs about reviews.',
    wasOff: 'Reminders were already off.',
    invalidTime: (quotedTime) => `${quotedTime} is not a time. Use HH:MM, 24-hour, e.g. \`08:30\` or \`21:00\`.`,
    message: (dueCount, server) =>
      `You have **${dueCount}** concept${dueCount === 1 ? '' : 's'} to review in ${server}. Run \`/quiz review\` there when you have a few minutes.`,
    closedDmsNotice:
      'Your review reminders were switched off: Discord did not let the bot send you a direct message. Allow DMs from this server, then turn them on again with `/quiz remind state:on`.',
  },
  weeklyReport: {
    command: {
      report: { name: 'report', description: 'Post the weekly team report (a chart) in a channel' },
      reportOff: { name: 'report-off', description: 'Stop the weekly team report' },
      channel: 'Where to post the report',
      cron: { name: 'cron', description: 'When to post: minute hour day month weekday (default 0 9 * * 1 = Monday 09:00)' },
      now: { name: 'now', description: 'Also post a report right now' },
    },
    scheduled: (channel, cron, timezone, next) => `The weekly report goes to ${channel} at \`${cron}\` (${timezone}). Next: ${next}.`,
    removed: 'The weekly report is stopped.',
    notSet: 'This server has no weekly report.',
    posted: (link) => `Report posted: ${link}`,
    notPosted: (channel, detail) => `The report could not be posted in ${channel}: ${detail}`,
    teamFile: 'team-report',
    memberFile: 'my-memory',
  },
  cronFields,
  // Discord's own names: the admin's channel settings show these.
  permissionName: (name) => name,
};
