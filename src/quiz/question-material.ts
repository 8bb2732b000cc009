// What each concept offers for questions, worked out once per knowledge base: candidate prompts from the
// concept's explanatory prose (one or two whole sentences with its names masked, or one sentence with a key
// term blanked), each with the wrong options that may stand beside it and its quality score
// (question-quality.ts). Deterministic; randomness only picks among it later.
//
// Scale: a concept is compared only with the concepts and terms of its own domain (its note, the notes in
// the same folder, the notes it mentions or that mention it), at most `maxPoolSize` of them, found through
// maps built once. Nothing scans every concept per concept, so 10,000 concepts cost about ten times 1,000.
import type { AuthoredQuestion, Concept, KnowledgeBase } from '../kb/types.js';
import { formatConceptLabel } from '../search/format-concept-name.js';
import { commandWords, findTranslatedTerms, isVerbSlot, makeTerm, overlaps, type Term } from './key-terms.js';
import { agreeParticle, neutralizeAllParticles, readBlankEnding } from './korean-particles.js';
import {
  answerMask,
  countLetters,
  countOccurrences,
  escapeRegExp,
  createNameMasker,
  findLeakedName,
  findShownNameKeys,
  namePatternSource,
  textKey,
} from './mask-names.js';
import {
  isWholeSentence,
  leansOnPreviousSentence,
  looksLikeCode,
  pointsElsewhere,
  readPromptSentences,
  type PromptSentence,
} from './prompt-sentences.js';
import { isAskable, scoreQuestion, type QualityVerdict, type QuestionFeatures } from './question-quality.js';

export type { Term } from './key-terms.js';

/** Fewer letters than this (masks not counted) is too little to recognise anything by. */
export const minPromptLetters = 15;
export const distractorCount = 3;
/** A sentence with fewer letters than this once masked gets the next sentence of its passage as a second clue. */
const twoSentencesBelowLetters = 40;
/** Wrong options considered per candidate: plenty to choose from, and it keeps the work per concept bounded. */
const maxPoolSize = 40;
/**
 * Work per concept stays bounded however big a note is (a 10,000-section note, a 5 MB section): a question needs
 * a handful of good sentences, not all of them, so a long section offers at most this many, spread over its text…
 */
const maxSentencesPerConcept = 80;
/** …and blanks at most this many of its terms… */
const maxBlankableTerms = 60;
/** …and a note with more terms than this lends each concept only the terms of its neighbours in the note. */
const maxNoteTermsInPool = maxPoolSize * 8;
/** Mentions between two notes (concept pairs) that make them one domain; see buildDomains. */
const minLinksForDomain = 3;

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
}

const materials = new WeakMap<KnowledgeBase, QuizMaterial>();

/** The material of a knowledge base, built on first use (a knowledge base never changes once loaded). */
export function getQuizMaterial(kb: KnowledgeBase): QuizMaterial {
  let material = materials.get(kb);
  if (!material) {
    material = buildQuizMaterial(kb);
    materials.set(kb, material);
  }
  return material;
}

const maxLabelLength = 80;

/**
 * A concept as an option: every term of a joined heading (`Process / Thread`, `스택 / 큐`), since a prompt about
 * threads must not have an answer that reads only "Process"; a Korean name keeps its English translation
 * (`컨테이너 (Container)`), an acronym its expansion only when it is all there is.
 */
export function formatQuizLabel(concept: Pick<Concept, 'names' | 'title'>): string {
  const groups: { head: string; translation?: string }[] = [];
  // A translation is what the heading puts in brackets after the name (`해시 테이블(Hash Table)`); a Latin term that
  // merely follows a Korean one (`HTTP 요청 방식 - GET, POST`) is a term of its own.
  const compactTitle = concept.title.replace(/\s+/gu, '');
  const bracketedAfter = (head: string, name: string): boolean => compactTitle.includes(`${head}(${name}`.replace(/\s+/gu, ''));
  for (const name of concept.names) {
    const last = groups.at(-1);
    const latinOnly = !/\p{Script=Hangul}/u.test(name);
    const translates =
      last !== undefined && (/\p{Script=Hangul}/u.test(last.head) || isAcronymOf(last.head, name)) && bracketedAfter(last.head, name);
    if (last && last.translation === undefined && latinOnly && translates) last.translation = name;
    else groups.push({ head: name });
  }
  if (groups.length <= 1) return formatConceptLabel(concept);
  const label = groups
    .map((group) => (group.translation && /\p{Script=Hangul}/u.test(group.head) ? `${group.head} (${group.translation})` : group.head))
    .join(' / ');
  return label.length <= maxLabelLength ? label : formatConceptLabel(concept);
}

