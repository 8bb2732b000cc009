// Concept search in layers, strongest first: exact name or alias → a subsection heading inside a concept
// (`요구 페이징`, `PCB`) → chosung initials → prefix (over jamo, so `컨ㅌ` already finds 컨테이너; names that
// start with the syllables as typed first) → typo distance over jamo → names among the words of a longer
// query (`@everyone 컨테이너`, `docker kubernetes`) → words of the bodies. A single fuzzy pass over everything
// ranks `kubernetes` below whatever shares letters with it and matches nonsense; layers keep exact answers
// exact and let "nothing relevant" stay empty. Every score and threshold is in `ranking.ts`; docs/search.md
// explains them.
import type { Concept } from '../kb/types.js';
import type { SearchHit, SearchOptions } from './types.js';
import { buildBodyIndex, type BodyIndex, isSearchableWord, searchBodies } from './body-index.js';
import { type Candidate, countNameMatches, hasNameMatch, keepBest, kindRank } from './candidate.js';
import { isConfident } from './confidence.js';
import { formatConceptLabel } from './format-concept-name.js';
import { assembleJamo, isChosungQuery } from './hangul.js';
import { NameTable } from './name-table.js';
import { matchNamesAmongWords } from './names-among-words.js';
import { normalizeText, splitWords } from './normalize-text.js';
import { isStopWord, listQueryVariants } from './query-phrasing.js';
import { resolveRanking, type SearchRanking, type SearchRankingOverride } from './ranking.js';
import { indexSubsectionHeadings, type SubsectionHolder } from './subsection-headings.js';

const defaultLimit = 10;
/** Discord shows at most 25 autocomplete choices. */
const autocompleteLimit = 25;
/** Short prefixes match thousands of keys at scale; their top choices are ranked once, at build time. */
const cachedPrefixMaxLength = 6;
const cachedRangeMinSize = 48;

export class ConceptIndex {
  private readonly names: NameTable;
  private readonly subsectionHeadings: Map<string, SubsectionHolder[]>;
  private readonly body: BodyIndex;
  private readonly alphabetical: readonly number[];
  private readonly labelRank: Int32Array;
  /** `p:<query as typed>` / `c:<initials>` → best candidates, one per concept, for large short-prefix ranges. */
  private readonly prefixCache = new Map<string, Candidate[]>();

  private constructor(
    readonly concepts: readonly Concept[],
    /** The scores and thresholds this index ranks with: the defaults, or the defaults under an override. */
    readonly ranking: Readonly<SearchRanking>,
  ) {
    this.names = NameTable.build(concepts, ranking);
    const collator = new Intl.Collator('ko', { sensitivity: 'base', numeric: true });
    const labels = concepts.map((concept) => formatConceptLabel(concept));
    this.alphabetical = [...concepts.keys()].sort((a, b) => collator.compare(labels[a]!, labels[b]!) || a - b);
    this.labelRank = new Int32Array(concepts.length);
    this.alphabetical.forEach((conceptIndex, rank) => (this.labelRank[conceptIndex] = rank));

    this.body = buildBodyIndex(concepts, ranking);
    this.cacheLargePrefixRanges();
    this.subsectionHeadings = indexSubsectionHeadings(concepts);
  }

  /** `ranking`: knobs to try instead of the defaults (a bench or a quality test); the rest stay as they are. */
  static build(concepts: readonly Concept[], ranking?: SearchRankingOverride): ConceptIndex {
    return new ConceptIndex(concepts, resolveRanking(ranking));
  }

  get size(): number {
    return this.concepts.length;
  }

  /** Hits best first, each concept once; `[]` when nothing relevant. */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? defaultLimit;
    const variants = listQueryVariants(query, this.ranking.variants);
    const found = new Map<number, Candidate>();
    for (const variant of variants) {
      const normalized = normalizeText(variant.text);
      for (const candidate of this.names.matchNames(normalized)) keepBest(found, candidate, variant.weight);
      for (const holder of this.subsectionHeadings.get(normalized) ?? []) {
        const score = this.ranking.subsection.score;
        keepBest(found, { conceptIndex: holder.conceptIndex, score, matchKind: 'subsection', matchedName: holder.text }, variant.weight);
      }
    }
    // A name among other words (`@everyone 컨테이너`, `docker kubernetes`) outranks any body that happens to
    // contain all of them: the words are searched as names before the bodies are.
    if (!hasNameMatch(found)) {
      for (const candidate of matchNamesAmongWords(query, { names: this.names, body: this.body, ranking: this.ranking })) keepBest(found, candidate);
    }
    if (!hasNameMatch(found)) {
      for (const variant of variants) {
        const words = splitWords(variant.text).filter((word) => isSearchableWord(word) && !isStopWord(word));
        for (const candidate of searchBodies(this.body, words, this.ranking)) keepBest(found, candidate, variant.weight);
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
    for (const candidate of cachedPrefix ?? this.names.matchPrefixes(normalized)) keepBest(found, candidate);
    if (isChosungQuery(normalized)) {
      const cachedInitials = limit <= autocompleteLimit ? this.prefixCache.get(`c:${normalized}`) : undefined;
      for (const candidate of cachedInitials ?? this.names.matchChosung(normalized)) keepBest(found, candidate);
    }
    if (found.size === 0) return this.search(query, { limit });
    return this.rank([...found.values()], limit);
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
        confident: certainName || (position === 0 && isConfident(candidate, best[1], nameMatchCount, this.ranking)),
      };
    });
  }

  private cacheLargePrefixRanges(): void {
    // A jamo range is ranked for the query the keyboard shows for those jamo (`ㅋㅓㄴ` as `컨`), since the
    // ranking also depends on the syllables as typed; other spellings of the same jamo are scanned.
    const names = this.names;
    const ranges: [Int32Array, (keyIndex: number) => string, (prefix: string) => string, (query: string) => Iterable<Candidate>, string][] = [
      [names.byJamo, (k) => names.jamoOf(k), assembleJamo, (query) => names.matchPrefixes(query), 'p:'],
      [names.byChosung, (k) => names.chosungOf(k), (prefix) => prefix, (query) => names.matchChosung(query), 'c:'],
    ];
    for (const [sorted, keyOf, queryOf, match, tag] of ranges) {
      const shared = sharedPrefixLengths(sorted, keyOf, cachedPrefixMaxLength);
      for (let length = 1; length <= cachedPrefixMaxLength; length++) {
        let start = 0;
        while (start < sorted.length) {
          const prefix = keyOf(sorted[start]!).slice(0, length);
          let end = start + 1;
          // In sorted order a key starts with `prefix` exactly when it shares that much with each key before it.
          while (end < sorted.length && shared[end]! >= prefix.length) end++;
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

/**
 * For each position of a sorted list of keys, how many leading characters (at most `max`) its key shares with the
 * key before it. Worked out once, so finding every prefix range for lengths 1 to `max` needs no string comparisons.
 */
function sharedPrefixLengths(sorted: Int32Array, keyOf: (keyIndex: number) => string, max: number): Uint8Array {
  const shared = new Uint8Array(sorted.length);
  for (let position = 1; position < sorted.length; position++) {
    const previous = keyOf(sorted[position - 1]!);
    const key = keyOf(sorted[position]!);
    const limit = Math.min(max, previous.length, key.length);
    let length = 0;
    while (length < limit && previous.charCodeAt(length) === key.charCodeAt(length)) length++;
    shared[position] = length;
  }
  return shared;
}
