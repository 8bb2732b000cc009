// Search at the scale of a large team's notes: 10,000 synthetic concepts (Korean and English names, some
// words shared with the real notes) with the real notes mixed in. Reports index build time and heap,
// latency of full queries and of 1–3 character autocomplete prefixes, top-1 on the quality table at that
// size, and the same numbers for the naive design (fuse.js, default options, over heading text).
import Fuse from 'fuse.js';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { Concept } from '../../src/kb/types.js';
import { buildKnowledgeBase } from '../../src/kb/load-knowledge-base.js';
import { ConceptIndex } from '../../src/search/concept-index.js';
import { measureQuality, queryTable, readQualityNotes } from '../search/query-table.js';
import { createBenchRandom, median, percentile, round } from './bench-stats.js';

const syntheticCount = 10_000;
const seed = 20_241_127;

// Korean term → English term. Several also occur in the real notes (컨테이너, 클러스터, 커널, 가상, 프로세스…),
// so real queries have to beat synthetic look-alikes.
const vocabulary: readonly [string, string][] = [
  ['분산', 'Distributed'],
  ['캐시', 'Cache'],
  ['엔진', 'Engine'],
  ['네트워크', 'Network'],
  ['서버', 'Server'],
  ['클러스터', 'Cluster'],
  ['컨테이너', 'Container'],
  ['데이터', 'Data'],
  ['저장소', 'Storage'],
  ['메모리', 'Memory'],
  ['스케줄러', 'Scheduler'],
  ['프로토콜', 'Protocol'],
  ['보안', 'Security'],
  ['인증', 'Authentication'],
  ['파일', 'File'],
  ['시스템', 'System'],
  ['관리', 'Management'],
  ['모델', 'Model'],
  ['큐', 'Queue'],
  ['스트림', 'Stream'],
  ['로그', 'Log'],
  ['이벤트', 'Event'],
  ['커널', 'Kernel'],
  ['드라이버', 'Driver'],
  ['인덱스', 'Index'],
  ['트랜잭션', 'Transaction'],
  ['패킷', 'Packet'],
  ['라우터', 'Router'],
  ['게이트웨이', 'Gateway'],
  ['컴파일러', 'Compiler'],
  ['가비지', 'Garbage'],
  ['스택', 'Stack'],
  ['레지스트리', 'Registry'],
  ['오케스트레이션', 'Orchestration'],
  ['가상', 'Virtual'],
  ['프로세스', 'Process'],
  ['스레드', 'Thread'],
  ['브랜치', 'Branch'],
  ['프록시', 'Proxy'],
  ['정책', 'Policy'],
  ['복제', 'Replication'],
  ['샤딩', 'Sharding'],
  ['파티션', 'Partition'],
  ['토큰', 'Token'],
  ['세션', 'Session'],
  ['쿼리', 'Query'],
  ['옵티마이저', 'Optimizer'],
  ['버퍼', 'Buffer'],
  ['소켓', 'Socket'],
  ['포트', 'Port'],
  ['암호화', 'Encryption'],
  ['해시', 'Hash'],
  ['트리', 'Tree'],
  ['그래프', 'Graph'],
  ['정렬', 'Sorting'],
  ['검색', 'Search'],
  ['모니터링', 'Monitoring'],
  ['배포', 'Deployment'],
  ['빌드', 'Build'],
  ['테스트', 'Test'],
  ['파이프라인', 'Pipeline'],
  ['워커', 'Worker'],
  ['노드', 'Node'],
  ['볼륨', 'Volume'],
  ['이미지', 'Image'],
  ['런타임', 'Runtime'],
  ['인터럽트', 'Interrupt'],
  ['페이지', 'Page'],
  ['세그먼트', 'Segment'],
  ['디스크', 'Disk'],
];
const fillers = [
  '은 여러 서버에서 동작하는 구성 요소이다',
  '를 이용해 요청을 처리한다',
  '의 상태를 주기적으로 확인한다',
  '와 함께 쓰이는 방식이다',
  '는 장애가 생기면 자동으로 복구된다',
];

interface SearchBenchResult {
  concepts: number;
  buildMs: number;
  heapMB: number;
  queryP50Ms: number;
  queryP99Ms: number;
  prefixP99Ms: number;
  top1: number;
  negativesEmpty: boolean;
  baseline: { name: string; buildMs: number; queryP50Ms: number; queryP99Ms: number; top1: number; nonsenseWithHits: number; nonsenseTotal: number };
}

