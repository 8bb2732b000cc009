// What the quiz material holds for each concept: its candidate prompts, each with the wrong options that may stand
// beside it and its quality score.
import type { AuthoredQuestion, Concept, KnowledgeBase } from '../../kb/types.js';
import type { Term } from '../key-terms.js';
import type { QualityVerdict, QuestionFeatures } from '../question-quality.js';

interface CandidateBase {
  /** The quoted sentence's line in the note. */
  line: number;
  /** Features of the prompt alone; the option features are filled in when the options are chosen. */
  features: QuestionFeatures;
  /** The score with the best wrong options (what a draw can reach). */
  verdict: QualityVerdict;
}

export interface WhichConceptCandidate extends CandidateBase {
  kind: 'which-concept';
  prompt: string;
  /** Concepts that may stand beside the answer for this prompt, best first (same note first). */
  distractors: Concept[];
}

export interface ClozeCandidate extends CandidateBase {
  kind: 'cloze';
  /** The sentence with the term blanked; the particle after the blank is agreed once options are chosen. */
  prompt: string;
  term: Term;
  /** Terms that may stand beside it, best first. */
  distractors: Term[];
}

export type Candidate = WhichConceptCandidate | ClozeCandidate;

export interface ConceptMaterial {
  concept: Concept;
  label: string;
  /** Names, aliases, label, title and each part of a joined name: nothing of these shows in a which-concept prompt. */
  names: string[];
  whichConcept: WhichConceptCandidate[];
  clozes: ClozeCandidate[];
  authored: AuthoredQuestion[];
  /** The best candidate that fell below the threshold, for `kb check`'s explanation. */
  bestRejected: { verdict: QualityVerdict; line: number } | null;
}

export interface QuizMaterial {
  kb: KnowledgeBase;
  labelOf: (concept: Concept) => string;
  materialOf(conceptId: string): ConceptMaterial | undefined;
  /**
   * Whether some question can be asked about the concept (undefined when it is unknown), as `materialOf` would
   * tell, but found out from its candidates up to the first askable one: `kb check` asks it of every concept.
   */
  canAsk(conceptId: string): boolean | undefined;
}
