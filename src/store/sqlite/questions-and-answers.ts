// Questions, the answers to them and their reveals: posting, the first answer that wins, and the close that
// scores. Every change of several rows runs in one IMMEDIATE transaction (see SqliteQuizStore).
import type { Transaction } from 'better-sqlite3';
import type { ClosedQuestion, NewQuestion, PendingReveal, RecordAnswerResult, RecordedAnswer, StoredQuestion, Tally } from '../../quiz/types.js';
import { createShortId } from '../create-short-id.js';
import type { SqliteDatabase } from '../database.js';
import type { PreparedStatements } from '../quiz-statements.js';
import { toDateOrNull, toPendingReveal, toRecordedAnswer, toStoredQuestion } from '../row-mappers.js';

export class SqliteQuestionsAndAnswers {
  private readonly createQuestionTransaction: Transaction<(input: NewQuestion) => { created: boolean; question: StoredQuestion }>;
  private readonly recordAnswerTransaction: Transaction<
    (questionId: string, userId: string, userName: string, choice: number, now: Date) => RecordAnswerResult
  >;
  private readonly closeQuestionTransaction: Transaction<(questionId: string, now: Date) => StoredQuestion | null>;

  constructor(
    db: SqliteDatabase,
    private readonly statements: PreparedStatements,
  ) {
    this.createQuestionTransaction = db.transaction((input: NewQuestion) => this.insertQuestion(input));
    this.recordAnswerTransaction = db.transaction((questionId: string, userId: string, userName: string, choice: number, now: Date) =>
      this.insertAnswer(questionId, userId, userName, choice, now),
    );
    this.closeQuestionTransaction = db.transaction((questionId: string, now: Date) => this.markClosed(questionId, now));
  }

  createQuestion(input: NewQuestion): { created: boolean; question: StoredQuestion } {
    return this.createQuestionTransaction.immediate(input);
  }

  setQuestionMessage(questionId: string, messageId: string): void {
    this.statements.updateQuestionMessage.run(messageId, questionId);
  }

  getQuestion(questionId: string): StoredQuestion | null {
    const row = this.statements.selectQuestion.get(questionId);
    return row ? toStoredQuestion(row) : null;
  }

  getOpenQuestion(guildId: string, channelId: string): StoredQuestion | null {
    const row = this.statements.selectOpenChannelQuestion.get(guildId, channelId);
    return row ? toStoredQuestion(row) : null;
  }

  listOverdueQuestions(now: Date): StoredQuestion[] {
    return this.statements.selectOverdueQuestions.all(now.getTime()).map(toStoredQuestion);
  }

  listOpenQuestions(): StoredQuestion[] {
    return this.statements.selectOpenQuestions.all().map(toStoredQuestion);
  }

  /** Newest by creation among the channel's posts; practice questions are not posts and are left out. */
  getLatestQuestion(guildId: string, channelId: string): StoredQuestion | null {
    const row = this.statements.selectLatestChannelQuestion.get(guildId, channelId);
    return row ? toStoredQuestion(row) : null;
  }

  discardUnpostedQuestion(questionId: string): boolean {
    return this.statements.deleteUnpostedQuestion.run({ questionId }).changes === 1;
  }

  // Answers

  /**
   * Durable on return: the commit is in the WAL before this returns, and with `synchronous = NORMAL` a
   * killed process cannot lose it (see openDatabase). So the caller may acknowledge the click afterwards.
   */
  recordAnswer(questionId: string, userId: string, userName: string, choice: number, now: Date): RecordAnswerResult {
    // IMMEDIATE: the open-check and the insert must see the same state as a close running in another process.
    return this.recordAnswerTransaction.immediate(questionId, userId, userName, choice, now);
  }

  getAnswer(questionId: string, userId: string): RecordedAnswer | null {
    const row = this.statements.selectAnswer.get(questionId, userId);
    return row ? toRecordedAnswer(row) : null;
  }

  getTally(questionId: string): Tally {
    const optionsJson = this.statements.selectQuestionOptions.get(questionId)?.options_json;
    const counts: number[] = optionsJson === undefined ? [] : (JSON.parse(optionsJson) as string[]).map(() => 0);
    let participants = 0;
    for (const { choice, count } of this.statements.selectChoiceCounts.all(questionId)) {
      counts[choice] = count;
      participants += count;
    }
    const correct = this.statements.selectCorrectAnswerers.all(questionId).map((row) => ({ userId: row.user_id, userName: row.user_name }));
    return { questionId, counts, participants, correct };
  }