/** `DNS` and `Domain Name System`. */
function isAcronymOf(short: string, long: string): boolean {
  const initials = long
    .split(/[\s-]+/u)
    .map((word) => word[0] ?? '')
    .join('');
  return short.length >= 2 && initials.toLowerCase() === short.toLowerCase();
}

/** Joined names hide each term too: `TCP/IP` hides TCP and IP, `Semaphore & Mutex` each of the two. */
export function splitJoinedName(name: string): string[] {
  const parts = name.split(/\s*(?:\/|&|\+|,|\bvs\.?(?=\s)|\band\b|\s(?:와|과|및)\s)\s*/iu).map((part) => part.trim());
  return parts.length > 1 ? parts.filter((part) => textKey(part).length >= 2) : [];
}

function namesOf(concept: Concept, label: string): string[] {
  const whole = [...concept.names, ...concept.aliases, label, concept.title];
  // `git rebase` is called `rebase` in its own text: a command's name hides without the command too.
  const commands = whole
    .map((name) => name.trim().split(/\s+/u))
    .filter((words) => words.length === 2 && commandWords.test(words[0]!))
    .map((words) => words[1]!);
  return [...new Set([...whole, ...whole.flatMap(splitJoinedName), ...commands])].filter((name) => textKey(name) !== '');
}

/** Keys of names, ready for `shows`. */
interface NameKeys {
  keys: string[];
}

function keysOf(names: readonly string[]): string[] {
  return [...new Set(names.map(textKey).filter((key) => key.length > 0))];
}

/**
 * Whether `key` is one of `own`, or the same name with a short word more: `rebase` and `git rebase` name one
 * thing, `HTTP` and `HTTP 요청 방식` two.
 */
function isOwnKey(key: string, own: ReadonlySet<string>): boolean {
  if (own.has(key)) return true;
  if (key.length < 3) return false;
  for (const ownKey of own) {
    if (ownKey.length < 3 || Math.abs(ownKey.length - key.length) > 3) continue;
    if (ownKey.includes(key) || key.includes(ownKey)) return true;
  }
  return false;
}

function isShortLatin(key: string): boolean {
  return key.length <= 2 && /^[a-z0-9]+$/u.test(key);
}

/** A prompt made ready for many name checks: its key once, not once per name. */
interface PromptText {
  key: string;
  folded: string;
}

function prepare(text: string): PromptText {
  return { key: textKey(text), folded: text.normalize('NFKC').toLowerCase() };
}

/** Whether any of `keys` shows in the prompt, as `findLeakedName` judges it (short Latin keys only as words). */
function showsAny(prompt: PromptText, keys: readonly string[]): boolean {
  return keys.some((key) => (isShortLatin(key) ? wordPattern(key).test(prompt.folded) : prompt.key.includes(key)));
}

const wordPatterns = new Map<string, RegExp>();
function wordPattern(key: string): RegExp {
  let pattern = wordPatterns.get(key);
  if (!pattern) wordPatterns.set(key, (pattern = new RegExp(`(?<![a-z0-9])${escapeRegExp(key)}(?![a-z0-9])`, 'u')));
  return pattern;
}

