// `cli demo`: a simulated team's month written into a database through the real store and the same memory updates
// the bot makes, so the weekly report and member charts can be looked at without Discord.
//
// The members forget by a model of their own, not FSRS (FSRS only keeps the bot's estimate, as in the bot):
// each member has a half-life per concept, recall = 2^(−days since last seen / half-life), never seen = a small
// prior. Seeing a concept again (an answer and its reveal, a flashcard) grows the half-life, more after a success.
// A right answer is recall, or a lucky guess among four options.
import type { KnowledgeBase } from '../kb/types.js';
import { reviewAnswer, reviewSelfGrade } from '../learning/member-memory.js';
import { listFlashcards } from '../quiz/flashcard-practice.js';
import { QuestionDraws } from '../quiz/runner/question-draws.js';
import { createRandom, type Random } from '../quiz/seeded-random.js';
import type { QuizStore } from '../quiz/quiz-store.js';

export interface DemoTeamOptions {
  store: QuizStore;
  kb: KnowledgeBase;
  guildId: string;
  channelId: string;
  timezone: string;
  /** The simulation ends here; it starts `days` earlier. */
  end: Date;
  days: number;
  members: number;
  seed: number;
}

export interface DemoTeamSummary {
  members: { userId: string; userName: string }[];
  channelQuestions: number;
  answers: number;
  practiceAnswers: number;
  flashcardGrades: number;
}

const dayMs = 86_400_000;
const hourMs = 3_600_000;
const memberNames = ['김민수', '이지은', '박서준', 'Alex Kim', '최유나', '정하늘', '한도윤', '오세린', 'Sam', '윤지호', '강예린', '조은우'];
/** Recall of a concept never asked: the team has read its notes once. */
const unseenRecall = 0.35;

interface SimulatedMember {
  userId: string;
  userName: string;
  /** Chance of answering the day's question on a weekday. */
  diligence: number;
  /** First half-life in days; later ones grow from it. */
  aptitude: number;
  memory: Map<string, { halfLifeDays: number; lastSeen: number }>;
}

export async function simulateTeamMonth(options: DemoTeamOptions): Promise<DemoTeamSummary> {
  const { store, kb, guildId, channelId, end, days, seed } = options;
  const random = createRandom(seed);
  const draws = new QuestionDraws(kb, store, seed);
  const cards = listFlashcards(kb);
  const members = createMembers(options.members, random);
  const summary: DemoTeamSummary = {
    members: members.map(({ userId, userName }) => ({ userId, userName })),
    channelQuestions: 0,
    answers: 0,
    practiceAnswers: 0,
    flashcardGrades: 0,
  };
  await store.setGuildTimezone(guildId, options.timezone);
  const start = end.getTime() - days * dayMs;

  for (let day = 0; day < days; day++) {
    const postedAt = new Date(start + day * dayMs);
    const weekend = [0, 6].includes(postedAt.getUTCDay());
    const slotKey = postedAt.toISOString();
    const drawn = await draws.draw(null, guildId, channelId, slotKey, postedAt, true);
    if (!drawn) break;
    const closesAt = new Date(postedAt.getTime() + 12 * hourMs);
    const { question } = await store.createQuestion({ guildId, channelId, slotKey, question: drawn, createdAt: postedAt, closesAt });
    summary.channelQuestions++;
    const answerers = members
      .filter((member) => random.next() < member.diligence * (weekend ? 0.3 : 1))
      .map((member) => ({ member, at: postedAt.getTime() + Math.floor(random.next() * 10 * hourMs) }))
      .sort((a, b) => a.at - b.at)
      .map((answerer) => ({ ...answerer, right: answersRight(answerer.member, question.conceptId, answerer.at, random) }));
    for (const { member, at, right } of answerers) {
      const choice = right ? question.answer : (question.answer + 1 + random.int(question.options.length - 1)) % question.options.length;
      const result = await store.recordAnswer(question.id, member.userId, member.userName, choice, new Date(at));
      if (result.kind !== 'recorded') continue;
      await reviewAnswer(store, result.question, result.answer);
      summary.answers++;
    }
    await store.closeQuestion(question.id, closesAt);
    // The reveal shows everyone who answered the right option: seeing it counts as meeting the concept again.
    for (const { member, at, right } of answerers) see(member, question.conceptId, at, random, right);

    for (const member of members) {
      if (random.next() < member.diligence * 0.35)
        summary.practiceAnswers += await practise(options, draws, member, postedAt.getTime() + 13 * hourMs, random);
      if (cards.length > 0 && random.next() < member.diligence * 0.3) {
        const card = random.pick(cards);
        const at = postedAt.getTime() + 14 * hourMs + random.int(hourMs);
        const knew = random.next() < recallOf(member, card.conceptId, at);
        const grade = await store.recordFlashcardGrade({
          guildId,
          userId: member.userId,
          conceptId: card.conceptId,
          cardKey: card.key,
          grade: knew ? 'knew' : 'didnt',
          gradedAt: new Date(at),
        });
        await reviewSelfGrade(store, grade);
        see(member, card.conceptId, at, random, knew);
        summary.flashcardGrades++;
      }
    }
  }
  return summary;
}

