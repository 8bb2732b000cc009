// The search quality table: what members really type, and the concept they mean (null = nothing is
// relevant and the answer must be empty). Shared by the quality test and the benchmark.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type NoteFile, readNoteFiles } from '../../src/kb/load-knowledge-base.js';

export type QueryCategory =
  | 'english'
  | 'korean'
  | 'spacing'
  | 'mixed-case'
  | 'prefix'
  | 'typo-english'
  | 'typo-korean'
  | 'chosung'
  | 'alias'
  | 'question'
  | 'body'
  | 'extra-words'
  | 'negative';

export interface QueryCase {
  query: string;
  /** The concept id that must come first, or null when the result must be empty. */
  expected: string | null;
  category: QueryCategory;
}

const kubernetes = 'docker-kubernetes/kubernates';
const docker = 'docker-kubernetes/docker';
const container = 'docker-kubernetes/container';
const cluster = 'docker-kubernetes/computer-cluster';
const kernel = 'docker-kubernetes/kernel';
const instance = 'docker-kubernetes/instance';
const commit = 'git-basics/commit';
const branch = 'git-basics/branch';
const merge = 'git-basics/merge';
const rebase = 'git-basics/rebase';
const remote = 'git-basics/remote-repository';
const vpn = 'network/vpn-and-dns/vpn';
const dns = 'network/vpn-and-dns/dns';
const loadBalancer = 'network/vpn-and-dns/load-balancer';
const proxy = 'network/vpn-and-dns/proxy';
const firewall = 'network/vpn-and-dns/firewall';
const processConcept = 'os/process-and-thread/process';
const thread = 'os/process-and-thread/thread';
const contextSwitching = 'os/process-and-thread/context-switching';
const deadlock = 'os/process-and-thread/deadlock';

