import { describe, expect, it } from 'vitest';
import { findLeakedName, maskNames } from '../../src/quiz/mask-names.js';

describe('maskNames', () => {
  it('masks names in both languages whatever their case', () => {
    expect(maskNames('DOCKER는 도커 엔진과 docker CLI로 이루어진다.', ['도커', 'Docker'])).toBe('＿＿＿는 ＿＿＿ 엔진과 ＿＿＿ CLI로 이루어진다.');
  });

  it('masks a Korean name inside a compound and before a particle', () => {
    expect(maskNames('도커 컨테이너는 도커파일로 만든다.', ['도커'])).toBe('＿＿＿ 컨테이너는 ＿＿＿파일로 만든다.');
  });

  it('matches names whatever the spacing or hyphenation', () => {
    expect(maskNames('가상머신과 가상 머신은 같다.', ['가상 머신'])).toBe('＿＿＿과 ＿＿＿은 같다.');
    expect(maskNames('operating system level virtualization 방식', ['operating-system-level virtualization'])).toBe('＿＿＿ 방식');
  });

  it('masks a short Latin alias only as a whole word', () => {
    expect(maskNames('가상화 엔진(VE)은 level 단위로 동작한다.', ['VE'])).toBe('가상화 엔진(＿＿＿)은 level 단위로 동작한다.');
  });

  it('masks the longer name where names overlap and folds a name with its gloss into one mask', () => {
    expect(
      maskNames('소프트웨어 컨테이너(software container)와 컨테이너(Container)', [
        '컨테이너',
        'Container',
        '소프트웨어 컨테이너',
        'software container',
      ]),
    ).toBe('＿＿＿와 ＿＿＿');
  });
});

describe('findLeakedName', () => {
  it('finds a name across spacing and case', () => {
    expect(findLeakedName('가상머신 위에서', ['Instance', '가상 머신'])).toBe('가상 머신');
    expect(findLeakedName('the DOCKERFILE lists steps', ['Docker'])).toBe('Docker');
  });

  it('does not find a one- or two-letter Latin name inside a longer word', () => {
    expect(findLeakedName('a low level design', ['VE'])).toBeUndefined();
    expect(findLeakedName('엔진(VE)', ['VE'])).toBe('VE');
  });

  it('finds nothing in a properly masked text', () => {
    expect(findLeakedName('＿＿＿는 리눅스의 응용 프로그램을 배치한다.', ['도커', 'Docker'])).toBeUndefined();
  });
});