function buildQuizMaterial(kb: KnowledgeBase): QuizMaterial {
  const labels = new Map(kb.concepts.map((concept) => [concept.id, formatQuizLabel(concept)]));
  const labelOf = (concept: Concept) => labels.get(concept.id) ?? formatQuizLabel(concept);
  const labelKeys = new Map([...labels].map(([id, label]) => [id, textKey(label)]));
  const namesById = new Map(kb.concepts.map((concept) => [concept.id, namesOf(concept, labelOf(concept))]));
  const nameKeysById = new Map<string, NameKeys>(kb.concepts.map((concept) => [concept.id, { keys: keysOf(namesById.get(concept.id)!) }]));
  /** Other terms of a concept a prompt may name: bold terms and subsection names (≥ 3 letters, or they match everywhere). */
  const termKeysById = new Map(
    kb.concepts.map((concept) => [
      concept.id,
      keysOf([...concept.boldTerms, ...concept.subsections.flatMap((subsection) => subsection.names)]).filter((key) => key.length >= 3),
    ]),
  );

  const conceptsByDocument = new Map<string, Concept[]>();
  for (const concept of kb.concepts) {
    const list = conceptsByDocument.get(concept.documentId) ?? [];
    list.push(concept);
    conceptsByDocument.set(concept.documentId, list);
  }
  const domainOf = buildDomains(kb, conceptsByDocument);
  const positionInNote = new Map<string, number>();
  for (const concepts of conceptsByDocument.values()) concepts.forEach((concept, index) => positionInNote.set(concept.id, index));

  // Which concept a name key names: a bold `커널` in another section still opens the Kernel concept.
  const conceptByNameKey = new Map<string, string>();
  for (const concept of kb.concepts)
    for (const key of nameKeysById.get(concept.id)!.keys) if (!conceptByNameKey.has(key)) conceptByNameKey.set(key, concept.id);

  /** Terms in the order a note offers them: names of its concepts, bold terms, translated terms of its prose; one per key. */
  function collectTerms(documentId: string, concepts: readonly Concept[]): Term[] {
    const terms: Term[] = [];
    const seen = new Set<string>();
    for (const concept of concepts) {
      for (const term of termsOfConcept(concept, documentId)) {
        if (seen.has(term.key)) continue;
        seen.add(term.key);
        terms.push(term);
      }
    }
    return terms;
  }

  /** One concept's terms, each made once however many pools take it (a big note's pools overlap). */
  const termsByConcept = new Map<string, Term[]>();
  function termsOfConcept(concept: Concept, documentId: string): Term[] {
    const cacheKey = `${documentId}\u0000${concept.id}`;
    const cached = termsByConcept.get(cacheKey);
    if (cached) return cached;
    const terms: Term[] = [];
    const seen = new Set<string>();
    const add = (text: string, source: Term['source']) => {
      const term = makeTerm(text, documentId, source);
      if (!term || seen.has(term.key)) return;
      seen.add(term.key);
      term.namedConceptId = term.partKeys.map((key) => conceptByNameKey.get(key)).find((id) => id !== undefined) ?? null;
      terms.push(term);
    };
    // A Korean note's concepts go by their Korean names: `Virtual Memory` beside `PCB` is the same option twice over.
    const [first, ...rest] = concept.names;
    if (first !== undefined) add(first, 'name');
    if (first !== undefined && !/\p{Script=Hangul}/u.test(first)) for (const name of rest) add(name, 'name');
    for (const bold of concept.boldTerms) add(bold, 'bold');
    for (const passage of concept.passages) for (const translated of findTranslatedTerms(passage.text)) add(translated, 'translation');
    termsByConcept.set(cacheKey, terms);
    return terms;
  }

  const termsByDocument = new Map<string, Term[]>();
  /** A note's terms (cached per note). */
  function termsOf(documentId: string): Term[] {
    let terms = termsByDocument.get(documentId);
    if (!terms) termsByDocument.set(documentId, (terms = collectTerms(documentId, conceptsByDocument.get(documentId) ?? [])));
    return terms;
  }

  const termByKeyByDocument = new Map<string, Map<string, Term>>();
  function termByKeyOf(documentId: string): Map<string, Term> {
    let byKey = termByKeyByDocument.get(documentId);
    if (!byKey) termByKeyByDocument.set(documentId, (byKey = new Map(termsOf(documentId).map((term) => [term.key, term]))));
    return byKey;
  }

  /**
   * The wrong options a cloze about `concept` may draw from for a term at home in `documentId`: the note's domain,
   * or, for a note too big to hand over whole, the terms of the concept's neighbours in it.
   */
  let neighbourPool: { conceptId: string; terms: Term[] } | null = null;
  function termPoolFor(concept: Concept, documentId: string): readonly Term[] {
    if (documentId !== concept.documentId || termsOf(documentId).length <= maxNoteTermsInPool) return domainTermsOf(documentId);
    // Material is built one concept at a time: remembering the last concept's pool is all the caching it needs.
    if (neighbourPool?.conceptId !== concept.id) {
      neighbourPool = { conceptId: concept.id, terms: collectTerms(documentId, [concept, ...nearestInNote(concept, maxPoolSize)]) };
    }
    return neighbourPool.terms;
  }

  /** Up to `limit` other concepts of the concept's own note, nearest in the note first (a long note wanders off topic). */
  function nearestInNote(concept: Concept, limit: number): Concept[] {
    const siblings = conceptsByDocument.get(concept.documentId) ?? [];
    if (siblings.length - 1 <= limit) return siblings.filter((other) => other.id !== concept.id);
    const at = positionInNote.get(concept.id) ?? 0;
    const result: Concept[] = [];
    for (let distance = 1; result.length < limit && distance < siblings.length; distance++) {
      const before = siblings[at - distance];
      const after = siblings[at + distance];
      if (before) result.push(before);
      if (after && result.length < limit) result.push(after);
    }
    return result;
  }

  /** The terms of a note's domain, its own first, at most a few pools' worth (cached per note). */
  const domainTermsByDocument = new Map<string, Term[]>();
  function domainTermsOf(documentId: string): Term[] {
    const cached = domainTermsByDocument.get(documentId);
    if (cached) return cached;
    const terms: Term[] = [];
    for (const member of domainOf(documentId)) {
      if (member !== documentId && terms.length >= maxPoolSize * 8) break;
      terms.push(...termsOf(member));
    }
    domainTermsByDocument.set(documentId, terms);
    return terms;
  }

  const byConcept = new Map<string, ConceptMaterial>();

  function materialOf(conceptId: string): ConceptMaterial | undefined {
    const cached = byConcept.get(conceptId);
    if (cached) return cached;
    const concept = kb.getConcept(conceptId);
    if (!concept) return undefined;
    const built = buildConceptMaterial(concept);
    byConcept.set(conceptId, built);
    return built;
  }

  /** Concepts of the domain, same note first, at most `limit` beyond the note itself. */
  function domainConcepts(concept: Concept, limit: number): Concept[] {
    const result: Concept[] = [];
    for (const documentId of domainOf(concept.documentId)) {
      if (documentId === concept.documentId) result.push(...nearestInNote(concept, limit));
      else for (const other of conceptsByDocument.get(documentId) ?? []) result.push(other);
      if (documentId !== concept.documentId && result.length >= limit) break;
    }
    return result;
  }

  /** The reading features of a sentence, worked out once per sentence of the concept being built. */
  let featuresOf = sentenceFeatures;

  function buildConceptMaterial(concept: Concept): ConceptMaterial {
    const label = labelOf(concept);
    const names = namesById.get(concept.id)!;
    const ownKeys = new Set(nameKeysById.get(concept.id)!.keys);
    const sharesName = (other: Concept) => nameKeysById.get(other.id)!.keys.some((key) => isOwnKey(key, ownKeys));
    const neighbours = domainConcepts(concept, maxPoolSize);
    // One per label, never this concept under another name (`TCP 와 UDP` beside `UDP`).
    const seenLabels = new Set<string>([labelKeys.get(concept.id)!]);
    // Two offered concepts that are one thing under two notes' names (`Stash`, `git stash`) are one option.
    const offeredKeys = new Set<string>();
    const offerable = neighbours.filter((other) => {
      if (seenLabels.size > maxPoolSize) return false;
      const key = labelKeys.get(other.id)!;
      const keys = nameKeysById.get(other.id)!.keys;
      if (sharesName(other) || seenLabels.has(key) || keys.some((nameKey) => isOwnKey(nameKey, offeredKeys))) return false;
      seenLabels.add(key);
      for (const nameKey of keys) offeredKeys.add(nameKey);
      return true;
    });
    const sentences = spreadOut(readPromptSentences(concept), maxSentencesPerConcept);
    const sentenceFeaturesBySentence = new Map(sentences.map((sentence) => [sentence, sentenceFeatures(sentence)]));
    featuresOf = (sentence) => sentenceFeaturesBySentence.get(sentence) ?? sentenceFeatures(sentence);
    const whichConcept: WhichConceptCandidate[] = [];
    const clozes: ClozeCandidate[] = [];
    let bestRejected: ConceptMaterial['bestRejected'] = null;
    const consider = (candidate: Candidate) => {
      if (isAskable(candidate.verdict)) {
        if (candidate.kind === 'which-concept') whichConcept.push(candidate);
        else clozes.push(candidate);
      } else if (!bestRejected || candidate.verdict.score > bestRejected.verdict.score) {
        bestRejected = { verdict: candidate.verdict, line: candidate.line };
      }
    };

    const mask = createNameMasker(names);
    for (const sentence of sentences) {
      const which = describeConcept(concept, sentence, names, mask, neighbours, offerable);
      if (which) consider(which);
    }

    const blankable = blankableTerms(concept, ownKeys).slice(0, maxBlankableTerms);
    for (const sentence of sentences) {
      for (const term of blankable) {
        const cloze = blankSentence(concept, sentence, term, ownKeys, termPoolFor(concept, term.documentId));
        if (cloze) consider(cloze);
      }
    }
    return { concept, label, names, whichConcept, clozes, authored: concept.authoredQuestions, bestRejected };
  }

  function describeConcept(
    concept: Concept,
    sentence: PromptSentence,
    names: readonly string[],
    mask: (text: string) => string,
    neighbours: readonly Concept[],
    offerable: readonly Concept[],
  ): WhichConceptCandidate | null {
    // "흔히 인터넷의 전화번호부라고도 부른다": a sentence that only gives another name says nothing once masked.
    if (aliasSentence.test(sentence.text)) return null;
    // "부하 분산 장치라고도 하며, …": the alias clause, once masked, only delays the clue.
    const first = mask(sentence.text).trim().replace(leadingAliasClause, '');
    const useNext = countLetters(first) < twoSentencesBelowLetters && sentence.next !== undefined && !pointsElsewhere(sentence.next);
    const originalText = useNext ? `${sentence.text} ${sentence.next}` : sentence.text;
    const masked = useNext ? `${first} ${mask(sentence.next!).trim()}` : first;
    // `＿＿＿(Process)`, `＿＿＿(또는 ＿＿＿)`: a bracket after the mask is the name in other words.
    const prompt = neutralizeAllParticles(masked.replace(new RegExp(`${answerMask}\\s*[(（][^)）]*[)）]`, 'gu'), answerMask), answerMask);
    if (commandBeforeMask.test(prompt)) return null;
    // Each sentence is masked alone; the leak check reads the prompt as one text, across word gaps.
    if (findLeakedName(prompt, names) !== undefined) return null;
    const text = prepare(prompt);
    const namesAnotherConcept = neighbours.some((other) => showsAny(text, nameKeysById.get(other.id)!.keys));
    // "요구 페이징은 …" inside 가상 메모리 describes the subsection, not the concept a reader is asked for.
    const opening = textKey(sentence.text.slice(0, 40));
    const sentenceKey = textKey(originalText);
    const describesPart = concept.subsections.some((subsection) =>
      subsection.names.some((name) => {
        const key = textKey(name);
        // It opens with the subsection's name, or names it where it defines a term ("… 순수 요구 페이징이라고 한다").
        return (
          key.length >= 2 &&
          (opening.startsWith(key) || (sentenceKey.includes(key) && /(?:이?라고|이?라)\s?(?:한다|부른다)|is called/u.test(originalText)))
        );
      }),
    );
    // A concept whose names or own terms the prompt shows would be the natural pick, or a second right answer.
    const distractors = offerable.filter(
      (other) => !showsAny(text, nameKeysById.get(other.id)!.keys) && !showsAny(text, termKeysById.get(other.id)!),
    );
    if (distractors.length < distractorCount) return null;
    const letters = countLetters(prompt);
    const features: QuestionFeatures = {
      ...featuresOf(sentence),
      kind: 'which-concept',
      letters,
      maskedShare: 1 - letters / Math.max(1, countLetters(originalText)),
      masks: prompt.split(answerMask).length - 1,
      sentences: useNext ? 2 : 1,
      namesAnotherConcept,
      describesPart,
      // Two masks that stand for two different names; `＿＿＿(또는 ＿＿＿)` was collapsed into one above.
      masksDifferentNames: prompt.split(answerMask).length > 2 && countMaskedNames(originalText, names) >= 2,
      ...noBlankFeatures,
      ...optionFeatures(concept, distractors.slice(0, distractorCount)),
    };
    return { kind: 'which-concept', prompt, line: sentence.line, features, verdict: scoreQuestion(features), distractors };
  }

  /** Terms of this concept's prose a cloze may blank: its bold terms, translated terms, and names of other concepts it mentions. */
  function blankableTerms(concept: Concept, ownKeys: ReadonlySet<string>): Term[] {
    const byKey = termByKeyOf(concept.documentId);
    const domain = domainOf(concept.documentId);
    const texts = [
      ...concept.boldTerms,
      ...concept.passages.flatMap((passage) => findTranslatedTerms(passage.text)),
      ...concept.relatedIds.flatMap((id) => kb.getConcept(id)?.names ?? []),
    ];
    const result: Term[] = [];
    const seen = new Set<string>();
    for (const text of texts) {
      const key = textKey(text);
      if (seen.has(key)) continue;
      seen.add(key);
      // A name borrowed from another note's concept keeps that note as its home, so its company comes from there.
      const term =
        byKey.get(key) ??
        makeTerm(
          text,
          conceptByNameKey.has(key) ? (kb.getConcept(conceptByNameKey.get(key)!)?.documentId ?? concept.documentId) : concept.documentId,
          'name',
        );
      // Blanking the concept's own name is a which-concept question in disguise.
      if (!term || term.partKeys.some((part) => isOwnKey(part, ownKeys))) continue;
      // A name borrowed from a note outside the domain is a homonym as often as not (`인덱스 i` in a heap note).
      if (!domain.includes(term.documentId)) continue;
      term.namedConceptId ??= term.partKeys.map((part) => conceptByNameKey.get(part)).find((id) => id !== undefined) ?? null;
      result.push(term);
    }
    return result;
  }

  function blankSentence(
    concept: Concept,
    sentence: PromptSentence,
    term: Term,
    ownKeys: ReadonlySet<string>,
    domainTerms: readonly Term[],
  ): ClozeCandidate | null {
    const prompt = blankTerm(sentence.text, term);
    if (prompt === null) return null;
    const text = prepare(prompt);
    const candidates: Term[] = [];
    for (const other of domainTerms) {
      if (overlaps(other, term) || other.partKeys.some((key) => isOwnKey(key, ownKeys))) continue;
      if (other.generic || other.verbal || showsAny(text, other.partKeys)) continue;
      candidates.push(other);
      if (candidates.length >= maxPoolSize * 3) break;
    }
    const distractors = uniqueTerms(rankTerms(term, candidates), maxPoolSize);
    if (distractors.length < distractorCount) return null;
    const ending = readBlankEnding(prompt, answerMask);
    const before = prompt.slice(0, prompt.indexOf(answerMask));
    const features: QuestionFeatures = {
      ...featuresOf(sentence),
      kind: 'cloze',
      letters: countLetters(prompt),
      maskedShare: 0,
      masks: 1,
      sentences: 1,
      namesAnotherConcept: false,
      describesPart: false,
      masksDifferentNames: false,
      genericBlank: term.generic || isCommonNounUse(sentence.text, term),
      verbalBlank: term.verbal || (term.script !== 'hangul' && isVerbSlot(before)) || (ending.kind === 'inside-word' && ending.verbal),
      blankInsideWord:
        (ending.kind === 'inside-word' && !ending.verbal) ||
        /[\p{L}\p{N}]$/u.test(before) ||
        isInsideCommand(before, prompt, term) ||
        isInsideBrackets(before),
      particleNeutralized: false,
      optionsFromOtherNotes: 0,
      optionsInOtherScript: 0,
      optionLengthGap: 0,
    };
    const best = distractors.slice(0, distractorCount);
    const finished = finishCloze({ kind: 'cloze', prompt, line: sentence.line, features, verdict: scoreQuestion(features), term, distractors }, best);
    if (!finished) return null;
    return { kind: 'cloze', prompt, line: sentence.line, features, verdict: finished.verdict, term, distractors };
  }

  return { kb, labelOf, materialOf };
}

