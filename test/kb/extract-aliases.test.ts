import { describe, expect, it } from 'vitest';
import { extractAliases } from '../../src/kb/extract-aliases.js';

const containerStatement =
  '정식 명칭은 운영 체제 수준 가상화(operating-system-level virtualization)이며, 이는 컨테이너(container), 소프트웨어 컨테이너(software container), 가상화 엔진(VE, Virtualization Engine), Jail이라고도 부른다.';

describe('extractAliases', () => {
  it('takes every term of a "…라고도 부른다" list, with the names in their parentheses, in the order written', () => {
    const aliases = extractAliases([containerStatement], ['컨테이너', 'Container', '운영 체제 수준 가상화']);
    expect(aliases).toEqual([
      'operating-system-level virtualization',
      '소프트웨어 컨테이너',
      'software container',
      '가상화 엔진',
      'VE',
      'Virtualization Engine',
      'Jail',
    ]);
  });

  it('never repeats a name of the concept, whatever its case', () => {
    const aliases = extractAliases([containerStatement], ['컨테이너', 'Container', '운영 체제 수준 가상화']);
    expect(aliases.map((alias) => alias.toLowerCase())).not.toContain('container');
    expect(aliases).not.toContain('운영 체제 수준 가상화');
  });

  it('takes a parenthesis right after one of the concept names: 가상 머신(VM)', () => {
    const aliases = extractAliases(
      ['즉, 인스턴스 = 비용 지불이 완료된 또는 현재 동작 중인 가상 머신(VM)'],
      ['인스턴스', 'Instance', '가상 머신', 'Virtual Machine'],
    );
    expect(aliases).toEqual(['VM']);
  });

  it('treats a parenthesis after another word as a gloss, not an alias', () => {
    const aliases = extractAliases(
      [
        '가상 머신은 컴퓨터를 에뮬레이션(복제)하는 소프트웨어이다.',
        'Google 인프라에서 호스팅(서버 컴퓨터를 임대해 주는 것)되는 가상 머신이다.',
        '컨테이너 도구(tool)들과 함께 동작한다.',
      ],
      ['인스턴스', '가상 머신'],
    );
    expect(aliases).toEqual([]);
  });

  it('does not take "또는" as part of a parenthesised name', () => {
    expect(extractAliases(['가상 머신(또는 VM 인스턴스)는 소프트웨어이다.'], ['가상 머신'])).toEqual(['VM 인스턴스']);
  });

  it('takes the short forms an author pairs with the last words of both names: 클러스터(Cluster)', () => {
    const aliases = extractAliases(['클러스터(Cluster)는 집합이라는 의미를 가지고 있다.'], ['컴퓨터 클러스터', 'Computer Cluster']);
    expect(aliases).toEqual(['클러스터', 'Cluster']);
  });

  it('does not make the last word of a name an alias without such a pairing', () => {
    expect(extractAliases(['머신은 기계라는 뜻이다.', '클러스터는 집합이다.'], ['가상 머신', '컴퓨터 클러스터', 'Computer Cluster'])).toEqual([]);
  });

  it('ignores a parenthesis that names a longer compound ending with the concept name', () => {
    const aliases = extractAliases(['웹 애플리케이션 방화벽(WAF, Web Application Firewall)은 HTTP 요청을 검사한다.'], ['방화벽', 'Firewall']);
    expect(aliases).toEqual([]);
  });

  it('starts a "라고도" list after the phrase that describes the concept', () => {
    const aliases = extractAliases(
      ['스레드는 프로세스 안에서 실행되는 흐름의 단위로, 경량 프로세스(LWP, Lightweight Process)라고도 부른다.'],
      ['스레드', 'Thread'],
    );
    expect(aliases).toEqual(['경량 프로세스', 'LWP', 'Lightweight Process']);
  });

  it('keeps a vowel-final 이 that belongs to the word before 라고도', () => {
    expect(extractAliases(['이 장비는 게이트웨이라고도 부른다.'], ['라우터'])).toEqual(['게이트웨이']);
  });

  it('reads English naming phrases: also called, also known as, aka', () => {
    expect(extractAliases(['A load balancer is also called a reverse proxy or an LB.'], ['Load Balancer'])).toEqual(['a reverse proxy', 'an LB']);
    expect(extractAliases(['Deadlock (also known as deadly embrace) stops every process.'], ['Deadlock'])).toEqual(['deadly embrace']);
  });

  it('skips empty and overly long aliases', () => {
    const long = 'Virtual Machine Monitor Based Execution Environment';
    expect(extractAliases([`이는 ${long}, VM이라고도 부른다.`], ['가상 머신'])).toEqual(['VM']);
    expect(extractAliases(['가상 머신( )은 비어 있다.'], ['가상 머신'])).toEqual([]);
  });

  it('takes the Korean word before a parenthesised Latin name of the concept: 뮤텍스(Mutex)', () => {
    expect(extractAliases(['뮤텍스(Mutex) 는 한 번에 하나의 스레드만 들어가게 잠근다.'], ['Semaphore', 'Mutex'])).toEqual(['뮤텍스']);
    expect(extractAliases(['자료를 옮기는 일(Mutex)이다.'], ['Semaphore', 'Mutex'])).toEqual([]);
    expect(extractAliases(['동기화 도구(Mutex)는 …'], ['Semaphore'])).toEqual([]);
  });

  it('does not take a term the sentence uses as its object after 줄여서', () => {
    expect(extractAliases(['다음 네 가지 성질, 줄여서 ACID를 만족해야 한다.'], ['트랜잭션'])).toEqual([]);
    expect(extractAliases(['가상 사설망은 줄여서 VPN이라 한다.'], ['가상 사설망'])).toEqual(['VPN']);
  });
});
