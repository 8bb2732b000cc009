// Concept search in layers, strongest first: exact name or alias → a subsection heading inside a concept
// (`요구 페이징`, `PCB`) → chosung initials → prefix (over jamo,
// so `컨ㅌ` already finds 컨테이너; names that start with the syllables as typed first) → typo distance over
// jamo → names among the words of a longer query (`@everyone 컨테이너`, `docker kubernetes`) → words of the
// bodies. A single fuzzy pass over everything ranks `kubernetes` below whatever shares letters with it and
// matches nonsense; layers keep exact answers exact and let "nothing relevant" stay empty.
import type { Concept } from '../kb/types.js';
import type { MatchKind, SearchHit, SearchOptions } from './types.js';
import { buildBodyIndex, type BodyIndex, isSearchableWord, searchBodies } from './body-index.js';
import { boundedEditDistance, characterMask, countBits } from './edit-distance.js';
import { formatConceptLabel } from './format-concept-name.js';
import { assembleJamo, isChosungQuery, toChosung, toJamo, trimTrailingJamo } from './hangul.js';
import { containsHangul, normalizeText, splitWords } from './normalize-text.js';
import { isFillerWord, listQueryVariants, stripWordEnding } from './query-phrasing.js';

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

interface Candidate {
  conceptIndex: number;
  score: number;
  matchKind: MatchKind;
  matchedName: string;
  /** Fuzzy candidates: edits, and whether they were counted in jamo. */
  distance?: number;
  hangul?: boolean;
  /** Body candidates: how many concepts the words were found in. */
  bodyConcepts?: number;
  /** Chosung candidates: the query is all of the name's initials, not a prefix of them. */
  allInitials?: boolean;
  /** Prefix candidates: the query is a whole word of a longer name (`cluster`), not the start of one. */
  wholeWord?: boolean;
  /** Found for some words of a longer query, while other words meant something else or nothing. */
  partial?: boolean;
  /** A partial match whose other words are explained in other concepts' bodies, not in its own. */
  contested?: boolean;
}

interface FuzzyEntry {
  jamo: string;
  mask: number;
  keyIndices: readonly number[];
}

const defaultLimit = 10;
const autocompleteLimit = 25;
/** A typo hit must be this far ahead of the next concept to be answered without asking. */
const confidenceMargin = 0.05;
/** Short prefixes match thousands of keys at scale; their top choices are ranked once, at build time. */
const cachedPrefixMaxLength = 6;
const cachedRangeMinSize = 48;
/** The words of a query looked at for names, and the longest run of them tried as one name. */
const maxQueryWords = 8;
const maxSpanWords = 3;
/** Typos are looked for in each word only of short queries: every word costs a scan of the names. */
const maxTypoWords = 3;
const maxMatchesPerWord = 100;
/**
 * What a name that shares only the jamo of the typed syllables counts for when other names start with
 * them as typed. Those all score above 0.5, so halving puts it below every one of them and keeps its place
 * among its own kind.
 */
const jamoOnlyWeight = 0.5;
/**
 * A query that is exactly a subsection heading (`### 요구 페이징` inside 가상 메모리) finds that concept below
 * any concept named so, and above every prefix, word of a name or body mention (all below 0.9).
 */
const subsectionScore = 0.9;

const stopWords = new Set([
  'a', 'an', 'the', 'is', 'are', 'was', 'be', 'of', 'and', 'or', 'to', 'in', 'on', 'at', 'for', 'by', 'with',
  'it', 'this', 'that', 'what', 'whats', 'how', 'why', 'who', 'explain', 'define', 'me', 'my', 'i', 'you',
  'everyone', 'here',
]);

export class ConceptIndex {
  private readonly exactKeys = new Map<string, number[]>();
  /** Normalized subsection heading names → the concepts holding them; matched whole only. */
  private readonly subsectionKeys = new Map<string, { conceptIndex: number; text: string }[]>();
  private readonly fuzzyBuckets = new Map<number, FuzzyEntry[]>();
  /** Key indices sorted by jamo (code-unit order, where `startsWith` ranges are contiguous). */
  private readonly byJamo: Int32Array;
  /** Key indices of whole Hangul names sorted by initials. */
  private readonly byChosung: Int32Array;
  private readonly body: BodyIndex;
  private readonly alphabetical: readonly number[];
  private readonly labelRank: Int32Array;
  /** `p:<query as typed>` / `c:<initials>` → best candidates, one per concept, for large short-prefix ranges. */
  private readonly prefixCache = new Map<string, Candidate[]>();