/**
 * The notes a note's questions may borrow wrong options from: itself first, then the notes in the same folder,
 * then the notes it shares a subject with (they mention each other, or one mentions the other three times). A root-level note with no such links is its own domain, so a
 * git question never offers a Docker option.
 */
function buildDomains(kb: KnowledgeBase, conceptsByDocument: ReadonlyMap<string, Concept[]>): (documentId: string) => string[] {
  const documentOf = new Map(kb.concepts.map((concept) => [concept.id, concept.documentId]));
  const strength = new Map<string, Map<string, number>>();
  /** Which notes each note's concepts mention. */
  const mentions = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (a === b) return;
    for (const [from, to] of [
      [a, b],
      [b, a],
    ] as const) {
      const links = strength.get(from) ?? strength.set(from, new Map()).get(from)!;
      links.set(to, (links.get(to) ?? 0) + 1);
    }
  };
  for (const concept of kb.concepts) {
    for (const id of concept.relatedIds) {
      const other = documentOf.get(id);
      if (other === undefined || other === concept.documentId) continue;
      link(concept.documentId, other);
      (mentions.get(concept.documentId) ?? mentions.set(concept.documentId, new Set()).get(concept.documentId)!).add(other);
    }
  }
  // One shared word (`Commit` in a database note and a git note, `스택` as memory and as data structure) is
  // chance; notes that mention each other, or one that mentions the other's concepts three times, share a subject.
  const linkedOf = (documentId: string) =>
    [...(strength.get(documentId) ?? new Map<string, number>())]
      .filter(([other, count]) => count >= minLinksForDomain || (mentions.get(documentId)?.has(other) && mentions.get(other)?.has(documentId)))
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([other]) => other);
  const byFolder = new Map<string, string[]>();
  for (const documentId of conceptsByDocument.keys()) {
    const folder = documentId.includes('/') ? documentId.slice(0, documentId.lastIndexOf('/')) : null;
    if (folder === null) continue;
    (byFolder.get(folder) ?? byFolder.set(folder, []).get(folder)!).push(documentId);
  }
  const cache = new Map<string, string[]>();
  return (documentId) => {
    const cached = cache.get(documentId);
    if (cached) return cached;
    const folder = documentId.includes('/') ? documentId.slice(0, documentId.lastIndexOf('/')) : null;
    const sameFolder = folder === null ? [] : (byFolder.get(folder) ?? []);
    const domain = [...new Set([documentId, ...sameFolder, ...linkedOf(documentId)])];
    cache.set(documentId, domain);
    return domain;
  };
}

