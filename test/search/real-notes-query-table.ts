// Queries over the real-style fixture notes (test/fixtures/real-notes): what a member types, and the
// concept meant (null = the notes hold nothing relevant, the answer must be empty).
import { fileURLToPath } from 'node:url';
import type { QueryCase, QueryCategory } from './query-table.js';

export const realNotesDir = fileURLToPath(new URL('../fixtures/real-notes', import.meta.url));

const processAndThread = 'os-basics/프로세스';
const multiProcess = 'os-basics/멀티-프로세스';
const semaphore = 'os-basics/semaphore';
const virtualMemory = 'os-basics/virtual-memory';
const scheduling = 'os-basics/cpu-scheduling';
const tcpUdp = 'network-interview/tcp';
const httpMethods = 'network-interview/get';
const https = 'network-interview/http';
const transaction = 'database-transaction/transaction';
const normalization = 'database-transaction/정규화';
const index = 'database-transaction/index';
const dns = 'dns/dns';
const handshake = 'til-tcp-handshake/tcp-3-way-handshake';
const gitRebase = 'til-git-log/git-rebase';
const gitStash = 'til-git-log/git-stash';
const cherryPick = 'til-git-log/cherry-pick';
const processVsThread = 'process-vs-thread-en/process';
const paging = 'memory-management-en/paging';
const thrashing = 'memory-management-en/thrashing';
const cacheMemory = 'til-cache-memory/cache-memory';
const cookie = 'web-auth-mixed/cookie';
const jwt = 'web-auth-mixed/jwt';
const hashTable = 'data-structures-stubs/hash-table';
const stackAndQueue = 'data-structures-stubs/스택';
const branching = 'git-workflow/branching-strategy';
const session = 'web-auth-mixed/session';
const segmentation = 'memory-management-en/segmentation';
const merge = 'git-workflow/merge';

type Row = [QueryCategory | 'subsection' | 'joined', string, string | null];

const table: Row[] = [
  // Joined headings: the whole heading and each term.
  ['joined', '프로세스와 스레드', processAndThread],
  ['joined', '멀티 프로세스와 멀티 스레드', multiProcess],
  ['joined', 'TCP 와 UDP', tcpUdp],
  ['joined', 'TCP', tcpUdp],
  ['joined', 'Semaphore & Mutex', semaphore],
  ['joined', 'mutex', semaphore],
  ['joined', 'POST', httpMethods],
  ['joined', 'HTTP 요청 방식', httpMethods],
  ['joined', '교착상태', transaction],
  ['joined', 'Process vs Thread', processVsThread],
  ['joined', '큐', stackAndQueue],
  // Cleaned names: the date, tag and question phrasing of the heading are not part of the name.
  ['korean', '정규화', normalization],
  ['korean', '인덱스', index],
  ['english', 'index', index],
  ['english', 'cherry-pick', cherryPick],
  ['english', 'git stash', gitStash],
  ['english', 'git rebase', gitRebase],
  ['english', 'TCP 3-way handshake', handshake],
  ['prefix', '3-way handshake', handshake],
  ['korean', '캐시 메모리', cacheMemory],
  ['english', 'thrashing', thrashing],
  ['english', 'hash table', hashTable],
  ['korean', 'CPU 스케줄링', scheduling],
  ['spacing', '가상메모리', virtualMemory],
  ['question', '가상 메모리가 뭐야', virtualMemory],
  ['question', 'DNS란?', dns],
  ['question', '정규화란', normalization],
  // Aliases from the concept's own sentences.
  ['alias', '뮤텍스', semaphore],
  ['alias', '세마포어란?', semaphore],
  ['alias', 'deadlock', transaction],
  ['alias', 'Stack', stackAndQueue],
  ['alias', 'HyperText Transfer Protocol', https],
  // Subsection headings find the concept that holds them.
  ['subsection', '요구 페이징', virtualMemory],
  ['subsection', 'demand paging', virtualMemory],
  ['subsection', 'PCB', processAndThread],
  ['subsection', '컨텍스트 스위칭', processAndThread],
  ['subsection', '일관성', transaction],
  ['subsection', '1NF', normalization],
  ['subsection', 'TLB', paging],
  ['subsection', '흐름 제어', tcpUdp],
  ['subsection', '재귀적 질의', dns],
  ['subsection', 'Git Flow', branching],
  ['subsection', 'Refresh Token', jwt],
  ['subsection', '캐시 미스', cacheMemory],
  // Words of the bodies.
  ['body', 'ACID', transaction],
  ['body', 'TTL', dns],
  ['body', '라운드 로빈', scheduling],
  ['typo-english', 'cokie', cookie],
  // Added blind, after the rest of the table passed: what else a member might type.
  ['prefix', 'handshake', handshake],
  ['question', '스레드란', processAndThread],
  ['extra-words', 'GET 방식', httpMethods],
  ['english', 'JSON Web Token', jwt],
  ['body', '선점형 스케줄링', scheduling],
  ['subsection', '페이지 폴트', virtualMemory],
  ['body', 'working set', thrashing],
  ['subsection', '4-way handshake', handshake],
  ['extra-words', '세션 ID', session],
  ['body', 'segment table', segmentation],
  ['body', '시간 지역성', cacheMemory],
  ['body', 'TIME_WAIT', handshake],
  ['body', 'SYN 플러딩', handshake],
  ['alias', 'HTTP 메서드', httpMethods],
  ['body', 'squash', gitRebase],
  ['extra-words', 'git merge', merge],
  ['extra-words', 'rebase vs merge', merge],
  ['negative', '머신러닝', null],
  ['negative', '리액트 훅', null],
  ['negative', 'SQL 인젝션', null],
  ['negative', '데이터 마이닝', null],
  // Nothing relevant: other topics, one common word with a body, and the headings that are no concepts.
  ['negative', '양자 컴퓨터', null],
  ['negative', '양자 역학', null],
  ['negative', '메모리 반도체', null],
  ['negative', '컴퓨터 그래픽스', null],
  ['negative', 'blockchain', null],
  ['negative', 'kubernetes', null],
  ['negative', '질의응답', null],
  ['negative', '참고', null],
  ['negative', '출처', null],
  ['negative', 'Interview questions', null],
  ['negative', '면접 질문', null],
];

export interface RealNotesQueryCase extends Pick<QueryCase, 'query' | 'expected'> {
  category: Row[0];
}

export const realNotesQueryTable: readonly RealNotesQueryCase[] = table.map(([category, query, expected]) => ({ query, expected, category }));
