// `cli quiz sample`: one generated question, the same for the same seed. The --json form is a contract for
// outside checks: exactly { conceptId, kind, prompt, options, answer }.
import { randomInt } from 'node:crypto';
import { findDocument } from '../kb/find-document.js';
import { loadKnowledgeBase } from '../kb/load-knowledge-base.js';
import { sampleQuestion } from '../quiz/generate-question.js';
import type { GeneratedQuestion } from '../quiz/types.js';
import { type CliCommand, type CliContext, numberFlag, UsageError } from './cli-context.js';

const letters = ['A', 'B', 'C', 'D'];

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
    context.err(`No question can be made from ${noteId ? `note "${noteId}"` : context.docsDir}; run "kb check" to see which concepts are skipped and why.`);
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
  const heading = question.kind === 'which-concept' ? 'Which concept is described here?' : 'Which term fills the blank (＿＿＿)?';
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

export const quizCommands: Record<string, CliCommand> = {
  'quiz sample': sample,
};
