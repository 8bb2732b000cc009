// Related concepts: a body that mentions another concept's name or alias links to it.
import type { Concept } from './types.js';

interface Term {
  text: string;
  conceptId: string;
  /** Latin letters/digits at this edge must not continue a longer word (`Docker` is not in `Dockerfile`). */
  boundedStart: boolean;
  boundedEnd: boolean;
}

interface Mention {
  start: number;
  end: number;
  conceptId: string;
}

/** Whether the character at `index` of a lower-cased text is a Latin letter or digit (false past either end). */
function isWordCharAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

/**
 * For each concept, the ids of other concepts its body mentions, in order of first mention.
 * Latin names match as whole words (a plural `s` allowed); Hangul names of two or more syllables
 * match anywhere, since Korean glues particles to words (`컨테이너화된`, `클러스터의`). Overlapping
 * mentions resolve to the longest term, so `소프트웨어 컨테이너` inside the docker body is one mention
 * and the concept's own names hide shorter names of others inside them.
 * Terms are indexed by their first two characters and length, so the cost grows with the text,
 * not with the number of concepts squared.
 */
export function findRelatedIds(concepts: readonly Concept[]): Map<string, string[]> {
  const index = indexTerms(concepts);
  const documentOf = new Map(concepts.map((concept) => [concept.id, concept.documentId]));
  const related = new Map<string, string[]>();
  for (const concept of concepts) {
    const mentions = selectLongestMentions(findMentions(concept.plainText.toLowerCase(), index), concept, documentOf);
    const ids: string[] = [];
    for (const mention of mentions) {
      if (mention.conceptId !== concept.id && !ids.includes(mention.conceptId)) ids.push(mention.conceptId);
    }
    related.set(concept.id, ids);
  }
  return related;
}

/**
 * The ids of the concepts a text mentions, in order of first mention, longest term first where terms
 * overlap (`멀티 프로세스` over `프로세스`). Built once for many short texts, such as interview questions.
 */
export function createMentionFinder(concepts: readonly Pick<Concept, 'id' | 'names' | 'aliases'>[]): (text: string) => string[] {
  const index = indexTerms(concepts);
  return (text) => {
    const sorted = findMentions(text.toLowerCase(), index).sort((a, b) => a.start - b.start || b.end - a.end);
    const ids: string[] = [];
    let coveredUntil = 0;
    for (const mention of sorted) {
      if (mention.start < coveredUntil) continue;
      coveredUntil = mention.end;
      if (!ids.includes(mention.conceptId)) ids.push(mention.conceptId);
    }
    return ids;
  };
}

/**
 * First two characters (as one number, so a position of the text costs no substring) → each term length (a list:
 * iterating a map's entries made an array per length per position) → exact text → terms: a position costs one
 * lookup per length, not per term.
 * Each length also knows the third and fourth characters of its texts (the first two are the map's key), so a
 * position whose first four match none of them skips the length without cutting out any text (10,000 names share
 * a few dozen first syllables).
 */
type TermIndex = Map<number, TermsOfLength[]>;

interface TermsOfLength {
  length: number;
  byText: Map<string, Term[]>;
  /** `pairAt(text, 2)` of each text: with the first pair, its first `headLength` characters. */
  heads: Set<number>;
}

const headLength = 4;

function indexTerms(concepts: readonly Pick<Concept, 'id' | 'names' | 'aliases'>[]): TermIndex {
  const index: TermIndex = new Map();
  for (const concept of concepts) {
    for (const name of [...concept.names, ...concept.aliases]) {
      const text = name.toLowerCase();
      if (!isLinkable(text)) continue;
      const term: Term = {
        text,
        conceptId: concept.id,
        boundedStart: isWordCharAt(text, 0),
        boundedEnd: isWordCharAt(text, text.length - 1),
      };
      const byLength = getOrCreate(index, pairAt(text, 0), () => [] as TermsOfLength[]);
      let ofLength = byLength.find((terms) => terms.length === text.length);
      if (!ofLength) byLength.push((ofLength = { length: text.length, byText: new Map<string, Term[]>(), heads: new Set<number>() }));
      getOrCreate(ofLength.byText, text, () => [] as Term[]).push(term);
      if (text.length >= headLength) ofLength.heads.add(pairAt(text, 2));
    }
  }
  return index;
}

/**
 * The two characters at `index` (both there) as one 32-bit integer: a small integer to V8, where the sum
 * `first * 0x10000 + second` of two Hangul syllables is a boxed number, slower to hash and made anew per lookup.
 */
function pairAt(text: string, index: number): number {
  return (text.charCodeAt(index) << 16) | text.charCodeAt(index + 1);
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

/** One Hangul syllable (`락`) or one Latin letter would link half the notes to each other. */
function isLinkable(text: string): boolean {
  if (text.length < 2) return false;
  const syllables = text.match(/\p{Script=Hangul}/gu)?.length ?? 0;
  const latin = text.match(/[a-z0-9]/g)?.length ?? 0;
  return syllables >= 2 || (syllables === 0 && latin >= 2) || (syllables === 1 && latin >= 1);
}

function findMentions(text: string, index: TermIndex): Mention[] {
  const mentions: Mention[] = [];
  for (let start = 0; start < text.length - 1; start++) {
    const byLength = index.get(pairAt(text, start));
    if (!byLength) continue;
    // NaN when the text ends before a head, which no head is.
    const head = start + 3 < text.length ? pairAt(text, start + 2) : NaN;
    for (const { length, byText, heads } of byLength) {
      if (length >= headLength && !heads.has(head)) continue;
      const terms = byText.get(text.slice(start, start + length));
      if (!terms) continue;
      for (const term of terms) {
        if (term.boundedStart && isWordCharAt(text, start - 1)) continue;
        let end = start + length;
        if (term.boundedEnd) {
          const plural = /^(?:es|s)(?![a-z0-9])/.exec(text.slice(end, end + 3));
          if (plural) end += plural[0].length;
          else if (isWordCharAt(text, end)) continue;
        }
        mentions.push({ start, end, conceptId: term.conceptId });
      }
    }
  }
  return mentions;
}

/**
 * When two concepts share a name (a problem reported elsewhere), the concept itself, then its own note, wins.
 * Sorts `mentions` in place: they were found for this call alone.
 */
function selectLongestMentions(mentions: Mention[], self: Concept, documentOf: Map<string, string>): Mention[] {
  const closeness = (mention: Mention): number => (mention.conceptId === self.id ? 0 : documentOf.get(mention.conceptId) === self.documentId ? 1 : 2);
  const sorted = mentions.sort((a, b) => a.start - b.start || b.end - a.end || closeness(a) - closeness(b));
  const selected: Mention[] = [];
  let coveredUntil = 0;
  for (const mention of sorted) {
    if (mention.start < coveredUntil) continue;
    selected.push(mention);
    coveredUntil = mention.end;
  }
  return selected;
}
