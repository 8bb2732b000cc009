import type { AnswerConfidence } from '../learning/answer-rating.js';
import type { CronField } from '../quiz/cron-schedule.js';

/** A slash command's or option's name and description in one language. */
export interface CommandText {
  name: string;
  description: string;
}

/** The schedules `/quiz-admin schedule` suggests for `cron`, in the order shown. */
export const cronPresets = ['0 9 * * 1-5', '0 9 * * *', '30 8 * * 1-5', '0 13 * * 1-5', '0 9 * * 1', '0 10,16 * * 1-5', '0 9 * * 1#1'] as const;
export type CronPreset = (typeof cronPresets)[number];

/** How one cron field is called, the values it takes, and a sample to copy. */
export interface CronFieldText {
  name: string;
  values: string;
  sample: string;
}

/**
 * Everything the bot says to members and admins on Discord, in one language: `/explain`, `/concepts`, the error
 * boundary, quiz posts and reveals, answers, practice and flashcards, `/quiz stats`, `/leaderboard`, `/quiz-admin`,
 * the confidence buttons and the learning report, and the command picker. One file per language implements it (`en.ts`, `ko.ts`); `locale.ts` lists them.
 *
 * Arguments that came from a user (`query`, `note`) arrive already quoted for Discord (see `quoteUserInput`) and
 * others already formatted (timestamps such as `<t:1795764779:t>`, escaped names, channel mentions), so these
 * strings never decide how user text is escaped. Log lines and the CLI stay English and are not here.
 */
