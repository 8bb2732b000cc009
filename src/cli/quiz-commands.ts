// `cli quiz sample`: one generated question, the same for the same seed. The --json form is a contract for
// outside checks: exactly { conceptId, kind, prompt, options, answer }.
// `cli quiz review`: the questions the bot would ask, one per concept in a seeded order, with where each
// comes from and its quality score, so a team can read them before scheduling. --json: an array of
// { conceptId, kind, prompt, options, answer, source: { file, line }, score }.
import { randomInt } from 'node:crypto';
import { findDocument } from '../kb/find-document.js';
import { loadKnowledgeBase } from '../kb/load-knowledge-base.js';
import { findUnaskableConcepts, reviewQuestions, sampleQuestion } from '../quiz/generate-question.js';
import type { GeneratedQuestion, QuestionKind } from '../quiz/types.js';
import { type CliCommand, type CliContext, numberFlag, UsageError } from './cli-context.js';

const letters = ['A', 'B', 'C', 'D'];
const kindHeadings: Record<QuestionKind, string> = {
  'which-concept': 'Which concept is described here?',
  cloze: 'Which term fills the blank (＿＿＿)?',
  authored: 'A question from the notes:',
};

const sample: CliCommand = async (context) => {
  const seed = numberFlag(context, 'seed', randomInt(2 ** 31));
  const noteFlag = readNoteFlag(context);
  const kb = await loadKnowledgeBase(context.docsDir, context.noteReadLimits);
  // The same note lookup as the bot's `note` options: id, file name, title, or a fragment naming one note.
  const noteId = noteFlag === undefined ? undefined : findDocument(kb, noteFlag)?.id;
  if (noteFlag !== undefined && noteId === undefined) {
    const known = kb.documents.map((document) => document.id).join(', ') || 'none';
    throw new UsageError(`--note: no note "${noteFlag}" in ${context.docsDir} (notes: ${known})`);
  }
  const question = sampleQuestion(kb, { seed, ...(noteId !== undefined ? { noteId } : {}) });
  if (!question) {
    context.err(
      `No question can be made from ${noteId ? `note "${noteId}"` : context.docsDir}; run "kb check" to see which concepts are skipped and why.`,
    );
    return 1;
  }
  if (context.json) {
    const { conceptId, kind, prompt, options, answer } = question;
    context.out(JSON.stringify({ conceptId, kind, prompt, options, answer }, null, 2));
  } else {
    context.out(formatQuestion(question, seed));
  }
  return 0;
};

function readNoteFlag(context: CliContext): string | undefined {
  const note = context.flags.get('note');
  if (note === true) throw new UsageError('--note takes a note id, e.g. --note docker-kubernetes');
  return note;
}

/** The question as a person reads it in a terminal. */
export function formatQuestion(question: GeneratedQuestion, seed: number): string {
  const heading = kindHeadings[question.kind];
  const options = question.options.map((option, index) => `  ${letters[index]}) ${option}`);
  const answer = `${letters[question.answer]}) ${question.options[question.answer]}`;
  return [
    `${heading}  [${question.kind}, ${question.conceptId}, seed ${seed}]`,
    '',
    ...question.prompt.split('\n').map((line) => `  ${line}`),
    '',
    ...options,
    '',
    `Answer: ${answer}`,
  ].join('\n');
}

const defaultReviewCount = 20;

const review: CliCommand = async (context) => {
  const seed = numberFlag(context, 'seed', randomInt(2 ** 31));
  const count = numberFlag(context, 'count', defaultReviewCount);
  if (count === 0) throw new UsageError('--count takes a number of questions of at least 1');
  const noteFlag = readNoteFlag(context);
  const kb = await loadKnowledgeBase(context.docsDir);
  const noteId = noteFlag === undefined ? undefined : findDocument(kb, noteFlag)?.id;
  if (noteFlag !== undefined && noteId === undefined) throw new UsageError(`--note: no note "${noteFlag}" in ${context.docsDir}`);
  const questions = reviewQuestions(kb, { seed, count, ...(noteId !== undefined ? { noteId } : {}) });
  if (context.json) {
    const rows = questions.map(({ conceptId, kind, prompt, options, answer, source, score }) => ({
      conceptId,
      kind,
      prompt,
      options,
      answer,
      source,
      score,
    }));
    context.out(JSON.stringify(rows, null, 2));
    return 0;
  }
  if (questions.length === 0) {
    context.err(`No question can be made from ${context.docsDir}; run "kb check" to see which concepts are too thin and why.`);
    return 1;
  }
  const thin = findUnaskableConcepts(kb).filter((skipped) => noteId === undefined || kb.getConcept(skipped.conceptId)?.documentId === noteId).length;
  const blocks = questions.map((question, index) => formatReviewedQuestion(question, index + 1));
  const askedConcepts = new Set(questions.map((question) => question.conceptId)).size;
  context.out(
    `${blocks.join('\n\n')}\n\n${questions.length} questions about ${askedConcepts} concepts (seed ${seed}); ${thin} concepts too thin for a question (see "kb check").`,
  );
  return 0;
};

/** One question as a teacher reads it: where it comes from, its score, the prompt, the options, the answer. */
function formatReviewedQuestion(question: GeneratedQuestion, number: number): string {
  const where = question.source ? `${question.source.file}:${question.source.line}` : '?';
  const heading = kindHeadings[question.kind];
  return [
    `${number}. ${where}  [${question.kind}, score ${question.score?.toFixed(2) ?? '?'}, ${question.conceptId}]`,
    `   ${heading}`,
    ...question.prompt.split('\n').map((line) => `     ${line}`),
    ...question.options.map((option, index) => `   ${index === question.answer ? '*' : ' '} ${letters[index]}) ${option}`),
  ].join('\n');
}

export const quizCommands: Record<string, CliCommand> = {
  'quiz sample': sample,
  'quiz review': review,
};