export async function runSearchBench(log: (line: string) => void): Promise<SearchBenchResult> {
  const realKb = buildKnowledgeBase('notes', await readQualityNotes());
  const realNames = new Set(realKb.concepts.flatMap((concept) => [...concept.names, ...concept.aliases]).map(compact));
  const random = createBenchRandom(seed);
  const synthetic = synthesizeConcepts(syntheticCount - realKb.concepts.length, random, realNames);
  // Real concepts in the middle, so neither end of the list is special.
  const middle = synthetic.length >> 1;
  const concepts: Concept[] = [...synthetic.slice(0, middle), ...realKb.concepts, ...synthetic.slice(middle)];

  const collectGarbage = exposeGc();
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  let started = performance.now();
  const index = ConceptIndex.build(concepts);
  const firstBuildMs = performance.now() - started;
  collectGarbage();
  const heapMB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  const buildTimes = [firstBuildMs];
  for (let i = 0; i < 2; i++) {
    started = performance.now();
    ConceptIndex.build(concepts);
    buildTimes.push(performance.now() - started);
  }
  const buildMs = median(buildTimes);

  const fullQueries = [...queryTable.map((entry) => entry.query), ...syntheticQueries(synthetic, random, 1_500)];
  for (const query of fullQueries.slice(0, 200)) index.search(query);
  const queryTimes = fullQueries.map((query) => timeOf(() => index.search(query)));

  const prefixes = syntheticPrefixes([...synthetic, ...realKb.concepts], random, 3_000);
  for (const prefix of prefixes.slice(0, 300)) index.autocomplete(prefix);
  const prefixTimes = prefixes.map((prefix) => timeOf(() => index.autocomplete(prefix)));

  const quality = measureQuality((query) => index.search(query).map((hit) => hit.concept.id));

  // The naive design the issue measures against: one fuzzy pass over the heading text.
  started = performance.now();
  const fuse = new Fuse(concepts, { keys: ['title'] });
  const fuseBuildMs = performance.now() - started;
  const fuseTimes: number[] = [];
  const fuseQuality = measureQuality((query) => {
    let ids: string[] = [];
    fuseTimes.push(timeOf(() => (ids = fuse.search(query, { limit: 10 }).map((result) => result.item.id))));
    return ids;
  });
  const nonsense = queryTable.filter((entry) => entry.expected === null);

  const result: SearchBenchResult = {
    concepts: concepts.length,
    buildMs: round(buildMs, 1),
    heapMB: round(heapMB, 1),
    queryP50Ms: round(percentile(queryTimes, 0.5), 3),
    queryP99Ms: round(percentile(queryTimes, 0.99), 3),
    prefixP99Ms: round(percentile(prefixTimes, 0.99), 3),
    top1: round(quality.top1Rate, 3),
    negativesEmpty: quality.negativesWithHits.length === 0,
    baseline: {
      name: 'fuse.js default options over heading text',
      buildMs: round(fuseBuildMs, 1),
      queryP50Ms: round(percentile(fuseTimes, 0.5), 3),
      queryP99Ms: round(percentile(fuseTimes, 0.99), 3),
      top1: round(fuseQuality.top1Rate, 3),
      nonsenseWithHits: fuseQuality.negativesWithHits.length,
      nonsenseTotal: nonsense.length,
    },
  };

  log(
    `search: ${result.concepts} concepts (${realKb.concepts.length} real), index build ${result.buildMs} ms (median of 3), index heap ${result.heapMB} MB`,
  );
  log(`  full queries (${fullQueries.length}): p50 ${result.queryP50Ms} ms, p99 ${result.queryP99Ms} ms   [target p99 < 10 ms]`);
  log(
    `  autocomplete 1–3 char prefixes (${prefixes.length}): p50 ${round(percentile(prefixTimes, 0.5), 3)} ms, p99 ${result.prefixP99Ms} ms   [target p99 < 1 ms]`,
  );
  log(
    `  quality table at this size: top-1 ${quality.top1}/${quality.total} = ${(quality.top1Rate * 100).toFixed(1)}%, negatives with hits: ${quality.negativesWithHits.length}/${nonsense.length}   [target top-1 ≥ 90%]`,
  );
  if (quality.misses.length) log(`  misses: ${quality.misses.map((miss) => `${miss.query} → ${miss.got ?? '∅'}`).join(', ')}`);
  log(
    `  baseline ${result.baseline.name}: p50 ${result.baseline.queryP50Ms} ms, p99 ${result.baseline.queryP99Ms} ms, top-1 ${(fuseQuality.top1Rate * 100).toFixed(1)}%, nonsense with hits ${fuseQuality.negativesWithHits.length}/${nonsense.length}`,
  );
  return result;
}

