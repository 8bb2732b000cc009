// How good a candidate question is, from explicit rules a teacher would apply. Every candidate starts at 1 and
// each rule that applies adds its weight; a rule with weight -1 rules the candidate out on its own. Below
// `minQuestionScore` a candidate is never asked, and a concept left with none is "too thin for a question"
// (`kb check` lists it, the daily quiz skips it). The knobs are here, in one table, each with its reason.

/** What the rules look at; worked out by question-material.ts for each candidate. */
export interface QuestionFeatures {
  kind: 'which-concept' | 'cloze';
  /** The quoted sentence came from a list item rather than a paragraph. */
  fromListItem: boolean;
  /** The first quoted sentence ends like a sentence (not a fragment such as `빠른 속도`). */
  wholeSentence: boolean;
  /** The first quoted sentence opens by leaning on the one before (`따라서`, `This means`). */
  leansOnPrevious: boolean;
  /** "See below", a link, a sentence ending in a colon: it points elsewhere. */
  pointsElsewhere: boolean;
  /** Code-ish text (backticks, braces, calls) in the prompt. */
  looksLikeCode: boolean;
  /** Letters the prompt shows (masks not counted). */
  letters: number;
  /** Share of the original sentence's letters hidden by masks (which-concept). */
  maskedShare: number;
  /** How many masks the prompt shows. */
  masks: number;
  /** One or two sentences quoted. */
  sentences: number;
  /** Which-concept: the prompt names another concept of the note or its domain, so it fits that one too. */
  namesAnotherConcept: boolean;
  /** Which-concept: two different names of the concept are masked (`＿＿＿ 사이의 전환은 ＿＿＿ 사이의 전환보다`). */
  masksDifferentNames: boolean;
  /** Which-concept: the sentence opens with the name of one of the concept's subsections, so it describes that part. */
  describesPart: boolean;
  /** Cloze: the blanked term is a generic word (장점, 방식, 것). */
  genericBlank: boolean;
  /** Cloze: the blank is a verb or adverb (`＿＿＿한다`, "never ＿＿＿", `독립적으로`), not a noun term. */
  verbalBlank: boolean;
  /** Cloze: the blank sits inside a longer word, so no option reads as the word. */
  blankInsideWord: boolean;
  /** Cloze: the particle after the blank had to be written in its neutral form `을(를)`. */
  particleNeutralized: boolean;
  /** Wrong options from another note of the same domain (never from another domain: those are not offered). */
  optionsFromOtherNotes: number;
  /** Cloze: wrong options in another script than the answer (Hangul beside Latin). */
  optionsInOtherScript: number;
  /** Cloze: mean relative length gap between the answer and the wrong options (0 = same length). */
  optionLengthGap: number;
}

export interface QualityRule {
  id: string;
  weight: number;
  why: string;
  applies(features: QuestionFeatures): boolean;
}

/** Candidates scoring below this are never asked. */
export const minQuestionScore = 0.6;

/** A prompt this long stops being a quiz question and becomes reading. */
const maxPromptLetters = 260;

