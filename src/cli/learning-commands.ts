// `cli demo` fills a database with a simulated team's month; `cli report` renders the weekly team report (or one
// member's chart) from a database as a PNG, with the text summary and the image description the bot would post.
import fs from 'node:fs';
import path from 'node:path';
import { supportedLanguages } from '../i18n/locale.js';
import { loadKnowledgeBase } from '../kb/load-knowledge-base.js';
import { renderMemberChart, renderTeamReport } from '../learning/render-report.js';
import type { ReportLanguage } from '../learning/report-data.js';
import { describeMemberChart, describeTeamReport, summarizeTeamReport } from '../learning/report-text.js';
import { listReportConcepts } from '../learning/report-concepts.js';
import { collectMemberChart, collectTeamReport } from '../learning/team-report.js';
import { findUnaskableConcepts } from '../quiz/generate-question.js';
import { isKnownTimeZone } from '../quiz/zone-time.js';
import { openQuizStore } from '../store/sqlite-quiz-store.js';
import { type CliCommand, type CliContext, numberFlag, UsageError } from './cli-context.js';
import { simulateTeamMonth } from './demo-team.js';

export const demoGuildId = '900000000000000001';
const demoChannelId = '900000000000000002';
const dayMs = 86_400_000;

const demo: CliCommand = async (context) => {
  const file = requiredText(context, 'db', 'a database file to create, e.g. --db demo.sqlite');
  // A fresh file only: simulating into a real team's database would mix invented answers into its scores.
  if (fs.existsSync(file)) throw new UsageError(`--db: ${file} already exists; the demo writes a new database (remove it or pick another name)`);
  const guildId = optionalText(context, 'guild') ?? demoGuildId;
  const timezone = readTimezone(context);
  const members = numberFlag(context, 'members', 8);
  const days = numberFlag(context, 'days', 30);
  if (members < 1 || days < 1) throw new UsageError('--members and --days take a whole number of at least 1');
  const at = readTime(context);
  // Posts at 00:00 UTC each day (09:00 in Seoul), the last one the day before `at`.
  const end = new Date(Math.floor(at.getTime() / dayMs) * dayMs);
  const kb = await loadKnowledgeBase(context.docsDir, context.noteReadLimits);
  const store = openQuizStore(file);
  try {
    const summary = await simulateTeamMonth({
      store,
      kb,
      guildId,
      channelId: demoChannelId,
      timezone,
      end,
      days,
      members,
      seed: numberFlag(context, 'seed', 1),
    });
    const first = summary.members[0]!;
    context.out(
      [
        `Simulated ${summary.members.length} members over ${days} days in ${file} (guild ${guildId}, ${timezone}):`,
        `  ${summary.channelQuestions} channel questions, ${summary.answers} channel answers, ${summary.practiceAnswers} practice answers, ${summary.flashcardGrades} flashcard grades`,
        `Members: ${summary.members.map((member) => `${member.userName} (${member.userId})`).join(', ')}`,
        '',
        'Look at them:',
        `  npm run cli -- report --db ${file} --guild ${guildId} --out report.png${context.docsDir === 'data/docs' ? '' : ` --docs ${context.docsDir}`}`,
        `  npm run cli -- report --db ${file} --guild ${guildId} --member ${first.userId} --out member.png${context.docsDir === 'data/docs' ? '' : ` --docs ${context.docsDir}`}`,
      ].join('\n'),
    );
  } finally {
    await store.close();
  }
  return 0;
};

const report: CliCommand = async (context) => {
  const file = requiredText(context, 'db', 'the database file, e.g. --db data/quiz.sqlite');
  // openQuizStore would create a missing file: a typo must not render an empty report from a new database.
  if (!fs.existsSync(file)) throw new UsageError(`--db: ${file} does not exist`);
  const guildId = requiredText(context, 'guild', 'the guild (server) id');
  const out = requiredText(context, 'out', 'the PNG file to write, e.g. --out report.png');
  const memberId = optionalText(context, 'member');
  const language = readLanguage(context);
  const now = readTime(context);
  const kb = await loadKnowledgeBase(context.docsDir, context.noteReadLimits);
  const unaskable = new Set(findUnaskableConcepts(kb).map((skipped) => skipped.conceptId));
  const concepts = listReportConcepts(
    kb,
    kb.concepts.map((concept) => concept.id).filter((id) => !unaskable.has(id)),
  );
  const store = openQuizStore(file);
  try {
    const timezone = optionalText(context, 'timezone') ?? (await store.getGuildTimezone(guildId)) ?? readTimezone(context);
    if (memberId !== undefined) {
      const data = await collectMemberChart({ store, concepts, guildId, userId: memberId, timezone, now });
      writePng(out, renderMemberChart(data, language));
      context.out([`Wrote ${out}`, describeMemberChart(data, language)].join('\n'));
    } else {
      const teamName = optionalText(context, 'team') ?? (guildId === demoGuildId ? 'Demo team' : guildId);
      const data = await collectTeamReport({ store, concepts, guildId, teamName, timezone, now });
      writePng(out, renderTeamReport(data, language));
      context.out([`Wrote ${out}`, summarizeTeamReport(data, language), '', describeTeamReport(data, language)].join('\n'));
    }
  } finally {
    await store.close();
  }
  return 0;
};

export const learningCommands: Record<string, CliCommand> = { demo, report };

function writePng(file: string, png: Buffer): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, png);
}

function optionalText(context: CliContext, name: string): string | undefined {
  const value = context.flags.get(name);
  if (value === true || value === '') throw new UsageError(`--${name} takes a value`);
  return value;
}

function requiredText(context: CliContext, name: string, what: string): string {
  const value = optionalText(context, name);
  if (value === undefined) throw new UsageError(`--${name} is required: ${what}`);
  return value;
}

function readTimezone(context: CliContext): string {
  const timezone = optionalText(context, 'timezone') ?? (process.env.DEFAULT_TIMEZONE?.trim() || 'Asia/Seoul');
  if (!isKnownTimeZone(timezone)) throw new UsageError(`--timezone: unknown time zone "${timezone}" (e.g. Asia/Seoul)`);
  return timezone;
}

function readLanguage(context: CliContext): ReportLanguage {
  const language = optionalText(context, 'lang') ?? 'ko';
  const known = supportedLanguages.find((supported) => supported === language);
  if (!known) throw new UsageError(`--lang takes ${supportedLanguages.join(' or ')}, got ${language}`);
  return known;
}

/** `--at`: the moment to report (or to end the simulation) as an ISO date; default now. */
function readTime(context: CliContext): Date {
  const text = optionalText(context, 'at');
  if (text === undefined) return new Date();
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) throw new UsageError(`--at takes a date such as 2026-11-30T09:00:00Z, got ${text}`);
  return at;
}