/** `git ＿＿＿(으)로 기록한다`: a masked command word is a spelling question, not a concept question. */
const commandBeforeMask = new RegExp(`(?:^|\\s)(?:git|docker|kubectl|npm)\\s+${answerMask}`, 'u');
const leadingAliasClause = new RegExp(`^${answerMask}\\S*\\s?(?:이?라고도|으로도|로도)\\s?(?:하며|불리며|부르며|한다\\.?)\\s*,?\\s*`, 'u');
const aliasSentence =
  /^(?:흔히|보통|또는|혹은)?\s?\S*(?:이?라고도|으로도|로도)\s?(?:부른다|한다|불린다|쓴다)\.?$|^(?:it is )?also (?:called|known as)\b/u;

/**
 * How many different names of the concept the text shows, Hangul and Latin counted apart (`프로세스(Process)`
 * is one name in two scripts; `스레드 … 프로세스` are two). Masked, two names become two blanks that read alike.
 */
function countMaskedNames(text: string, names: readonly string[]): number {
  const shown = findShownNameKeys(text, names);
  const hangul = shown.filter((key) => /\p{Script=Hangul}/u.test(key)).length;
  return Math.max(hangul, shown.length - hangul);
}

const noBlankFeatures = {
  genericBlank: false,
  verbalBlank: false,
  blankInsideWord: false,
  particleNeutralized: false,
  optionsInOtherScript: 0,
  optionLengthGap: 0,
};