  closeQuestion(questionId: string, now: Date): ClosedQuestion | null {
    const question = this.closeQuestionTransaction.immediate(questionId, now);
    return question ? { question, tally: this.getTally(questionId) } : null;
  }

  // Reveals

  listDueReveals(now: Date): PendingReveal[] {
    return this.statements.selectDueReveals.all(now.getTime()).map(toPendingReveal);
  }

  getPendingReveal(guildId: string, channelId: string): PendingReveal | null {
    const row = this.statements.selectChannelPendingReveal.get(guildId, channelId);
    return row ? toPendingReveal(row) : null;
  }

  getNextRevealDue(): Date | null {
    return toDateOrNull(this.statements.selectNextRevealDue.get()?.due ?? null);
  }

  postponeReveal(questionId: string, dueAt: Date): void {
    this.statements.updateRevealRetry.run(dueAt.getTime(), questionId);
  }

  settleReveal(questionId: string): void {
    this.statements.clearReveal.run(questionId);
  }

  listUnpostedQuestions(): StoredQuestion[] {
    return this.statements.selectUnpostedQuestions.all().map(toStoredQuestion);
  }

  // Transaction bodies (run only inside the transactions made in the constructor)

  private insertQuestion(input: NewQuestion): { created: boolean; question: StoredQuestion } {
    const { question } = input;
    const inserted = this.statements.insertQuestion.run({
      id: createShortId(),
      guildId: input.guildId,
      channelId: input.channelId,
      slotKey: input.slotKey,
      conceptId: question.conceptId,
      kind: question.kind,
      prompt: question.prompt,
      optionsJson: JSON.stringify(question.options),
      answer: question.answer,
      optionConceptIdsJson: question.optionConceptIds === undefined ? null : JSON.stringify(question.optionConceptIds),
      practiceUserId: input.practiceUserId ?? null,
      language: input.language ?? null,
      createdAt: input.createdAt.getTime(),
      closesAt: input.closesAt.getTime(),
    });
    const row = this.statements.selectQuestionBySlot.get(input.guildId, input.channelId, input.slotKey);
    if (!row) throw new Error(`Question for slot ${input.slotKey} in ${input.guildId}/${input.channelId} is missing right after insert`);
    return { created: inserted.changes === 1, question: toStoredQuestion(row) };
  }

  private insertAnswer(questionId: string, userId: string, userName: string, choice: number, now: Date): RecordAnswerResult {
    const row = this.statements.selectQuestion.get(questionId);
    if (!row) return { kind: 'unknown-question' };
    const question = toStoredQuestion(row);
    if (question.status === 'closed' || now.getTime() >= row.closes_at) return { kind: 'closed', question };
    // Only a custom id the bot never made carries another choice: a clear answer, not an error.
    if (!Number.isInteger(choice) || choice < 0 || choice >= question.options.length) return { kind: 'invalid-choice', question };

    const answeredAt = now.getTime();
    const inserted = this.statements.insertAnswer.run({
      questionId,
      userId,
      userName,
      choice,
      correct: choice === row.answer ? 1 : 0,
      answeredAt,
      guildId: row.guild_id,
    });
    const stored = this.statements.selectAnswer.get(questionId, userId);
    if (!stored) throw new Error(`Answer of ${userId} to ${questionId} is missing right after insert`);
    if (inserted.changes === 0) return { kind: 'already-answered', answer: toRecordedAnswer(stored), question };

    this.statements.upsertMemberName.run({ guildId: row.guild_id, userId, userName, updatedAt: answeredAt });
    return { kind: 'recorded', answer: toRecordedAnswer(stored), question };
  }

  private markClosed(questionId: string, now: Date): StoredQuestion | null {
    const before = this.statements.selectQuestion.get(questionId);
    if (!before) return null;
    const closedAt = now.getTime();
    // Only the transition open → closed scores; a second close (or a close racing in another process) changes nothing.
    const changed = this.statements.updateQuestionClosed.run({ closedAt, questionId }).changes === 1;
    if (changed && before.practice_user_id === null) {
      this.statements.resetStreaksOfMissingMembers.run(before.guild_id, questionId);
      this.statements.upsertScoresFromAnswers.run(questionId);
      this.statements.updateAnswersScored.run(closedAt, questionId);
    }
    const after = this.statements.selectQuestion.get(questionId);
    return after ? toStoredQuestion(after) : null;
  }
}