function createMembers(count: number, random: Random): SimulatedMember[] {
  return Array.from({ length: count }, (_, i) => ({
    userId: `91000000000000${String(i + 1).padStart(4, '0')}`,
    userName: memberNames[i % memberNames.length]! + (i >= memberNames.length ? ` ${Math.floor(i / memberNames.length) + 1}` : ''),
    diligence: 0.35 + random.next() * 0.6,
    aptitude: 2 + random.next() * 6,
    memory: new Map(),
  }));
}

/** One to three private practice questions, answered and reviewed like the bot's practice. */
async function practise(options: DemoTeamOptions, draws: QuestionDraws, member: SimulatedMember, at: number, random: Random): Promise<number> {
  const { store, guildId, channelId } = options;
  let answered = 0;
  for (let i = 0, count = 1 + random.int(3); i < count; i++) {
    const createdAt = new Date(at + i * 5 * 60_000);
    const slotKey = `practice:demo-${member.userId}-${createdAt.getTime()}`;
    const drawn = await draws.draw(null, guildId, channelId, slotKey, createdAt, false);
    if (!drawn) return answered;
    const closesAt = new Date(createdAt.getTime() + 10 * 60_000);
    const { question } = await store.createQuestion({
      guildId,
      channelId,
      slotKey,
      question: drawn,
      practiceUserId: member.userId,
      createdAt,
      closesAt,
    });
    const answeredAt = createdAt.getTime() + 60_000;
    const right = answersRight(member, question.conceptId, answeredAt, random);
    const choice = right ? question.answer : (question.answer + 1) % question.options.length;
    const result = await store.recordAnswer(question.id, member.userId, member.userName, choice, new Date(answeredAt));
    if (result.kind === 'recorded') {
      await reviewAnswer(store, result.question, result.answer);
      answered++;
    }
    await store.closeQuestion(question.id, closesAt);
    see(member, question.conceptId, answeredAt, random, right);
  }
  return answered;
}

function recallOf(member: SimulatedMember, conceptId: string, at: number): number {
  const memory = member.memory.get(conceptId);
  if (!memory) return unseenRecall;
  return Math.pow(2, -(at - memory.lastSeen) / dayMs / memory.halfLifeDays);
}

function answersRight(member: SimulatedMember, conceptId: string, at: number, random: Random): boolean {
  const recall = recallOf(member, conceptId, at);
  return random.next() < recall + (1 - recall) * 0.25;
}

/** Meeting a concept again: the half-life grows, by more when it was recalled (with some noise). */
function see(member: SimulatedMember, conceptId: string, at: number, random: Random, recalled: boolean): void {
  const memory = member.memory.get(conceptId);
  const growth = (recalled ? 2.2 : 1.3) * (0.8 + random.next() * 0.4);
  const halfLifeDays = memory ? memory.halfLifeDays * growth : member.aptitude;
  member.memory.set(conceptId, { halfLifeDays, lastSeen: at });
}