const table: [QueryCategory, string, string | null][] = [
  ['english', 'container', container],
  ['english', 'docker', docker],
  ['english', 'kernel', kernel],
  ['english', 'computer cluster', cluster],
  ['english', 'instance', instance],
  ['english', 'virtual machine', instance],
  ['english', 'commit', commit],
  ['english', 'remote repository', remote],
  ['english', 'load balancer', loadBalancer],
  ['english', 'reverse proxy', proxy],
  ['english', 'deadlock', deadlock],
  ['english', 'context switching', contextSwitching],
  ['english', 'kubernetes', kubernetes],

  ['korean', '컨테이너', container],
  ['korean', '도커', docker],
  ['korean', '쿠버네티스', kubernetes],
  ['korean', '커널', kernel],
  ['korean', '인스턴스', instance],
  ['korean', '가상 머신', instance],
  ['korean', '운영 체제 수준 가상화', container],
  ['korean', '브랜치', branch],
  ['korean', '병합', merge],
  ['korean', '가상 사설망', vpn],
  ['korean', '방화벽', firewall],
  ['korean', '스레드', thread],

  ['spacing', '가상머신', instance],
  ['spacing', '로드밸런서', loadBalancer],
  ['spacing', '문맥교환', contextSwitching],
  ['spacing', '교착상태', deadlock],
  ['spacing', 'load-balancer', loadBalancer],
  ['spacing', 'VirtualMachine', instance],

  ['mixed-case', 'KUBERNATES', kubernetes],
  ['mixed-case', 'DoCkEr', docker],
  ['mixed-case', 'vPn', vpn],
  ['mixed-case', 'Domain Name SYSTEM', dns],

  ['prefix', '컨테', container],
  ['prefix', '컨ㅌ', container],
  ['prefix', '쿠버', kubernetes],
  ['prefix', '도ㅋ', docker],
  ['prefix', 'kuber', kubernetes],
  ['prefix', 'contain', container],
  ['prefix', 'firew', firewall],
  ['prefix', 'deadl', deadlock],
  ['prefix', '리베', rebase],
  ['prefix', '방화', firewall],
  ['prefix', '컴퓨터 클', cluster],

  ['typo-english', 'kubernets', kubernetes],
  ['typo-english', 'dokcer', docker],
  ['typo-english', 'contianer', container],
  ['typo-english', 'kernal', kernel],
  ['typo-english', 'firewal', firewall],
  ['typo-english', 'deadlok', deadlock],
  ['typo-english', 'thraed', thread],
  ['typo-english', 'rebsae', rebase],
  ['typo-english', 'instanse', instance],

  ['typo-korean', '컨테니어', container],
  ['typo-korean', '쿠버내티스', kubernetes],
  ['typo-korean', '프로새스', processConcept],
  ['typo-korean', '브렌치', branch],
  ['typo-korean', '스래드', thread],
  ['typo-korean', '로드벨런서', loadBalancer],
  ['typo-korean', '교착상테', deadlock],
  ['typo-korean', '인스탄스', instance],

  ['chosung', 'ㅋㅌㅇㄴ', container],
  ['chosung', 'ㄷㅋ', docker],
  ['chosung', 'ㅋㅂㄴㅌㅅ', kubernetes],
  ['chosung', 'ㄱㅅㅁㅅ', instance],
  ['chosung', 'ㅂㅎㅂ', firewall],
  ['chosung', 'ㄱㅊㅅㅌ', deadlock],
  ['chosung', 'ㅁㅁㄱㅎ', contextSwitching],
  ['chosung', 'ㅍㄹㅅㅅ', processConcept],

  ['alias', 'VM', instance],
  ['alias', 'Jail', container],
  ['alias', 'VE', container],
  ['alias', '가상화 엔진', container],
  ['alias', 'software container', container],
  ['alias', 'operating-system-level virtualization', container],
  ['alias', '데드락', deadlock],
  ['alias', '머지', merge],
  ['alias', 'LWP', thread],
  ['alias', 'WAF', firewall],
  ['alias', '부하 분산 장치', loadBalancer],
  ['alias', 'context switch', contextSwitching],

  ['question', '쿠버네티스란', kubernetes],
  ['question', 'what is docker', docker],
  ['question', '도커가 뭐야?', docker],
  ['question', '컨테이너란 무엇인가요', container],
  ['question', "What's a VM?", instance],
  ['question', 'explain kernel', kernel],
  ['question', '교착 상태가 뭐야', deadlock],
  ['question', 'define deadlock', deadlock],
  ['question', '방화벽이란?', firewall],
  ['question', '스레드는 무엇인가요', thread],
  ['question', 'kubernetes란', kubernetes],
  ['question', 'Docker는', docker],
  ['question', 'VM이 뭐야', instance],

  ['body', '스케일링', kubernetes],
  ['body', 'LAN', cluster],
  ['body', '에뮬레이션', instance],
  ['body', '스냅샷', commit],
  ['body', '리졸버', dns],
  ['body', '은행원 알고리즘', deadlock],
  ['body', 'WireGuard', vpn],
  ['body', '오버헤드', contextSwitching],
  ['body', 'PCB', processConcept],

  // A name with a mention, a request or a second word around it: the name wins over bodies holding all the words.
  ['extra-words', '@everyone 컨테이너', container],
  ['extra-words', '<@123456789012345678> 컨테이너', container],
  ['extra-words', '컨테이너 please', container],
  ['extra-words', '<@&123> docker', docker],
  ['extra-words', '@here kernel', kernel],
  ['extra-words', 'please explain container', container],
  ['extra-words', 'git commit', commit],
  ['extra-words', '도커를 설명해줘', docker],
  ['extra-words', 'kubernetes의 장점', kubernetes],
  ['extra-words', 'reverse proxy server', proxy],
  ['extra-words', '<@123> 컨테니어', container],
  ['extra-words', 'context switch 오버헤드', contextSwitching],
  ['extra-words', '컨테이너 컨테이너 컨테이너', container],

  ['negative', 'banana', null],
  ['negative', '파이썬', null],
  ['negative', 'asdf', null],
  ['negative', 'ㅎㅎ', null],
  ['negative', 'the', null],
  ['negative', 'a', null],
  ['negative', '1', null],
  ['negative', '@everyone', null],
  ['negative', 'xyzzy', null],
  ['negative', '피자', null],
  ['negative', 'qwerty', null],
  ['negative', '!!!', null],
  ['negative', '', null],
  ['negative', '자바스크립트', null],
  ['negative', 'what is', null],
  ['negative', 'banana please', null],
  ['negative', '<@123456789012345678>', null],
  ['negative', '파이썬 뭐야', null],
  ['negative', 'please help me', null],
  ['negative', '@everyone @here', null],
];

export const queryTable: readonly QueryCase[] = table.map(([category, query, expected]) => ({ query, expected, category }));

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixtureNotesDir = path.join(repoRoot, 'test/fixtures/notes');

/**
 * The fixture notes, among them a copy of the team's first note. Never data/docs: adding or editing a
 * shipped note must not move the measured quality (`.ci/run` checks the shipped notes with `kb check`).
 */
export async function readQualityNotes(): Promise<NoteFile[]> {
  return (await readNoteFiles(fixtureNotesDir)).files;
}

export interface QualityResult {
  total: number;
  top1: number;
  top1Rate: number;
  negativesWithHits: string[];
  misses: { query: string; expected: string | null; got: string | null }[];
}

/** Runs the table through a search function returning concept ids best first. */
export function measureQuality(
  search: (query: string) => readonly string[],
  cases: readonly Pick<QueryCase, 'query' | 'expected'>[] = queryTable,
): QualityResult {
  let top1 = 0;
  const negativesWithHits: string[] = [];
  const misses: QualityResult['misses'] = [];
  for (const { query, expected } of cases) {
    const ids = search(query);
    const got = ids[0] ?? null;
    if (got === expected) top1++;
    else misses.push({ query, expected, got });
    if (expected === null && ids.length > 0) negativesWithHits.push(query);
  }
  return { total: cases.length, top1, top1Rate: top1 / cases.length, negativesWithHits, misses };
}
