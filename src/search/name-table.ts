// The names and aliases of every concept, searchable in the name layers: exact name or alias → chosung
// initials → prefix over jamo (so `컨ㅌ` already finds 컨테이너; names that start with the syllables as typed
// first) → typo distance over jamo. Scores come from `SearchRanking`.
import type { Concept } from '../kb/types.js';
import type { Candidate } from './candidate.js';
import { isSearchableWord } from './body-index.js';
import { boundedEditDistance, characterMask, countBits } from './edit-distance.js';
import { isChosungQuery, toChosung, toJamo, trimTrailingJamo } from './hangul.js';
import { containsHangul, normalizeText, splitWords } from './normalize-text.js';
import { isStopWord } from './query-phrasing.js';
import { allowedEdits, type SearchRanking } from './ranking.js';

/** Where a searchable string came from: a whole name, a whole alias, or one word of a multi-word one. */
type KeySource = 'name' | 'alias' | 'word';

interface NameKey {
  conceptIndex: number;
  /** As the author wrote it, for `matchedName`. */
  text: string;
  source: KeySource;
  normalized: string;
  jamo: string;
  /** Initials of a whole Hangul name; words get none (`흔히` = ㅎㅎ says nothing). */
  chosung: string | undefined;
}

interface FuzzyEntry {
  jamo: string;
  mask: number;
  keyIndices: readonly number[];
}

export class NameTable {
  private readonly exactKeys = new Map<string, number[]>();
  private readonly fuzzyBuckets = new Map<number, FuzzyEntry[]>();
  /** Key indices sorted by jamo (code-unit order, where `startsWith` ranges are contiguous). */
  readonly byJamo: Int32Array;
  /** Key indices of whole Hangul names sorted by initials. */
  readonly byChosung: Int32Array;

  private constructor(
    private readonly keys: readonly NameKey[],
    private readonly ranking: Readonly<SearchRanking>,
  ) {
    const fuzzyByJamo = new Map<string, number[]>();
    keys.forEach((key, keyIndex) => {
      if (key.source !== 'word') pushTo(this.exactKeys, key.normalized, keyIndex);
      pushTo(fuzzyByJamo, key.jamo, keyIndex);
    });
    for (const [jamo, keyIndices] of fuzzyByJamo) pushTo(this.fuzzyBuckets, jamo.length, { jamo, mask: characterMask(jamo), keyIndices });

    this.byJamo = Int32Array.from(keys.keys()).sort((a, b) => compareStrings(keys[a]!.jamo, keys[b]!.jamo));
    this.byChosung = Int32Array.from(keys.flatMap((key, index) => (key.chosung ? [index] : []))).sort((a, b) =>
      compareStrings(keys[a]!.chosung!, keys[b]!.chosung!),
    );
  }

  static build(concepts: readonly Concept[], ranking: Readonly<SearchRanking>): NameTable {
    const keys: NameKey[] = [];
    const seen = new Set<string>();
    const addKey = (conceptIndex: number, text: string, source: KeySource) => {
      const normalized = normalizeText(text);
      if (!normalized) return;
      const dedupe = `${conceptIndex}\u0000${source === 'word' ? 'w' : 'n'}\u0000${normalized}`;
      if (seen.has(dedupe)) return;
      seen.add(dedupe);
      keys.push({ conceptIndex, text, source, normalized, jamo: toJamo(normalized), chosung: source === 'word' ? undefined : toChosung(normalized) });
    };
    concepts.forEach((concept, conceptIndex) => {
      for (const name of concept.names) addKey(conceptIndex, name, 'name');
      addKey(conceptIndex, concept.title, 'name');
      for (const alias of concept.aliases) addKey(conceptIndex, alias, 'alias');
      // Single words of longer names (`machine`, `클러스터`) find the concept too, a tier lower.
      for (const text of [...concept.names, ...concept.aliases]) {
        const words = splitWords(text);
        if (words.length < 2) continue;
        for (const word of words) if (isSearchableWord(word) && !isStopWord(word)) addKey(conceptIndex, word, 'word');
      }
    });
    return new NameTable(keys, ranking);
  }

  /** Whether some concept is named or aliased exactly so. */
  isName(normalized: string): boolean {
    return this.exactKeys.has(normalized);
  }

  /** The concepts named or aliased exactly so. */
  matchExact(normalized: string): Candidate[] {
    return (this.exactKeys.get(normalized) ?? []).map((keyIndex) => this.exactCandidate(this.keys[keyIndex]!));
  }

  /** Whether some name or word of a name starts with the word (over jamo). */
  startsSomeName(word: string): boolean {
    const jamo = toJamo(word);
    const start = lowerBound(this.byJamo, jamo, (k) => this.keys[k]!.jamo);
    return start < this.byJamo.length && this.keys[this.byJamo[start]!]!.jamo.startsWith(jamo);
  }

  jamoOf(keyIndex: number): string {
    return this.keys[keyIndex]!.jamo;
  }

  chosungOf(keyIndex: number): string {
    return this.keys[keyIndex]!.chosung!;
  }

  /** Every name layer for one normalized query, strongest first; typos only when no name is exactly it. */
  *matchNames(normalized: string, typos = true): Generator<Candidate> {
    if (!normalized) return;
    let exact = false;
    for (const keyIndex of this.exactKeys.get(normalized) ?? []) {
      exact = true;
      yield this.exactCandidate(this.keys[keyIndex]!);
    }
    // Single characters, digits and filler words say too little to guess from.
    if (normalized.length < 2 || /^\d+$/.test(normalized) || isStopWord(normalized)) return;
    if (isChosungQuery(normalized)) {
      // Two initials are a prefix of many long names; a search wants most of a name's initials.
      const { searchMinScore, searchMinInitials } = this.ranking.chosung;
      for (const candidate of this.matchChosung(normalized)) {
        if (candidate.score >= searchMinScore || normalized.length >= searchMinInitials) yield candidate;
      }
      return;
    }
    yield* this.matchPrefixes(normalized);
    if (!exact && typos) yield* this.matchTypos(toJamo(normalized), containsHangul(normalized));
  }

