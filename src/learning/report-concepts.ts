import type { KnowledgeBase } from '../kb/types.js';
import type { ReportConcept } from './team-report.js';

/**
 * The concepts reports, charts and reminders count: the ones the bot asks about (a generated question, `askable`)
 * or the author's flashcards test, named by their headings, in note order.
 */
export function listReportConcepts(kb: KnowledgeBase, askable: Iterable<string>): ReportConcept[] {
  const asked = new Set(askable);
  return kb.concepts
    .filter((concept) => asked.has(concept.id) || concept.flashcards.length > 0)
    .map((concept) => ({ id: concept.id, name: concept.title }));
}
