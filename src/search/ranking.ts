// Every score and threshold of concept search, in one place (docs/search.md explains the layers and how to
// tune them). The layers are ordered by their score bands: a stronger kind of match must outscore every
// weaker one, so a value changed here is checked against its neighbours' bands, then against the quality
// tables (`test/search/search-quality.test.ts`, `test/search/real-notes-search.test.ts`) and `npm run bench`.

export interface SearchRanking {
  exact: {
    /** A query that is a concept's name or title: the answer. */
    name: number;
    /** An alias (`PCB`, `VM`) is as certain but names the concept less directly: a concept named so comes first. */
    alias: number;
  };
  subsection: {
    /** Exactly a `###` heading inside a concept (`요구 페이징`): below any concept named so, above every prefix. */
    score: number;
  };
  chosung: {
    /** All the initials of a name (`ㅋㅌㅇㄴ`): as good as a heading, below an exact name. */
    allInitials: number;
    /** The first initials of a name start here and grow with the share of the initials typed… */
    partialBase: number;
    partialPerCoverage: number;
    /** …and a search (not autocomplete) wants most of a name: two initials start too many long names. */
    searchMinScore: number;
    /** Three initials or more are specific enough to search with whatever their score. */
    searchMinInitials: number;
  };
  prefix: {
    /** The start of a whole name: 0.6 to 0.89 by the share of its jamo typed, always below a heading (0.9). */
    nameBase: number;
    namePerCoverage: number;
    /** A whole word of a longer name (`cluster` in `Computer Cluster`): above a short start of a name, below a heading. */
    wholeWord: number;
    /** The start of a word of a longer name: below the start of a whole name. */
    wordBase: number;
    wordPerCoverage: number;
    /**
     * What a name sharing only the jamo of the typed syllables counts for when other names start with them
     * as typed (`컨` also starts 커널 in jamo). Those all score above 0.5, so halving puts it below every
     * one of them and keeps its place among its own kind.
     */
    jamoOnlyWeight: number;
  };
  typo: {
    /**
     * A name within the allowed edits: 0.35 + 0.45 × closeness (1 − edits / length, 0.7 or more within the
     * allowed edits), about 0.67 to 0.8: among the prefixes of names, below a heading or all the initials.
     */
    nameBase: number;
    namePerCloseness: number;
    /** A word of a longer name within the allowed edits (about 0.55 to 0.65): below a name equally close. */
    wordBase: number;
    wordPerCloseness: number;
    /**
     * Query lengths (in jamo for Hangul, letters otherwise) from which 1, 2 and 3 edits are allowed. Below the
     * first, none: in a short word one edit makes another word. One wrong syllable often costs two jamo edits,
     * so Hangul reaches two edits a little sooner (7 jamo, about three syllables) than Latin (8 letters).
     */
    editsFromLength: { hangul: readonly number[]; latin: readonly number[] };
    /** The most edits a typo may have and still be answered without asking (one key slip in Latin, two jamo in Hangul). */
    confidentEdits: { hangul: number; latin: number };
    /** …and only when it is this far ahead of the next concept: two near-equal typos ask which one. */
    confidenceMargin: number;
  };
  amongWords: {
    /**
     * A name found among other words of a query scores its own score × (base + perCoverage × the share of
     * the query's letters its names cover): all of it (`@everyone 컨테이너`) is 0.95 of an exact name, a part
     * less, so a whole-query match of another concept wins.
     */
    coverageBase: number;
    coveragePerShare: number;
    /** The words of a query looked at for names: a long message names its topic early. */
    maxQueryWords: number;
    /** The longest run of words tried as one name (`virtual memory management`). */
    maxSpanWords: number;
    /** Typos are looked for in each word only of queries this short: every word costs a scan of the names. */
    maxTypoWords: number;
    /** A word that starts more names than this (`system`) counts only as an exact name or alias. */
    maxMatchesPerWord: number;
    /** A body explaining every word beats a name sharing one of them by this sliver × its body score: just ahead, still a guess. */
    explainedBodyLead: number;
  };
  body: {
    /** A body hit scores base + relative × (its weight / the best weight) × (words matched / words) + absolute × rarity… */
    base: number;
    relative: number;
    absolute: number;
    /** …where rarity is its weight over that of this many words found in one concept only, capped at 1: 0.2 to 0.5 in all. */
    absoluteWords: number;
    /** A word in bold in the concept is what it is about: it weighs this many times a plain mention. */
    boldWeight: number;
    /** Korean words carry particles (`클러스터의`): stems up to this many syllables shorter are indexed too… */
    maxStemCut: number;
    /** …a little weaker than the word itself. */
    stemWeight: number;
    /** A body must hold this many of the query's words (or all, if fewer): one shared word is a coincidence. */
    minMatchedWords: number;
  };
  variants: {
    /** `쿠버네티스란` searched as `쿠버네티스`: a rewritten query is a little less certain than the query as typed… */
    withoutQuestion: number;
    /** …and one with a trailing particle dropped (`도커를` → `도커`) a little less again. */
    withoutParticle: number;
  };
}