  /**
   * Names whose jamo start with the query's. `컨` is also the keyboard halfway through 커널, but whoever
   * stops at `컨` more likely means a name that starts with 컨: when one does, names that share only the
   * jamo come after all such names. When none does (`커너` on the way to 커널), the jamo alone rank.
   */
  *matchPrefixes(normalized: string): Generator<Candidate> {
    const jamo = toJamo(normalized);
    const typed = trimTrailingJamo(normalized);
    const start = lowerBound(this.byJamo, jamo, (k) => this.keys[k]!.jamo);
    const typedStartsSome = this.rangeHasKeyStartingWith(start, jamo, typed);
    for (let i = start; i < this.byJamo.length; i++) {
      const key = this.keys[this.byJamo[i]!]!;
      if (!key.jamo.startsWith(jamo)) break;
      const candidate = this.prefixCandidate(key, jamo.length / key.jamo.length);
      yield typedStartsSome && !key.normalized.startsWith(typed) ? this.weighJamoOnly(candidate) : candidate;
    }
  }

  *matchChosung(initials: string): Generator<Candidate> {
    const { allInitials: allInitialsScore, partialBase, partialPerCoverage } = this.ranking.chosung;
    for (let i = lowerBound(this.byChosung, initials, (k) => this.keys[k]!.chosung!); i < this.byChosung.length; i++) {
      const key = this.keys[this.byChosung[i]!]!;
      if (!key.chosung!.startsWith(initials)) break;
      const coverage = initials.length / key.chosung!.length;
      const allInitials = coverage === 1;
      const score = allInitials ? allInitialsScore : partialBase + partialPerCoverage * coverage;
      yield { conceptIndex: key.conceptIndex, score, matchKind: 'chosung', matchedName: key.text, allInitials };
    }
  }

  private *matchTypos(jamo: string, hangul: boolean): Generator<Candidate> {
    const maxDistance = allowedEdits(this.ranking, jamo.length, hangul);
    if (maxDistance === 0) return;
    const { nameBase, namePerCloseness, wordBase, wordPerCloseness } = this.ranking.typo;
    const mask = characterMask(jamo);
    for (let length = jamo.length - maxDistance; length <= jamo.length + maxDistance; length++) {
      for (const entry of this.fuzzyBuckets.get(length) ?? []) {
        if (countBits(mask ^ entry.mask) > 2 * maxDistance) continue;
        const distance = boundedEditDistance(jamo, entry.jamo, maxDistance);
        if (distance > maxDistance) continue;
        const closeness = 1 - distance / Math.max(jamo.length, entry.jamo.length);
        for (const keyIndex of entry.keyIndices) {
          const key = this.keys[keyIndex]!;
          const score = key.source === 'word' ? wordBase + wordPerCloseness * closeness : nameBase + namePerCloseness * closeness;
          yield { conceptIndex: key.conceptIndex, score, matchKind: 'fuzzy', matchedName: key.text, distance, hangul };
        }
      }
    }
  }

  /** Whether some key from `start` on whose jamo start with `jamo` also starts with `typed` as written. */
  private rangeHasKeyStartingWith(start: number, jamo: string, typed: string): boolean {
    for (let i = start; i < this.byJamo.length; i++) {
      const key = this.keys[this.byJamo[i]!]!;
      if (!key.jamo.startsWith(jamo)) return false;
      if (key.normalized.startsWith(typed)) return true;
    }
    return false;
  }

  private exactCandidate(key: NameKey): Candidate {
    const alias = key.source === 'alias';
    const score = alias ? this.ranking.exact.alias : this.ranking.exact.name;
    return { conceptIndex: key.conceptIndex, score, matchKind: alias ? 'alias' : 'exact', matchedName: key.text };
  }

  /** `coverage`: the share of the key's jamo the query's jamo are. Whole names are exact; whole words rank above parts. */
  private prefixCandidate(key: NameKey, coverage: number): Candidate {
    const { nameBase, namePerCoverage, wholeWord, wordBase, wordPerCoverage } = this.ranking.prefix;
    if (key.source === 'word') {
      const score = coverage === 1 ? wholeWord : wordBase + wordPerCoverage * coverage;
      return { conceptIndex: key.conceptIndex, score, matchKind: 'prefix', matchedName: key.text, wholeWord: coverage === 1 };
    }
    if (coverage === 1) return this.exactCandidate(key);
    return { conceptIndex: key.conceptIndex, score: nameBase + namePerCoverage * coverage, matchKind: 'prefix', matchedName: key.text };
  }

  /** A name that shares only the jamo of what was typed is never more than a prefix guess (`가ㄴ` is not 간). */
  private weighJamoOnly(candidate: Candidate): Candidate {
    const score = candidate.score * this.ranking.prefix.jamoOnlyWeight;
    return { conceptIndex: candidate.conceptIndex, score, matchKind: 'prefix', matchedName: candidate.matchedName };
  }
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The first position in `sorted` whose key is not below `target`. */
function lowerBound(sorted: Int32Array, target: string, keyOf: (keyIndex: number) => string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keyOf(sorted[middle]!) < target) low = middle + 1;
    else high = middle;
  }
  return low;
}
