// The layer for longer queries: names among the words of a message (`@everyone 컨테이너`, `docker kubernetes`,
// `도커를 설명해줘`), searched before the bodies so a name outranks any body that happens to hold all the words.
import { type BodyIndex, isSearchableWord, searchBodies } from './body-index.js';
import type { Candidate } from './candidate.js';
import type { NameTable } from './name-table.js';
import { splitWords } from './normalize-text.js';
import { isFillerWord, isStopWord, stripWordEnding } from './query-phrasing.js';
import type { SearchRanking } from './ranking.js';

export interface Sources {
  names: NameTable;
  body: BodyIndex;
  ranking: Readonly<SearchRanking>;
}

/**
 * Names in runs of up to three words of the query, filler words (`please`, `뭐야`, a mention's id) left
 * out. A concept's score grows with the share of the query its names cover: all of it (`@everyone
 * 컨테이너`) is nearly an exact match, part of it (`git commit`) less, and then only certain when no
 * other concept was named too (`docker kubernetes` asks which one). Inside the query only whole words
 * count; the last word may still be being typed, so it may be a prefix.
 */
export function matchNamesAmongWords(query: string, sources: Sources): Candidate[] {
  const { names, body, ranking } = sources;
  const { coverageBase, coveragePerShare, maxSpanWords, maxTypoWords, explainedBodyLead } = ranking.amongWords;
  const words = listMeaningfulWords(query, names, ranking.amongWords.maxQueryWords);
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
          ? names.matchExact(span)
          : matchWord(span, sources, { typos: words.length <= maxTypoWords, mayBePrefix: atEnd, alone: words.length === 1 });
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
    return { ...candidate, score: candidate.score * (coverageBase + coveragePerShare * coverage), partial: coverage < 1 };
  });
  const top = found.reduce<Candidate | undefined>((leader, candidate) => (leader && leader.score >= candidate.score ? leader : candidate), undefined);
  if (!top?.partial) return found;
  // `컨테이너 스케일링`: the word no name took is what 쿠버네티스 is about, so ask rather than answer 컨테이너.
  const named = new Set<number>();
  for (const { covered } of best.values()) for (const index of covered) named.add(index);
  const rest = words.filter((word, index) => !named.has(index) && isSearchableWord(word) && !isStopWord(word));
  const elsewhere = searchBodies(body, rest, ranking);
  // `양자 컴퓨터`: one word of a longer name (`컴퓨터 클러스터`) and a word the notes never use ask about
  // something the notes do not hold; sharing a common word is no answer.
  const namedWhole = found.some((candidate) => candidate.matchKind === 'exact' || candidate.matchKind === 'alias');
  if (!namedWhole && rest.length > 0 && elsewhere.length === 0 && !rest.some((word) => isKnownWord(word, sources))) return [];
  if (!namedWhole) {
    // `segment table`: a body that explains every word (Segmentation's "a segment table stores…") answers
    // better than a name sharing one of them (Hash Table), though it stays a guess.
    const meaningful = words.filter((word) => isSearchableWord(word) && !isStopWord(word));
    const explained = meaningful.length > 1 ? searchBodies(body, meaningful, ranking).filter((candidate) => candidate.allWords) : [];
    if (explained.length > 0 && !explained.some((candidate) => candidate.conceptIndex === top.conceptIndex)) {
      top.contested = true;
      return [...found, ...explained.map((candidate) => ({ ...candidate, score: top.score + explainedBodyLead * candidate.score }))];
    }
  }
  if (elsewhere.length === 0 || elsewhere.some((candidate) => candidate.conceptIndex === top.conceptIndex)) return found;
  top.contested = true;
  return [...found, ...elsewhere];
}

/** A word some name, alias or body of the notes uses (or starts a name with). */
function isKnownWord(word: string, { names, body }: Sources): boolean {
  return body.postings.has(word) || names.isName(word) || names.startsSomeName(word);
}

/**
 * One word of a longer query as a name. A word that starts or is part of many names (`system` among
 * thousands) says little about which one is meant: then only a name that is exactly this word counts,
 * unless it is the only word left (`<@123> 컨테니어`), which is searched like a whole query.
 */
function matchWord(word: string, { names, ranking }: Sources, options: { typos: boolean; mayBePrefix: boolean; alone: boolean }): Candidate[] {
  const matches: Candidate[] = [];
  let seen = 0;
  for (const candidate of names.matchNames(word, options.typos)) {
    if (!options.alone && ++seen > ranking.amongWords.maxMatchesPerWord) {
      return matches.filter((match) => match.matchKind === 'exact' || match.matchKind === 'alias');
    }
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
function listMeaningfulWords(query: string, names: NameTable, maxQueryWords: number): string[] {
  const words = new Set<string>();
  for (const word of splitWords(query)) {
    if (words.size >= maxQueryWords) break;
    const bare = stripWordEnding(word);
    const meant = bare !== word && names.isName(bare) ? bare : word;
    if (names.isName(meant) || (meant.length >= 2 && !isFillerWord(meant))) words.add(meant);
  }
  return [...words];
}