export const qualityRules: readonly QualityRule[] = [
  { id: 'leans-on-previous', weight: -1, why: 'alone in a post, "따라서 …" or "This means …" refers to nothing', applies: (f) => f.leansOnPrevious },
  { id: 'points-elsewhere', weight: -1, why: '"see below" or a link says nothing to answer from', applies: (f) => f.pointsElsewhere },
  { id: 'too-short', weight: -1, why: 'under 15 letters is too little to recognise anything by', applies: (f) => f.letters < 15 },
  { id: 'too-long', weight: -1, why: 'a paragraph-long prompt tests reading, not knowing', applies: (f) => f.letters > maxPromptLetters },
  {
    id: 'mostly-masked',
    weight: -1,
    why: 'when masks hide over half the sentence, it was mostly the name itself',
    applies: (f) => f.maskedShare > 0.5,
  },
  {
    id: 'generic-blank',
    weight: -1,
    why: 'blanking 장점 or 방식 asks for a word, not for knowledge',
    applies: (f) => f.kind === 'cloze' && f.genericBlank,
  },
  {
    id: 'verbal-blank',
    weight: -1,
    why: 'noun options in a verb or adverb slot read wrong and can flip the meaning',
    applies: (f) => f.kind === 'cloze' && f.verbalBlank,
  },
  {
    id: 'blank-inside-word',
    weight: -1,
    why: 'a blank inside a word has no option that reads as that word',
    applies: (f) => f.kind === 'cloze' && f.blankInsideWord,
  },
  {
    id: 'fits-another-concept',
    weight: -0.5,
    why: 'a sentence naming another concept of the note describes a relation, and fits that concept as well',
    applies: (f) => f.kind === 'which-concept' && f.namesAnotherConcept,
  },
  {
    id: 'describes-a-part',
    weight: -0.45,
    why: '"요구 페이징은 …" defines a subsection; asked as "which concept?" it tests the heading layout, not the concept',
    applies: (f) => f.kind === 'which-concept' && f.describesPart,
  },
  {
    id: 'masks-different-names',
    weight: -0.45,
    why: 'two blanks standing for two different names ("＿＿＿ is cheaper than ＿＿＿") leave the reader guessing which is which',
    applies: (f) => f.kind === 'which-concept' && f.masksDifferentNames,
  },
  {
    id: 'thin-description',
    weight: -0.45,
    why: 'under 20 letters ("시스템의 모든 것을 통제한다") describes too little to tell one concept from another',
    applies: (f) => f.kind === 'which-concept' && f.letters < 20,
  },
  {
    id: 'fragment',
    weight: -0.45,
    why: 'a list fragment (`빠른 속도`) is not a statement one can recognise a concept by',
    applies: (f) => !f.wholeSentence,
  },
  { id: 'code', weight: -0.45, why: 'code in a prompt reads badly in a post and often names the answer', applies: (f) => f.looksLikeCode },
  { id: 'many-masks', weight: -0.45, why: 'three or more masks make a sentence hard to read', applies: (f) => f.masks >= 3 },
  { id: 'list-item', weight: -0.05, why: 'a list item leans on its list more often than a paragraph sentence does', applies: (f) => f.fromListItem },
  { id: 'two-sentences', weight: -0.05, why: 'two sentences are a longer read; used only when one is a thin clue', applies: (f) => f.sentences > 1 },
  {
    id: 'particle-neutralized',
    weight: -0.05,
    why: '`을(를)` reads a little less naturally than the right particle',
    applies: (f) => f.particleNeutralized,
  },
  {
    id: 'options-other-notes',
    weight: -0.1,
    why: 'wrong options from the same note are the ones a learner must tell apart; another note of the domain is a weaker lure',
    applies: (f) => f.optionsFromOtherNotes >= 2,
  },
  {
    id: 'options-other-script',
    weight: -0.2,
    why: 'a Latin option among Hangul ones (or the reverse) stands out whatever its meaning',
    applies: (f) => f.kind === 'cloze' && f.optionsInOtherScript >= 2,
  },
  {
    id: 'options-length-gap',
    weight: -0.1,
    why: 'an option much longer or shorter than the others stands out',
    applies: (f) => f.kind === 'cloze' && f.optionLengthGap > 0.6,
  },
];

export interface QualityVerdict {
  score: number;
  /** Ids of the rules that applied. */
  rules: string[];
}

export function scoreQuestion(features: QuestionFeatures): QualityVerdict {
  // One pass, weights added in table order: every candidate of every concept is scored, some twice.
  let score = 1;
  const rules: string[] = [];
  for (const rule of qualityRules) {
    if (!rule.applies(features)) continue;
    score += rule.weight;
    rules.push(rule.id);
  }
  return { score: Math.max(0, Math.round(score * 100) / 100), rules };
}

export function isAskable(verdict: QualityVerdict): boolean {
  return verdict.score >= minQuestionScore;
}