export interface Messages {
  /**
   * The Discord locales (`interaction.locale`, `guildLocale`) answered in this language, matched by their language
   * part (`ko`; `en-US`, `en-GB`). Languages other than English also get these command localizations.
   */
  discordLocales: readonly string[];
  /** The BCP 47 locale dates are written in (`Intl.DateTimeFormat`), e.g. `Mon, 30 Nov 2026, 09:00`. */
  dateLocale: string;
  /**
   * Names and descriptions of the slash commands and their options, as Discord shows them in the command picker.
   * English is the registered name; every other language becomes a localization (see `localizationsOf`).
   */
  commands: {
    explain: CommandText & { concept: CommandText };
    concepts: CommandText & { note: CommandText };
    quiz: CommandText & { practice: CommandText; stats: CommandText; member: CommandText } & {
      /** `/quiz review`: the member's due concepts. */
      review: CommandText;
    };
    leaderboard: CommandText & { period: CommandText; periods: Record<'week' | 'month' | 'all', string> };
    quizAdmin: CommandText & {
      schedule: CommandText;
      cron: CommandText;
      timezone: CommandText;
      closeAfter: CommandText;
      unschedule: CommandText;
      list: CommandText;
      now: CommandText;
      reveal: CommandText;
      /** The `channel` option's description, per subcommand. */
      channelOf: Record<'schedule' | 'unschedule' | 'now' | 'reveal', string>;
      /** Labels of the cron autocomplete suggestions. */
      cronPresets: Record<CronPreset, string>;
    };
    /** Options shared by the quiz commands. */
    quizNote: CommandText;
    /** The `channel` option of `/quiz-admin` (its description is per subcommand, `quizAdmin.channelOf`). */
    quizChannel: { name: string };
  };
  explain: {
    notFound(quotedQuery: string, conceptCount: number): string;
    guess(quotedQuery: string): string;
    otherNamesField: string;
    sourceField: string;
    referencesField: string;
    /** Where a concept's heading is in the notes, e.g. `` `docker-kubernetes.md`, line 23 ``. */
    location(file: string, line: number): string;
    /** Appended when a body did not fit into Discord's limits: where to read the rest (`location`). */
    trimmed(location: string): string;
    conceptGone: string;
  };
  concepts: {
    title(conceptCount: number): string;
    continued: string;
    page(page: number, pageCount: number): string;
    previous: string;
    next: string;
    empty: string;
    unknownNote(quotedNote: string): string;
  };
  errors: {
    generic: string;
    unknownAction: string;
    /** Options that do not fit the command (a crafted or broken request): nothing was done. */
    invalidInput: string;
  };
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
  /** `/quiz review`: a private session of the member's due concepts, one question or card at a time, then a summary. */
  review: {
    title: string;
    /** Footer while the session runs: how far it got. */
    progress(reviewed: number, right: number): string;
    next: string;
    stop: string;
    /** A card self-graded in a session: the grade is stored. */
    gradedKnew: string;
    gradedDidnt: string;
    summaryTitle: string;
    reviewedField: string;
    rightField: string;
    nextDueField: string;
    /** `at` is already formatted (a Discord timestamp with its relative form). */
    nextDueAt(at: string): string;
    /** The member stopped with concepts still due. */
    stillDue(count: number): string;
    /** Nothing is due now; `at` is when the next review falls due (formatted). */
    nothingDue(at: string): string;
    /** Nothing due, and the member has seen none of these concepts yet. */
    nothingSeen: string;
    /** A card graded again in the same session: the first grade stands. */
    alreadyGraded: string;
    notYours: string;
    /** A custom id the bot never made. */
    invalidButton: string;
    /** The card or question of the button is gone (the notes changed). */
    gone: string;
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
    /** Discord refused for a permission without saying which. */
    missingUnnamedPermission: string;
    /** The last problem of a channel: deleted, or hidden from the bot. */
    unknownChannelDetail: string;
    unknownMessageDetail: string;
    /** A transient failure, `error` in the platform's own words. */
    postFailedDetail(error: string): string;
    revealFailedDetail(error: string): string;
    /** Why a slot's question was not posted: it closed first. */
    slotClosed: string;
    conceptGoneDetail(quotedConceptId: string): string;
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
  /** Members' memory: the confidence follow-up under a channel answer (sure / unsure / guessed). */
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
  /**
   * The weekly team report and a member's memory chart (src/learning/): the chart labels, the short summary posted
   * with the image, and the image's description for screen readers. Names arrive as given; ratios are 0–1.
   */
  report: {
    teamTitle(teamName: string): string;
    period(start: string, end: string): string;
    headline(members: number, answers: number, accuracy: number | null): string;
    participation: string;
    membersUnit(count: number): string;
    answersSmall(count: number): string;
    accuracy: string;
    accuracyValue(correct: number, answers: number): string;
    due: string;
    dueValue(count: number): string;
    improved: string;
    gain(points: number): string;
    noAnswers: string;
    noDue: string;
    noImprovement: string;
    moreConcepts(count: number): string;
    moreMembers(count: number): string;
    /** Sunday first, as `getUTCDay` counts. */
    weekdays: readonly string[];
    memberTitle(memberName: string): string;
    memberHeadline(seen: number, total: number, meanRecall: number, due: number): string;
    notSeen: string;
    dueBadge: string;
    noConcepts: string;
    /** Summary lines; `score` is already formatted (`40%`, `+12%p`). */
    weakestConcept(name: string, score: string): string;
    mostImproved(name: string, gain: string): string;
    /** Descriptions: `title` is `teamTitle` / `memberTitle`; lists are already joined. */
    teamChart(title: string, start: string, end: string): string;
    dayMembers(weekday: string, members: number): string;
    membersPerDay(days: string): string;
    weakestByAccuracy(concepts: string): string;
    memberDue(memberName: string, due: number): string;
    mostDue(members: string): string;
    mostImprovedRecall(members: string): string;
    memberChart(title: string, date: string): string;
    weakestRecall(concepts: string): string;
    strongestRecall(concepts: string): string;
  };
  /** `/quiz remind`: the member's daily review reminder by DM (src/learning/daily-reminders.ts). */
  reminders: {
    command: CommandText & { state: CommandText; states: Record<'on' | 'off', string>; time: CommandText };
    /** `time` is `HH:MM`, `timezone` the guild's IANA zone. */
    turnedOn(time: string, timezone: string): string;
    turnedOff: string;
    wasOff: string;
    /** A time that is not `HH:MM` (24-hour). */
    invalidTime(quotedTime: string): string;
    /** The DM itself: `server` is the server's name, already escaped. */
    message(dueCount: number, server: string): string;
    /** Told once, at the member's next command, after Discord refused the DM (closed DMs). */
    closedDmsNotice: string;
  };
  /** `/quiz-admin report` and the weekly report post (src/learning/weekly-reports.ts). */
  weeklyReport: {
    command: {
      report: CommandText;
      reportOff: CommandText;
      /** The `channel` option's description (its name is `quizChannel.name`). */
      channel: string;
      cron: CommandText;
      now: CommandText;
    };
    /** `next` is a Discord timestamp. */
    scheduled(channel: string, cron: string, timezone: string, next: string): string;
    removed: string;
    notSet: string;
    posted(link: string): string;
    /** The post did not go out: `detail` is the problem in words (`admin.*Detail`). */
    notPosted(channel: string, detail: string): string;
    /** The file name of the attached chart (no extension). */
    teamFile: string;
    memberFile: string;
  };
  /** The cron field table: what each field is called and takes, for cron problems. */
  cronFields: Record<CronField, CronFieldText>;
  /** A Discord permission (`Send Messages`) as the admin's channel settings name it. */
  permissionName(name: string): string;
}