function sentenceFeatures(sentence: PromptSentence) {
  return {
    fromListItem: sentence.passage.kind === 'list-item',
    wholeSentence: isWholeSentence(sentence.text),
    leansOnPrevious: leansOnPreviousSentence(sentence.text),
    pointsElsewhere: pointsElsewhere(sentence.text),
    looksLikeCode:
      looksLikeCode(sentence.text) || /(?:^|\s)(?:git|docker|kubectl|npm)\s+\S+\s+(?:pop|list|push|apply|add|run|build|-\w)/u.test(sentence.text),
  };
}

function optionFeatures(answer: Concept, wrong: readonly Concept[]) {
  return { optionsFromOtherNotes: wrong.filter((other) => other.documentId !== answer.documentId).length };
}

/** The first `limit` terms of which no two mean the same thing (`커널` and `Kernel`). */
function uniqueTerms(terms: readonly Term[], limit: number): Term[] {
  const kept: Term[] = [];
  for (const term of terms) {
    if (kept.length >= limit) break;
    if (!kept.some((other) => overlaps(other, term))) kept.push(term);
  }
  return kept;
}

/** How much a wrong term looks like the answer: same note, same script, same final sound, similar length. */
export function termLikeness(answer: Term, other: Term): number {
  const sameNote = other.documentId === answer.documentId ? 3 : 0;
  const sameScript = other.script === answer.script ? 2 : 0;
  const sameSound = other.finalSound === answer.finalSound ? 1 : 0;
  const sameSource = other.source === answer.source ? 0.5 : 0;
  // `PCB` asks for company like `TLB`, `LRU`: acronyms beside acronyms.
  const sameShape = isAcronym(other.text) === isAcronym(answer.text) ? 1.5 : 0;
  return sameNote + sameScript + sameSound + sameSource + sameShape - 2 * lengthGap(answer.text, other.text);
}

