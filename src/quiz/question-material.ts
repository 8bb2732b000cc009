// What each concept offers for questions, worked out once per knowledge base: the statements that can
// describe it without naming it, the sentences where a bold term can be blanked, and who may stand next
// to the right answer. Everything here is deterministic; randomness only picks among it later.
import type { Concept, KnowledgeBase } from '../kb/types.js';
import { formatConceptLabel } from '../search/format-concept-name.js';
import { answerMask, countLetters, countOccurrences, findLeakedName, maskNames, namePatternSource, textKey } from './mask-names.js';

/** Fewer letters than this (masks not counted) is too little to recognise anything by. */
export const minPromptLetters = 15;
/** A statement that loses more than this share of its letters to masks was mostly the name itself. */
const maxMaskedShare = 0.5;
export const distractorCount = 3;

export interface Term {
  /** As the author wrote it in bold: `도커(Docker)`. */
  text: string;
  key: string;
  /** Keys of the term and of each name in it: `도커(Docker)` → 도커docker, 도커, docker. */
  partKeys: string[];
  /** The term and the names in it, as written. */
  forms: string[];
  documentId: string;
  /** The concept this term names, when one does (`커널` → the Kernel concept); for explain buttons. */
  namedConceptId: string | null;
  script: 'hangul' | 'latin' | 'mixed';
}

export interface Cloze {
  /** The sentence with the term blanked and the concept's own names masked. */
  prompt: string;
  term: Term;
  /** Terms that may stand beside it: not the same thing, not the concept's own name, not already in the sentence. */
  distractors: Term[];
}

export interface ConceptMaterial {
  concept: Concept;
  label: string;
  /** Names, aliases, label and title: everything that must not show in a prompt about this concept. */
  names: string[];
  /** Statements with every name masked that still say enough and give nothing away, in note order. */
  descriptions: string[];
  /** Other concepts whose labels may stand beside this one, same note first. */
  distractorConcepts: Concept[];
  clozes: Cloze[];
}

