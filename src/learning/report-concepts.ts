import type { KnowledgeBase } from '../kb/types.js';
import { formatQuizLabel } from '../quiz/question-material.js';
import type { ReportConcept } from './team-report.js';

/**
 * The concepts reports, charts and reminders count: the ones the bot asks about (a generated question, `askable`)
 * or the author's flashcards test, named as quiz options name them (`git stash`, not a raw heading with its date
 * and tags), in note order. The bot and `cli report` share it.
 */
export function listReportConcepts(kb: KnowledgeBase, askable: Iterable<string>): ReportConcept[] {
  const asked = new Set(askable);
  return kb.concepts
    .filter((concept) => asked.has(concept.id) || concept.flashcards.length > 0)
    .map((concept) => ({ id: concept.id, name: formatQuizLabel(concept) }));
}