function isAcronym(text: string): boolean {
  return /^[A-Z0-9]{2,6}(?:\s*[(（].*[)）])?$/u.test(text.trim());
}

function lengthGap(a: string, b: string): number {
  return Math.abs(a.length - b.length) / Math.max(a.length, b.length, 1);
}

function rankTerms(answer: Term, terms: readonly Term[]): Term[] {
  return terms
    .map((term, index) => ({ term, index, score: termLikeness(answer, term) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ term }) => term);
}

/** A cloze with these wrong options: its prompt with the particle agreed, and its score. Null when no particle fits. */
export function finishCloze(candidate: ClozeCandidate, wrong: readonly Term[]): { prompt: string; verdict: QualityVerdict } | null {
  const options = [candidate.term, ...wrong].map((term) => term.text);
  const agreed = agreeParticle(candidate.prompt, answerMask, options);
  const features: QuestionFeatures = {
    ...candidate.features,
    blankInsideWord: candidate.features.blankInsideWord || agreed === null,
    particleNeutralized: agreed?.neutralized ?? false,
    optionsFromOtherNotes: wrong.filter((term) => term.documentId !== candidate.term.documentId).length,
    optionsInOtherScript: wrong.filter((term) => term.script !== candidate.term.script).length,
    optionLengthGap: wrong.reduce((sum, term) => sum + lengthGap(candidate.term.text, term.text), 0) / Math.max(1, wrong.length),
  };
  return { prompt: agreed?.prompt ?? candidate.prompt, verdict: scoreQuestion(features) };
}