  private constructor(
    readonly concepts: readonly Concept[],
    private readonly keys: readonly NameKey[],
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

    const collator = new Intl.Collator('ko', { sensitivity: 'base', numeric: true });
    const labels = concepts.map((concept) => formatConceptLabel(concept));
    this.alphabetical = [...concepts.keys()].sort((a, b) => collator.compare(labels[a]!, labels[b]!) || a - b);
    this.labelRank = new Int32Array(concepts.length);
    this.alphabetical.forEach((conceptIndex, rank) => (this.labelRank[conceptIndex] = rank));

    this.body = buildBodyIndex(concepts);
    this.cacheLargePrefixRanges();
    concepts.forEach((concept, conceptIndex) => {
      for (const subsection of concept.subsections) {
        for (const text of [subsection.title, ...subsection.names]) {
          const normalized = normalizeText(text);
          // A heading such as `특징` or `예시` is part of every topic; it names none.
          if (normalized.length < 2 || isGenericHeading(normalized)) continue;
          const holders = this.subsectionKeys.get(normalized) ?? [];
          if (!holders.some((holder) => holder.conceptIndex === conceptIndex)) holders.push({ conceptIndex, text });
          this.subsectionKeys.set(normalized, holders);
        }
      }
    });
  }

  static build(concepts: readonly Concept[]): ConceptIndex {
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
        for (const word of words) if (isSearchableWord(word) && !stopWords.has(word)) addKey(conceptIndex, word, 'word');
      }
    });
    return new ConceptIndex(concepts, keys);
  }

  get size(): number {
    return this.concepts.length;
  }

  /** Hits best first, each concept once; `[]` when nothing relevant. */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? defaultLimit;
    const variants = listQueryVariants(query);
    const found = new Map<number, Candidate>();
    for (const variant of variants) {
      const normalized = normalizeText(variant.text);
      for (const candidate of this.matchNames(normalized)) keepBest(found, candidate, variant.weight);
      for (const holder of this.subsectionKeys.get(normalized) ?? []) {
        keepBest(found, { conceptIndex: holder.conceptIndex, score: subsectionScore, matchKind: 'subsection', matchedName: holder.text }, variant.weight);
      }
    }
    // A name among other words (`@everyone 컨테이너`, `docker kubernetes`) outranks any body that happens to
    // contain all of them: the words are searched as names before the bodies are.
    if (!hasNameMatch(found)) {
      for (const candidate of this.matchNamesAmongWords(query)) keepBest(found, candidate);
    }
    if (!hasNameMatch(found)) {
      for (const variant of variants) {
        const words = splitWords(variant.text).filter((word) => isSearchableWord(word) && !stopWords.has(word));
        for (const candidate of searchBodies(this.body, words)) keepBest(found, candidate, variant.weight);
      }
    }
    let candidates = [...found.values()];
    if (options.documentId !== undefined) candidates = candidates.filter((c) => this.concepts[c.conceptIndex]!.documentId === options.documentId);
    return this.rank(candidates, limit);
  }

  /**
   * Choices while typing: names and aliases starting with the query (over jamo, so a half-typed syllable
   * counts, after the names that start with its syllables as typed), initials for a chosung query; only
   * when nothing starts that way, a full search (typos, questions). Short prefixes are answered from
   * rankings made at build time.
   */
  autocomplete(query: string, limit = autocompleteLimit): SearchHit[] {
    const normalized = normalizeText(query);
    if (!normalized) {
      return this.alphabetical.slice(0, limit).map((conceptIndex) => {
        const concept = this.concepts[conceptIndex]!;
        return { concept, score: 0, matchKind: 'prefix', matchedName: concept.names[0] ?? concept.title, confident: false };
      });
    }
    const found = new Map<number, Candidate>();
    const cachedPrefix = limit <= autocompleteLimit ? this.prefixCache.get(`p:${normalized}`) : undefined;
    for (const candidate of cachedPrefix ?? this.matchPrefixes(normalized)) keepBest(found, candidate);
    if (isChosungQuery(normalized)) {
      const cachedInitials = limit <= autocompleteLimit ? this.prefixCache.get(`c:${normalized}`) : undefined;
      for (const candidate of cachedInitials ?? this.matchChosung(normalized)) keepBest(found, candidate);
    }
    if (found.size === 0) return this.search(query, { limit });
    return this.rank([...found.values()], limit);
  }

  private *matchNames(normalized: string, typos = true): Generator<Candidate> {
    if (!normalized) return;
    let exact = false;
    for (const keyIndex of this.exactKeys.get(normalized) ?? []) {
      exact = true;
      yield exactCandidate(this.keys[keyIndex]!);
    }
    // Single characters, digits and filler words say too little to guess from.
    if (normalized.length < 2 || /^\d+$/.test(normalized) || stopWords.has(normalized)) return;
    if (isChosungQuery(normalized)) {
      // Two initials are a prefix of many long names; a search wants most of a name's initials.
      for (const candidate of this.matchChosung(normalized)) if (candidate.score >= 0.7 || normalized.length >= 3) yield candidate;
      return;
    }
    yield* this.matchPrefixes(normalized);
    if (!exact && typos) yield* this.matchTypos(toJamo(normalized), containsHangul(normalized));
  }

  /**
   * Names in runs of up to three words of the query, filler words (`please`, `뭐야`, a mention's id) left
   * out. A concept's score grows with the share of the query its names cover: all of it (`@everyone
   * 컨테이너`) is nearly an exact match, part of it (`git commit`) less, and then only certain when no
   * other concept was named too (`docker kubernetes` asks which one). Inside the query only whole words
   * count; the last word may still be being typed, so it may be a prefix.
   */
  private matchNamesAmongWords(query: string): Candidate[] {
    const words = this.listMeaningfulWords(query);
    if (words.length === 0) return [];
    const totalLength = words.reduce((sum, word) => sum + word.length, 0);
    const best = new Map<number, { candidate: Candidate; covered: Set<number> }>();
    for (let size = Math.min(maxSpanWords, words.length); size >= 1; size--) {
      for (let start = 0; start + size <= words.length; start++) {
        const atEnd = start + size === words.length;
        const span = words.slice(start, start + size).join('');
        // Joined words only count as a whole name: `container vs vm` is no typo of `container`.
        const matches =
          size > 1
            ? (this.exactKeys.get(span) ?? []).map((keyIndex) => exactCandidate(this.keys[keyIndex]!))
            : this.matchWord(span, { typos: words.length <= maxTypoWords, mayBePrefix: atEnd, alone: words.length === 1 });
        if (matches.length === 0) continue;
        // Words count for the concepts that match them best: `process` is the name of 프로세스, not a
        // reason to answer with 스레드, whose alias `Lightweight Process` merely contains it.
        const spanBest = Math.max(...matches.map((candidate) => candidate.score));
        for (const candidate of matches) {
          const entry = best.get(candidate.conceptIndex) ?? { candidate, covered: new Set<number>() };
          best.set(candidate.conceptIndex, entry);
          if (candidate.score > entry.candidate.score) entry.candidate = candidate;
          if (candidate.score === spanBest) for (let index = start; index < start + size; index++) entry.covered.add(index);
        }
      }
    }
    const found: Candidate[] = [...best.values()].map(({ candidate, covered }) => {
      let coveredLength = 0;
      for (const index of covered) coveredLength += words[index]!.length;
      const coverage = coveredLength / totalLength;
      return { ...candidate, score: candidate.score * (0.6 + 0.35 * coverage), partial: coverage < 1 };
    });
    const top = found.reduce<Candidate | undefined>((leader, candidate) => (leader && leader.score >= candidate.score ? leader : candidate), undefined);
    if (!top?.partial) return found;
    // `컨테이너 스케일링`: the word no name took is what 쿠버네티스 is about, so ask rather than answer 컨테이너.
    const named = new Set<number>();
    for (const { covered } of best.values()) for (const index of covered) named.add(index);
    const rest = words.filter((word, index) => !named.has(index) && isSearchableWord(word) && !stopWords.has(word));
    const elsewhere = searchBodies(this.body, rest);
    // `양자 컴퓨터`: one word of a longer name (`컴퓨터 클러스터`) and a word the notes never use ask about
    // something the notes do not hold; sharing a common word is no answer.
    const namedWhole = found.some((candidate) => candidate.matchKind === 'exact' || candidate.matchKind === 'alias');
    if (!namedWhole && rest.length > 0 && elsewhere.length === 0 && !rest.some((word) => this.isKnownWord(word))) return [];
    if (!namedWhole) {
      // `segment table`: a body that explains every word (Segmentation's "a segment table stores…") answers
      // better than a name sharing one of them (Hash Table), though it stays a guess.
      const meaningful = words.filter((word) => isSearchableWord(word) && !stopWords.has(word));
      const explained = meaningful.length > 1 ? searchBodies(this.body, meaningful).filter((candidate) => candidate.allWords) : [];
      if (explained.length > 0 && !explained.some((candidate) => candidate.conceptIndex === top.conceptIndex)) {
        top.contested = true;
        return [...found, ...explained.map((candidate) => ({ ...candidate, score: top.score + 0.01 * candidate.score }))];
      }
    }
    if (elsewhere.length === 0 || elsewhere.some((candidate) => candidate.conceptIndex === top.conceptIndex)) return found;
    top.contested = true;
    return [...found, ...elsewhere];
  }

  /** A word some name, alias or body of the notes uses (or starts a name with). */
  private isKnownWord(word: string): boolean {
    if (this.body.postings.has(word) || this.exactKeys.has(word)) return true;
    const jamo = toJamo(word);
    const start = lowerBound(this.byJamo, jamo, (k) => this.keys[k]!.jamo);
    return start < this.byJamo.length && this.keys[this.byJamo[start]!]!.jamo.startsWith(jamo);
  }

  /**
   * One word of a longer query as a name. A word that starts or is part of many names (`system` among
   * thousands) says little about which one is meant: then only a name that is exactly this word counts,
   * unless it is the only word left (`<@123> 컨테니어`), which is searched like a whole query.
   */
  private matchWord(word: string, options: { typos: boolean; mayBePrefix: boolean; alone: boolean }): Candidate[] {
    const matches: Candidate[] = [];
    let seen = 0;
    for (const candidate of this.matchNames(word, options.typos)) {
      if (!options.alone && ++seen > maxMatchesPerWord) return matches.filter((match) => match.matchKind === 'exact' || match.matchKind === 'alias');
      if (candidate.matchKind === 'prefix' && !candidate.wholeWord && !options.mayBePrefix) continue;
      if (candidate.matchKind === 'chosung' && !candidate.allInitials) continue;
      matches.push(candidate);
    }
    return matches;
  }

  /**
   * The words of a query that can name something, each once, in order: no filler words, no single
   * letters unless they are a name, and Korean endings dropped where that leaves a name (`도커를`).
   */
  private listMeaningfulWords(query: string): string[] {
    const words = new Set<string>();
    for (const word of splitWords(query)) {
      if (words.size >= maxQueryWords) break;
      const bare = stripWordEnding(word);
      const meant = bare !== word && this.exactKeys.has(bare) ? bare : word;
      if (this.exactKeys.has(meant) || (meant.length >= 2 && !isFillerWord(meant))) words.add(meant);
    }
    return [...words];
  }

  /**
   * Names whose jamo start with the query's. `컨` is also the keyboard halfway through 커널, but whoever
   * stops at `컨` more likely means a name that starts with 컨: when one does, names that share only the
   * jamo come after all such names. When none does (`커너` on the way to 커널), the jamo alone rank.
   */
  private *matchPrefixes(normalized: string): Generator<Candidate> {
    const jamo = toJamo(normalized);
    const typed = trimTrailingJamo(normalized);
    const start = lowerBound(this.byJamo, jamo, (k) => this.keys[k]!.jamo);
    const typedStartsSome = this.rangeHasKeyStartingWith(start, jamo, typed);
    for (let i = start; i < this.byJamo.length; i++) {
      const key = this.keys[this.byJamo[i]!]!;
      if (!key.jamo.startsWith(jamo)) break;
      const candidate = prefixCandidate(key, jamo.length / key.jamo.length);
      yield typedStartsSome && !key.normalized.startsWith(typed) ? weighJamoOnly(candidate) : candidate;
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

  private *matchChosung(initials: string): Generator<Candidate> {
    for (let i = lowerBound(this.byChosung, initials, (k) => this.keys[k]!.chosung!); i < this.byChosung.length; i++) {
      const key = this.keys[this.byChosung[i]!]!;
      if (!key.chosung!.startsWith(initials)) break;
      const coverage = initials.length / key.chosung!.length;
      const allInitials = coverage === 1;
      yield { conceptIndex: key.conceptIndex, score: allInitials ? 0.9 : 0.55 + 0.3 * coverage, matchKind: 'chosung', matchedName: key.text, allInitials };
    }
  }

  private *matchTypos(jamo: string, hangul: boolean): Generator<Candidate> {
    const maxDistance = allowedEdits(jamo.length, hangul);
    if (maxDistance === 0) return;
    const mask = characterMask(jamo);
    for (let length = jamo.length - maxDistance; length <= jamo.length + maxDistance; length++) {
      for (const entry of this.fuzzyBuckets.get(length) ?? []) {
        if (countBits(mask ^ entry.mask) > 2 * maxDistance) continue;
        const distance = boundedEditDistance(jamo, entry.jamo, maxDistance);
        if (distance > maxDistance) continue;
        const closeness = 1 - distance / Math.max(jamo.length, entry.jamo.length);
        for (const keyIndex of entry.keyIndices) {
          const key = this.keys[keyIndex]!;
          const score = key.source === 'word' ? 0.3 + 0.35 * closeness : 0.35 + 0.45 * closeness;
          yield { conceptIndex: key.conceptIndex, score, matchKind: 'fuzzy', matchedName: key.text, distance, hangul };
        }
      }
    }
  }

  private compareCandidates = (a: Candidate, b: Candidate): number =>
    b.score - a.score || kindRank(a.matchKind) - kindRank(b.matchKind) || this.labelRank[a.conceptIndex]! - this.labelRank[b.conceptIndex]!;

  /** The best `limit` candidates in order; at scale most candidates are cut by score before sorting. */
  private selectBest(candidates: Candidate[], limit: number): Candidate[] {
    if (candidates.length > limit * 4) {
      const scores = Float64Array.from(candidates, (candidate) => candidate.score).sort();
      const cutoff = scores[scores.length - limit]!;
      candidates = candidates.filter((candidate) => candidate.score >= cutoff);
    }
    return candidates.sort(this.compareCandidates).slice(0, limit);
  }

  private rank(candidates: Candidate[], limit: number): SearchHit[] {
    const nameMatchCount = countNameMatches(candidates);
    const best = this.selectBest(candidates, Math.max(limit, 2));
    return best.slice(0, limit).map((candidate, position) => {
      const concept = this.concepts[candidate.conceptIndex]!;
      const certainName = (candidate.matchKind === 'exact' || candidate.matchKind === 'alias') && !candidate.partial;
      return {
        concept,
        score: Math.round(candidate.score * 1000) / 1000,
        matchKind: candidate.matchKind,
        matchedName: candidate.matchKind === 'body' ? (concept.names[0] ?? concept.title) : candidate.matchedName,
        // Below the top only an exact name is certain; the rest are there to choose from.
        confident: certainName || (position === 0 && isConfident(candidate, best[1], nameMatchCount)),
      };
    });
  }

  private cacheLargePrefixRanges(): void {
    // A jamo range is ranked for the query the keyboard shows for those jamo (`ㅋㅓㄴ` as `컨`), since the
    // ranking also depends on the syllables as typed; other spellings of the same jamo are scanned.
    const ranges: [Int32Array, (keyIndex: number) => string, (prefix: string) => string, (query: string) => Iterable<Candidate>, string][] = [
      [this.byJamo, (k) => this.keys[k]!.jamo, assembleJamo, (query) => this.matchPrefixes(query), 'p:'],
      [this.byChosung, (k) => this.keys[k]!.chosung!, (prefix) => prefix, (query) => this.matchChosung(query), 'c:'],
    ];
    for (const [sorted, keyOf, queryOf, match, tag] of ranges) {
      for (let length = 1; length <= cachedPrefixMaxLength; length++) {
        let start = 0;
        while (start < sorted.length) {
          const prefix = keyOf(sorted[start]!).slice(0, length);
          let end = start + 1;
          while (end < sorted.length && keyOf(sorted[end]!).startsWith(prefix)) end++;
          if (end - start >= cachedRangeMinSize && prefix.length === length) {
            const query = queryOf(prefix);
            const found = new Map<number, Candidate>();
            for (const candidate of match(query)) keepBest(found, candidate);
            this.prefixCache.set(tag + query, this.selectBest([...found.values()], autocompleteLimit));
          }
          start = end;
        }
      }
    }
  }
}

function exactCandidate(key: NameKey): Candidate {
  const alias = key.source === 'alias';
  return { conceptIndex: key.conceptIndex, score: alias ? 0.97 : 1, matchKind: alias ? 'alias' : 'exact', matchedName: key.text };
}

/** `coverage`: the share of the key's jamo the query's jamo are. Whole names are exact; whole words rank above parts. */
function prefixCandidate(key: NameKey, coverage: number): Candidate {
  if (key.source === 'word') {
    return { conceptIndex: key.conceptIndex, score: coverage === 1 ? 0.8 : 0.5 + 0.25 * coverage, matchKind: 'prefix', matchedName: key.text, wholeWord: coverage === 1 };
  }
  if (coverage === 1) return exactCandidate(key);
  return { conceptIndex: key.conceptIndex, score: 0.6 + 0.29 * coverage, matchKind: 'prefix', matchedName: key.text };
}

/** A name that shares only the jamo of what was typed is never more than a prefix guess (`가ㄴ` is not 간). */
function weighJamoOnly(candidate: Candidate): Candidate {
  return { conceptIndex: candidate.conceptIndex, score: candidate.score * jamoOnlyWeight, matchKind: 'prefix', matchedName: candidate.matchedName };
}

/**
 * Exact names and aliases are certain, and so are all the initials of one name (`ㅋㅌㅇㄴ`) when no other
 * name has the same. A prefix is certain when no other concept matched a name at all. A typo is certain
 * when it is small (one edit in a Latin word, two jamo in a Hangul one) and clearly ahead of the next
 * concept; a body word when only one concept mentions it. A name found among other words of the query
 * is certain only when no other concept was named and the other words are not about another concept.
 */
function isConfident(top: Candidate, runnerUp: Candidate | undefined, nameMatchCount: number): boolean {
  if (top.partial) return !top.contested && top.matchKind !== 'fuzzy' && top.matchKind !== 'body' && nameMatchCount === 1;
  switch (top.matchKind) {
    case 'exact':
    case 'alias':
      return true;
    case 'subsection':
      return nameMatchCount === 1;
    case 'chosung':
      if (top.allInitials) return runnerUp === undefined || runnerUp.score < top.score;
      return nameMatchCount === 1;
    case 'prefix':
      return nameMatchCount === 1;
    case 'fuzzy': {
      const distance = top.distance ?? Infinity;
      const small = top.hangul ? distance <= 2 : distance <= 1;
      return small && (runnerUp === undefined || runnerUp.score <= top.score - confidenceMargin);
    }
    case 'body':
      return top.bodyConcepts === 1;
  }
}

/** Edits a typo may have: none for short words, where one edit makes another word. */
function allowedEdits(jamoLength: number, hangul: boolean): number {
  if (hangul) return jamoLength < 4 ? 0 : jamoLength < 7 ? 1 : jamoLength < 12 ? 2 : 3;
  return jamoLength < 4 ? 0 : jamoLength < 8 ? 1 : jamoLength < 12 ? 2 : 3;
}

/** Bodies are searched only when no name equals or starts with the query (a typo guess does not count). */
function hasNameMatch(found: ReadonlyMap<number, Candidate>): boolean {
  for (const candidate of found.values()) if (candidate.matchKind !== 'fuzzy') return true;
  return false;
}

function countNameMatches(candidates: readonly Candidate[]): number {
  let count = 0;
  for (const candidate of candidates) if (candidate.matchKind !== 'body' && candidate.matchKind !== 'fuzzy') count++;
  return count;
}

function keepBest(found: Map<number, Candidate>, candidate: Candidate, weight = 1): void {
  const score = candidate.score * weight;
  const current = found.get(candidate.conceptIndex);
  if (!current || score > current.score || (score === current.score && kindRank(candidate.matchKind) < kindRank(current.matchKind))) {
    found.set(candidate.conceptIndex, weight === 1 ? candidate : { ...candidate, score });
  }
}

const kindOrder: readonly MatchKind[] = ['exact', 'alias', 'subsection', 'chosung', 'prefix', 'fuzzy', 'body'];
function kindRank(kind: MatchKind): number {
  return kindOrder.indexOf(kind);
}

/** Headings every topic has (`특징`, `장점`, `Example`): a search for them means no particular concept. */
const genericHeadings = new Set([
  '특징', '장점', '단점', '장단점', '예시', '예제', '정의', '개념', '종류', '방식', '방법', '원리', '구조', '역할', '목적', '차이', '차이점',
  '비교', '개요', '소개', '기타', '사용법', '사용예', '동작원리', '동작방식', '문제점', '해결방법', '코드', '실습', '질문',
  'pros', 'cons', 'overview', 'example', 'examples', 'definition', 'features', 'usage', 'introduction', 'summary', 'code',
]);

function isGenericHeading(normalized: string): boolean {
  return genericHeadings.has(normalized);
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

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
