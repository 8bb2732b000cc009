// Every button the bot can show must reach a command: the router sends a click on `<name>:<args…>` to the
// `button` handler of the command named `<name>`, and a prefix that names none answers "that no longer works".
// So every view that makes buttons is rendered here with sample data and each custom id is checked against the
// command list `src/main.ts` passes to the bot.
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import type { Command } from '../../src/discord/command.js';
import { buildConceptListView } from '../../src/discord/concept-list-view.js';
import { buildConceptView, buildGuessView } from '../../src/discord/concept-view.js';
import { buildAnswerRecorded } from '../../src/discord/confidence-views.js';
import { buildFlashcardAnswer, buildFlashcardGraded, buildFlashcardQuestion } from '../../src/discord/flashcard-views.js';
import { indexCommands, splitCustomId } from '../../src/discord/interaction-router.js';
import type { MessageView } from '../../src/discord/message-view.js';
import { buildPracticeQuestion, buildPracticeResult, buildQuestionPost, buildRevealPost } from '../../src/discord/quiz-views.js';
import {
  buildReviewCard,
  buildReviewCardAnswer,
  buildReviewCardGraded,
  buildReviewQuestion,
  buildReviewResult,
} from '../../src/discord/review-views.js';
import type { Language } from '../../src/i18n/locale.js';
import type { NoteDocument } from '../../src/kb/types.js';
import type { StoredQuestion } from '../../src/quiz/types.js';
import { listFlashcards } from '../../src/quiz/flashcard-practice.js';
import { fillerConcepts, makeKnowledgeBase, type ConceptSpec } from '../quiz/quiz-test-kit.js';
import { askAndClose, openTestStore, postQuestion } from '../store/store-test-kit.js';
import { buttonsOf } from './message-view-checks.js';

const userId = '400000000000000001';
/** More concepts than one page of `/concepts` holds, so the page buttons appear too. */
const manyConcepts: ConceptSpec[] = Array.from({ length: 25 }, (_, n) => ({
  names: [`Concept ${n}`],
  slug: `concept-${n}`,
  statements: [`Statement ${n}.`],
}));
const kb = makeKnowledgeBase({
  network: [
    {
      names: ['TCP'],
      statements: ['연결을 맺고 순서와 도착을 보장하는 전송 계층 프로토콜이다.'],
      flashcards: [{ question: '3-way handshake?', answer: 'SYN, SYN-ACK, ACK' }],
    },
    ...fillerConcepts(),
  ],
  many: manyConcepts,
});
const tcp = kb.getConcept('network/tcp')!;
const router = kb.getConcept('network/router')!;

/** Every view of the bot that can carry buttons, in each language (labels differ, ids must not). */
async function renderEveryView(language: Language): Promise<MessageView[]> {
  const store = await openTestStore();
  const posted = await postQuestion(store, { conceptId: tcp.id, postedAt: new Date('2026-03-02T00:00:00Z') });
  const practice = await postQuestion(store, { conceptId: tcp.id, postedAt: new Date('2026-03-02T01:00:00Z'), practiceUserId: userId });
  const closed = await askAndClose(store, { conceptId: tcp.id, postedAt: new Date('2026-03-02T02:00:00Z'), answers: { [userId]: true } });
  const document = kb.getDocument(tcp.documentId);
  const [card] = listFlashcards(kb);
  const flashcard = { card: card!, document, scope: 'note' as const, userId, language };
  return [
    buildConceptView({ ...tcp, relatedIds: [router.id] }, kb, language),
    buildGuessView([tcp, router], 'tc', language),
    buildConceptListView(kb, { noteId: null, page: 0 }, language),
    buildConceptListView(kb, { noteId: 'many', page: 1 }, language),
    buildQuestionPost({ question: posted, concept: tcp, document, language }),
    buildRevealPost({ closed, concept: tcp, document, language }),
    buildPracticeQuestion({ question: practice, concept: tcp, document, language }),
    buildAnswerRecorded('Answer recorded: **B**.', posted.id, language),
    buildPracticeResult({ question: practice, concept: tcp, document, language, choice: practice.answer }),
    buildFlashcardQuestion(flashcard),
    buildFlashcardAnswer(flashcard),
    buildFlashcardGraded({ ...flashcard, grade: 'knew' }),
    ...renderReviewViews(practice, document, language),
  ];
}

/** Every step of a `/quiz review` session: a question and its result, a card, its answer and its grade. */
function renderReviewViews(question: StoredQuestion, document: NoteDocument | undefined, language: Language): MessageView[] {
  const session = { userId, startedAt: new Date('2026-03-02T01:00:00Z'), tally: { reviewed: 1, right: 1 }, scope: 'all' as const };
  const reviewCard = { card: listFlashcards(kb)[0]!, document, session, language };
  return [
    buildReviewQuestion({ question, concept: tcp, document, session, language }),
    buildReviewResult({ question, concept: tcp, document, session, language, choice: question.answer }),
    buildReviewCard(reviewCard),
    buildReviewCardAnswer(reviewCard),
    buildReviewCardGraded({ ...reviewCard, grade: 'didnt' }),
  ];
}

/** Custom ids among the views' buttons that no command's `button` handler would receive. */
function findUnroutedCustomIds(views: readonly MessageView[], byName: ReadonlyMap<string, Command>): string[] {
  return customIdsOf(views).filter((customId) => !byName.get(splitCustomId(customId).name)?.button);
}

/** The command, and for `/quiz` (whose buttons do several things) the action: `quiz:answer`, `explain`. */
function buttonKind(customId: string): string {
  const { name, args } = splitCustomId(customId);
  return name === 'quiz' ? `${name}:${args[0] ?? ''}` : name;
}

function customIdsOf(views: readonly MessageView[]): string[] {
  return views.flatMap((view) => buttonsOf(view).map((button) => button.custom_id));
}

describe('button wiring', () => {
  const byName = indexCommands(commands);

  it.each(['en', 'ko'] as const)('every button a view can show (%s) names a command that takes buttons', async (language) => {
    const views = await renderEveryView(language);

    expect(findUnroutedCustomIds(views, byName)).toEqual([]);
    // Each kind of button was really rendered, so the check above covered it.
    const kinds = new Set(customIdsOf(views).map(buttonKind));
    expect([...kinds].sort()).toEqual(['concepts', 'explain', 'quiz:answer', 'quiz:card', 'quiz:confidence', 'quiz:explain', 'quiz:review']);
  });

  it('a button whose prefix names no command is found', async () => {
    const views = await renderEveryView('en');
    const withoutQuiz = indexCommands(commands.filter((command) => command.data.name !== 'quiz'));

    const unrouted = findUnroutedCustomIds(views, withoutQuiz);

    expect(unrouted.length).toBeGreaterThan(0);
    expect(unrouted.every((customId) => customId.startsWith('quiz:'))).toBe(true);
  });
});