/** A which-concept question with these wrong options: its score. */
export function finishWhichConcept(candidate: WhichConceptCandidate, answer: Concept, wrong: readonly Concept[]): QualityVerdict {
  return scoreQuestion({ ...candidate.features, ...optionFeatures(answer, wrong) });
}

/**
 * `Process` is a concept's name, but "every process is busy" uses the word, not the name: blanked, only the
 * one common noun among the options fits. A Latin name written in lower case where the name is capitalised is that.
 */
function isCommonNounUse(sentence: string, term: Term): boolean {
  if (term.script !== 'latin' || !/\p{Lu}/u.test(term.text)) return false;
  const source = namePatternSource(term.text);
  const found = source === null ? null : new RegExp(source, 'iu').exec(sentence.normalize('NFC'));
  return found !== null && found[0] === found[0].toLowerCase();
}

/** `경량 프로세스(LWP, Lightweight ＿＿＿)`: a blank inside a gloss sits beside its own translation. */
function isInsideBrackets(before: string): boolean {
  return (before.match(/[(（]/gu)?.length ?? 0) > (before.match(/[)）]/gu)?.length ?? 0);
}

/** `git ＿＿＿ list`, `＿＿＿ pop` for `git stash`: the blank is a word of a command line, which no other term completes. */
function isInsideCommand(before: string, prompt: string, term: Term): boolean {
  const previousWord = /(\S+)\s*$/u.exec(before)?.[1] ?? '';
  if (commandWords.test(previousWord)) return true;
  const after = prompt.slice(prompt.indexOf(answerMask) + answerMask.length);
  return (
    commandWords.test(term.text.split(/\s+/u)[0] ?? '') &&
    /^\s+-{0,2}[a-z][a-z-]*(?:\s|$)/u.test(after) &&
    !/^\s+(?:is|are|was|the|a|an|and|or|to|of|in|on|for|with|saves|keeps|creates|makes|moves)\b/u.test(after)
  );
}

/** The sentence with its one occurrence of `term` blanked, or null when that would not make a fair question. */
function blankTerm(sentence: string, term: Term): string | null {
  // Twice in the sentence means the second one answers the first.
  if (countOccurrences(sentence, term.text) !== 1) return null;
  const source = namePatternSource(term.text);
  if (source === null) return null;
  const blanked = sentence
    .normalize('NFC')
    .replace(new RegExp(source, 'iu'), answerMask)
    // `＿＿＿(Time To Live)` spells out what `TTL` was: the gloss goes with the term.
    .replace(new RegExp(`${answerMask}\\s*[(（][^)）]*[)）]`, 'u'), answerMask);
  // `Time To Live(＿＿＿)`: the words before the brackets are the answer in other words.
  if (new RegExp(`[(（]\\s*${answerMask}`, 'u').test(blanked)) return null;
  // The concept's own names stay: they are the sentence's context, and the answer is the blanked term.
  const prompt = blanked.trim();
  if (findLeakedName(prompt, term.forms) !== undefined) return null;
  return prompt;
}

/** At most `max` items, evenly spread from first to last, in order. */
function spreadOut<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  return Array.from({ length: max }, (_, index) => items[Math.floor((index * items.length) / max)]!);
}
