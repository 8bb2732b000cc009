import { describe, expect, it } from 'vitest';
import { extractNames } from '../../src/kb/extract-names.js';

describe('extractNames', () => {
  it.each([
    ['컨테이너(Container) 및 운영 체제 수준 가상화', ['컨테이너', 'Container', '운영 체제 수준 가상화']],
    ['인스턴스(Instance) 및 가상 머신(Virtual Machine)', ['인스턴스', 'Instance', '가상 머신', 'Virtual Machine']],
    ['가상 사설망(VPN, Virtual Private Network)', ['가상 사설망', 'VPN', 'Virtual Private Network']],
    ['쿠버네티스(Kubernates)', ['쿠버네티스', 'Kubernates']],
    ['컴퓨터 클러스터(Computer Cluster)', ['컴퓨터 클러스터', 'Computer Cluster']],
    ['로드 밸런서', ['로드 밸런서']],
    ['Load Balancing and Proxy', ['Load Balancing', 'Proxy']],
    ['병합(Merge) & 리베이스(Rebase)', ['병합', 'Merge', '리베이스', 'Rebase']],
    ['Merge / Rebase', ['Merge', 'Rebase']],
    ['프로세스/스레드', ['프로세스', '스레드']],
    ['인스턴스 또는 가상 머신', ['인스턴스', '가상 머신']],
  ])('reads the names of "%s"', (heading, names) => {
    expect(extractNames(heading)).toEqual(names);
  });

  it.each([['TCP/IP'], ['CI/CD'], ['R&D'], ['입/출력']])('keeps "%s" as one name, since the slash or ampersand is part of it', (heading) => {
    expect(extractNames(heading)).toEqual([heading]);
  });

  it('drops numbering and a trailing colon that only lay out the note', () => {
    expect(extractNames('1. 도커(Docker):')).toEqual(['도커', 'Docker']);
  });

  it('keeps a term whole when words follow its parentheses, because the parentheses only name a part of it', () => {
    expect(extractNames('DNS(Domain Name System) 레코드')).toEqual(['DNS 레코드']);
  });

  it('reads nested parentheses as more names of the inner term', () => {
    expect(extractNames('운영 체제(OS, Operating System)')).toEqual(['운영 체제', 'OS', 'Operating System']);
  });

  it('never repeats a name that differs only in case', () => {
    expect(extractNames('Docker(docker)')).toEqual(['Docker']);
  });

  it.each([
    ['2019.08.26.(월) [스터디] UDP란?', ['UDP']],
    ['2020-03-02 [TIL] TCP 3-way Handshake', ['TCP 3-way Handshake']],
    ['2021년 4월 7일 [Git] cherry-pick에 대해서', ['cherry-pick']],
    ['[CS 스터디] 캐시 메모리(Cache Memory)란?', ['캐시 메모리', 'Cache Memory']],
    ['정규화에 대해서', ['정규화']],
    ['인덱스(Index)란 무엇인가', ['인덱스', 'Index']],
    ['트랜잭션은 무엇인가?', ['트랜잭션']],
    ['What is a process?', ['process']],
  ])('drops the date, tag and question phrasing around "%s"', (heading, names) => {
    expect(extractNames(heading)).toEqual(names);
  });

  it.each([['혼란'], ['계란 요리'], ['결과 분석'], ['효과 측정']])('keeps "%s" whole: 란 and 과 end Hangul words too', (heading) => {
    expect(extractNames(heading)).toEqual([heading]);
  });

  it.each([
    ['TCP 와 UDP', ['TCP', 'UDP']],
    ['프로세스와 스레드', ['프로세스', '스레드']],
    ['멀티 프로세스와 멀티 스레드', ['멀티 프로세스', '멀티 스레드']],
    ['프로세스와 스레드의 차이', ['프로세스', '스레드']],
    ['Process vs Thread', ['Process', 'Thread']],
    ['Semaphore & Mutex', ['Semaphore', 'Mutex']],
    ['HTTP 요청 방식 - GET, POST', ['HTTP 요청 방식', 'GET', 'POST']],
    ['트랜잭션(Transaction)과 교착상태', ['트랜잭션', 'Transaction', '교착상태']],
  ])('makes each term of the joined heading "%s" a name', (heading, names) => {
    expect(extractNames(heading)).toEqual(names);
  });

  it.each([['장점, 단점'], ['데이터를 읽고, 쓰는 방법'], ['네트워크 기초: VPN, DNS, 로드 밸런서']])(
    'invents no names from the commas of the plain heading "%s"',
    (heading) => {
      expect(extractNames(heading)).toEqual([heading]);
    },
  );
});