export interface QuizMaterial {
  kb: KnowledgeBase;
  labelOf(concept: Concept): string;
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

function buildQuizMaterial(kb: KnowledgeBase): QuizMaterial {
  const labels = new Map(kb.concepts.map((concept) => [concept.id, formatConceptLabel(concept)]));
  const labelOf = (concept: Concept) => labels.get(concept.id) ?? formatConceptLabel(concept);
  const nameKeysOf = new Map(kb.concepts.map((concept) => [concept.id, new Set(namesOf(concept, labelOf(concept)).map(textKey).filter(Boolean))]));
  const terms = collectTerms(kb.concepts);
  const byConcept = new Map<string, ConceptMaterial>();

  function materialOf(conceptId: string): ConceptMaterial | undefined {
    const cached = byConcept.get(conceptId);
    if (cached) return cached;
    const concept = kb.getConcept(conceptId);
    if (!concept) return undefined;
    const label = labelOf(concept);
    const names = namesOf(concept, label);
    const ownKeys = nameKeysOf.get(concept.id) ?? new Set<string>();
    const built: ConceptMaterial = {
      concept,
      label,
      names,
      descriptions: concept.statements.map((statement) => describeWithoutNames(statement, names)).filter((text): text is string => text !== null),
      distractorConcepts: findDistractorConcepts(concept),
      clozes: findClozes(concept, names, ownKeys, terms),
    };
    byConcept.set(conceptId, built);
    return built;
  }

  /** Concepts that are not this one under another name, one per label, same note first. */
  function findDistractorConcepts(concept: Concept): Concept[] {
    const ownKeys = nameKeysOf.get(concept.id) ?? new Set<string>();
    const others = kb.concepts.filter((other) => other.id !== concept.id && !sharesKey(nameKeysOf.get(other.id), ownKeys));
    const sameNoteFirst = [...others.filter((other) => other.documentId === concept.documentId), ...others.filter((other) => other.documentId !== concept.documentId)];
    return uniqueBy(sameNoteFirst, (other) => textKey(labelOf(other)));
  }

  // Which concept a term names: a bold `커널` in another section still opens the Kernel concept.
  const conceptByNameKey = new Map<string, string>();
  for (const concept of kb.concepts) for (const key of nameKeysOf.get(concept.id) ?? []) if (!conceptByNameKey.has(key)) conceptByNameKey.set(key, concept.id);
  for (const term of terms) term.namedConceptId = term.partKeys.map((key) => conceptByNameKey.get(key)).find((id) => id !== undefined) ?? null;

  return { kb, labelOf, materialOf };
}

function namesOf(concept: Concept, label: string): string[] {
  return [...new Set([...concept.names, ...concept.aliases, label, concept.title])].filter((name) => textKey(name) !== '');
}

function sharesKey(a: ReadonlySet<string> | undefined, b: ReadonlySet<string>): boolean {
  if (!a) return false;
  for (const key of a) if (b.has(key)) return true;
  return false;
}

function uniqueBy<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = keyOf(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A statement with every name masked, or null when it then says too little or still gives the answer away. */
export function describeWithoutNames(statement: string, names: readonly string[]): string | null {
  const masked = maskNames(statement, names, answerMask).trim();
  return isWorthAsking(masked, statement) && findLeakedName(masked, names) === undefined ? masked : null;
}

/**
 * Sentences that open by leaning on the one before ("따라서, …", "즉, …", "This means …") make no sense
 * alone in a quiz post.
 */
const leansOnPreviousSentence = /^(?:따라서|그러므로|그래서|그러나|하지만|반면에?|즉|또한|게다가|결국|이는|이것은|이렇게|그|이)(?:[\s,]|$)|^(?:therefore|thus|hence|so|also|however|this|these|that|it)\b/iu;

function isWorthAsking(prompt: string, original: string): boolean {
  if (leansOnPreviousSentence.test(original.trim())) return false;
  const letters = countLetters(prompt);
  return letters >= minPromptLetters && letters >= (1 - maxMaskedShare) * countLetters(original);
}

function collectTerms(concepts: readonly Concept[]): Term[] {
  const terms: Term[] = [];
  const seen = new Set<string>();
  for (const concept of concepts) {
    for (const text of concept.boldTerms) {
      const key = textKey(text);
      // A bold `a` or a bold link is emphasis, not a term worth asking for.
      if (key.length < 2 || /https?:\/\//i.test(text) || seen.has(key)) continue;
      seen.add(key);
      const forms = formsOfTerm(text);
      terms.push({ text, key, partKeys: [...new Set(forms.map(textKey))], forms, documentId: concept.documentId, namedConceptId: null, script: scriptOf(text) });
    }
  }
  return terms;
}

/** `도커(Docker)` → 도커(Docker), 도커, Docker; `가상화 엔진(VE, Virtualization Engine)` → the whole and its three names. */
function formsOfTerm(text: string): string[] {
  const match = /^(.*?)\s*[(（](.*)[)）]\s*$/u.exec(text.trim());
  const parts = match ? [match[1]!, ...match[2]!.split(/\s*[,/;]\s*/u)] : [];
  return [text, ...parts].map((part) => part.trim()).filter((part) => textKey(part) !== '');
}

function scriptOf(text: string): Term['script'] {
  const hangul = /\p{Script=Hangul}/u.test(text);
  const latin = /\p{Script=Latin}/u.test(text);
  if (hangul && !latin) return 'hangul';
  if (latin && !hangul) return 'latin';
  return 'mixed';
}

/** Two terms that mean the same thing (one contains the other, or both name one concept: `커널`, `Kernel`) cannot both be options. */
function overlaps(a: Term, b: Term): boolean {
  if (a.key.includes(b.key) || b.key.includes(a.key)) return true;
  if (a.namedConceptId !== null && a.namedConceptId === b.namedConceptId) return true;
  return a.partKeys.some((key) => b.partKeys.includes(key));
}

function findClozes(concept: Concept, names: readonly string[], ownKeys: ReadonlySet<string>, terms: readonly Term[]): Cloze[] {
  const termByKey = new Map(terms.map((term) => [term.key, term]));
  const clozes: Cloze[] = [];
  for (const text of new Set(concept.boldTerms)) {
    const term = termByKey.get(textKey(text));
    // Blanking the concept's own name is a which-concept question in disguise.
    if (!term || term.partKeys.some((key) => ownKeys.has(key))) continue;
    for (const statement of concept.statements) {
      const prompt = blankTerm(statement, term);
      if (prompt === null) continue;
      const distractors = terms.filter(
        (other) => !overlaps(other, term) && !other.partKeys.some((key) => ownKeys.has(key)) && findLeakedName(prompt, other.forms) === undefined,
      );
      if (distractors.length >= distractorCount) clozes.push({ prompt, term, distractors });
    }
  }
  return clozes;
}

/** The statement with its one occurrence of `term` blanked, or null when that would not make a fair question. */
function blankTerm(statement: string, term: Term): string | null {
  // Twice in the sentence means the second one answers the first.
  if (countOccurrences(statement, term.text) !== 1) return null;
  const source = namePatternSource(term.text);
  if (source === null) return null;
  const blanked = statement
    .normalize('NFC')
    .replace(new RegExp(source, 'iu'), answerMask)
    // `＿＿＿(Time To Live)` spells out what `TTL` was: the gloss goes with the term.
    .replace(new RegExp(`${answerMask}\\s*[(（][^)）]*[)）]`, 'u'), answerMask);
  // `Time To Live(＿＿＿)`: the words before the brackets are the answer in other words.
  if (new RegExp(`[(（]\\s*${answerMask}`, 'u').test(blanked)) return null;
  // The concept's own names stay: they are the sentence's context ("한 프로세스는 다른 프로세스의 …"), and the
  // answer is the blanked term, never the concept (terms that name the concept are not blanked, see findClozes).
  const prompt = blanked.trim();
  if (!isWorthAsking(prompt, statement)) return null;
  if (findLeakedName(prompt, term.forms) !== undefined) return null;
  return prompt;
}
