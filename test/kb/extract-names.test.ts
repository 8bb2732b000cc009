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
});