export function synthesizeConcepts(count: number, random: () => number, taken: Set<string>): Concept[] {
  const concepts: Concept[] = [];
  const used = new Set(taken);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  while (concepts.length < count) {
    const wordCount = random() < 0.55 ? 2 : 3;
    const words: [string, string][] = [];
    while (words.length < wordCount) {
      const word = pick(vocabulary);
      if (!words.includes(word)) words.push(word);
    }
    const korean = words.map(([ko]) => ko).join(' ');
    const english = words.map(([, en]) => en).join(' ');
    if (used.has(compact(korean)) || used.has(compact(english))) continue;
    used.add(compact(korean));
    used.add(compact(english));
    const n = concepts.length;
    const documentId = `synthetic/note-${Math.floor(n / 100)}`;
    const acronym = words.map(([, en]) => en[0]).join('');
    const aliases = random() < 0.3 && !used.has(compact(acronym) + n) ? [`${acronym}${n}`] : [];
    const statements = Array.from(
      { length: 3 },
      () => `${korean}${pick(fillers)}. ${pick(vocabulary)[0]} ${pick(vocabulary)[0]} ${pick(vocabulary)[1]}`,
    );
    concepts.push({
      id: `${documentId}/c${n}`,
      documentId,
      title: `${korean}(${english})`,
      names: [korean, english],
      aliases,
      body: statements.map((line) => `- ${line}`).join('\n'),
      plainText: statements.join('\n'),
      statements,
      passages: statements.map((text, index) => ({ text, kind: 'list-item' as const, line: 4 + (n % 100) * 5 + index })),
      subsections: [],
      flashcards: [],
      authoredQuestions: [],
      boldTerms: [words[0]![0]],
      relatedIds: [],
      location: { file: `${documentId}.md`, line: 3 + (n % 100) * 5 },
    });
  }
  return concepts;
}

/** Exact names, names with a typo, question phrasings and bare Korean words of synthetic concepts. */
function syntheticQueries(concepts: readonly Concept[], random: () => number, count: number): string[] {
  const queries: string[] = [];
  for (let i = 0; i < count; i++) {
    const concept = concepts[Math.floor(random() * concepts.length)]!;
    const name = concept.names[Math.floor(random() * concept.names.length)]!;
    const kind = i % 4;
    if (kind === 0) queries.push(name);
    else if (kind === 1) queries.push(swapNeighbours(name, random));
    else if (kind === 2) queries.push(/[가-힣]/.test(name) ? `${name}란` : `what is ${name}`);
    else queries.push(name.split(' ')[0]!);
  }
  return queries;
}

/** 1–3 character prefixes as typed into Discord: Hangul, Latin, and chosung initials. */
function syntheticPrefixes(concepts: readonly Concept[], random: () => number, count: number): string[] {
  const prefixes: string[] = [];
  for (let i = 0; i < count; i++) {
    const concept = concepts[Math.floor(random() * concepts.length)]!;
    const name = concept.names[i % 2 === 0 ? 0 : Math.min(1, concept.names.length - 1)]!;
    const length = 1 + (i % 3);
    prefixes.push(i % 10 === 9 ? chosungOf(name).slice(0, length) || name.slice(0, length) : name.slice(0, length));
  }
  return prefixes;
}

function swapNeighbours(text: string, random: () => number): string {
  const chars = [...text];
  if (chars.length < 4) return text;
  const at = 1 + Math.floor(random() * (chars.length - 2));
  [chars[at], chars[at + 1]] = [chars[at + 1]!, chars[at]!];
  return chars.join('');
}

const initials = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
function chosungOf(text: string): string {
  return [...text]
    .map((char) => {
      const code = char.charCodeAt(0) - 0xac00;
      return code >= 0 && code < 11172 ? initials[Math.floor(code / 588)] : '';
    })
    .join('');
}

function compact(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** Heap numbers mean little without a collection first; the flag can be switched on at run time. */
function exposeGc(): () => void {
  // Node types gc() with an async overload that returns a Promise; the bench only ever calls the synchronous form.
  const exposed = globalThis.gc;
  if (typeof exposed === 'function') return () => exposed();
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as unknown;
  return typeof gc === 'function' ? (gc as () => void) : () => {};
}

function timeOf(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}