/** Groups of knobs, each knob optional: what a bench or a quality test passes to try an alternative. */
export type SearchRankingOverride = { readonly [Group in keyof SearchRanking]?: Partial<SearchRanking[Group]> };

export const defaultRanking: Readonly<SearchRanking> = deepFreeze({
  exact: { name: 1, alias: 0.97 },
  subsection: { score: 0.9 },
  chosung: { allInitials: 0.9, partialBase: 0.55, partialPerCoverage: 0.3, searchMinScore: 0.7, searchMinInitials: 3 },
  prefix: { nameBase: 0.6, namePerCoverage: 0.29, wholeWord: 0.8, wordBase: 0.5, wordPerCoverage: 0.25, jamoOnlyWeight: 0.5 },
  typo: {
    nameBase: 0.35,
    namePerCloseness: 0.45,
    wordBase: 0.3,
    wordPerCloseness: 0.35,
    editsFromLength: { hangul: [4, 7, 12], latin: [4, 8, 12] },
    confidentEdits: { hangul: 2, latin: 1 },
    confidenceMargin: 0.05,
  },
  amongWords: {
    coverageBase: 0.6,
    coveragePerShare: 0.35,
    maxQueryWords: 8,
    maxSpanWords: 3,
    maxTypoWords: 3,
    maxMatchesPerWord: 100,
    explainedBodyLead: 0.01,
  },
  body: { base: 0.2, relative: 0.2, absolute: 0.1, absoluteWords: 4, boldWeight: 2, maxStemCut: 2, stemWeight: 0.6, minMatchedWords: 2 },
  variants: { withoutQuestion: 0.98, withoutParticle: 0.96 },
});

/** The defaults with `override`'s knobs in their place: no override, the defaults themselves. */
export function resolveRanking(override: SearchRankingOverride = {}): Readonly<SearchRanking> {
  if (Object.keys(override).length === 0) return defaultRanking;
  const merged = { ...defaultRanking } as Record<keyof SearchRanking, object>;
  for (const group of Object.keys(override) as (keyof SearchRanking)[]) {
    if (!(group in defaultRanking)) throw new Error(`unknown search ranking group: ${group}`);
    merged[group] = { ...defaultRanking[group], ...override[group] };
  }
  return deepFreeze(merged as SearchRanking);
}

/** Edits a typo of this many jamo (or letters) may have: 0 up to 3. */
export function allowedEdits(ranking: Readonly<SearchRanking>, length: number, hangul: boolean): number {
  const thresholds = hangul ? ranking.typo.editsFromLength.hangul : ranking.typo.editsFromLength.latin;
  let edits = 0;
  while (edits < thresholds.length && length >= thresholds[edits]!) edits++;
  return edits;
}

function deepFreeze<T extends object>(value: T): T {
  for (const member of Object.values(value)) if (typeof member === 'object' && member !== null) deepFreeze(member as object);
  return Object.freeze(value);
}
