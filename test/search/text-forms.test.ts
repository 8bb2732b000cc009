import { describe, expect, it } from 'vitest';
import { boundedEditDistance } from '../../src/search/edit-distance.js';
import { formatConceptLabel } from '../../src/search/format-concept-name.js';
import { assembleJamo, isChosungQuery, toChosung, toJamo, trimTrailingJamo } from '../../src/search/hangul.js';
import { normalizeText, splitWords } from '../../src/search/normalize-text.js';
import { listQueryVariants } from '../../src/search/query-phrasing.js';

describe('normalizeText', () => {
  it('ignores case, spaces, hyphens, punctuation and full-width forms', () => {
    expect(normalizeText('Operating-System Level!')).toBe('operatingsystemlevel');
    expect(normalizeText('가상 머신')).toBe(normalizeText('가상머신'));
    expect(normalizeText('ＤＯＣＫＥＲ')).toBe('docker');
  });

  it('keeps keyboard jamo as typed, so chosung queries survive', () => {
    expect(normalizeText('ㅋㅌㅇㄴ')).toBe('ㅋㅌㅇㄴ');
    expect(isChosungQuery(normalizeText('ㅋㅌㅇㄴ'))).toBe(true);
    expect(normalizeText('\u1100\u1161')).toBe('가');
  });

  it('splits words where Latin meets Hangul', () => {
    expect(splitWords('**WireGuard**가 있다')).toEqual(['wireguard', '가', '있다']);
  });
});

describe('Hangul forms', () => {
  it('disassembles into jamo and initials', () => {
    expect(toJamo('컨테이너')).toBe('ㅋㅓㄴㅌㅔㅇㅣㄴㅓ');
    expect(toChosung('가상머신')).toBe('ㄱㅅㅁㅅ');
    expect(toChosung('docker')).toBeUndefined();
  });

  it('tells the syllables as typed from the jamo still being typed, and assembles jamo as the keyboard shows them', () => {
    expect(trimTrailingJamo('컨ㅌ')).toBe('컨');
    expect(trimTrailingJamo('ㅋㅌ')).toBe('');
    expect(trimTrailingJamo('docker')).toBe('docker');
    expect(assembleJamo('ㅋㅓㄴ')).toBe('컨');
    expect(assembleJamo('ㅋㅓㄴㅌ')).toBe('컨ㅌ');
    expect(assembleJamo('ㅋㅓㄴㅓ')).toBe('커너');
    expect(assembleJamo('ker')).toBe('ker');
  });
});

describe('boundedEditDistance', () => {
  it('counts a swap of neighbours as one edit and gives up past the bound', () => {
    expect(boundedEditDistance('dokcer', 'docker', 2)).toBe(1);
    expect(boundedEditDistance('kubernetes', 'kubernates', 2)).toBe(1);
    expect(boundedEditDistance('banana', 'docker', 2)).toBe(3);
  });
});

describe('listQueryVariants', () => {
  it('strips question phrasing and a trailing particle', () => {
    expect(listQueryVariants('쿠버네티스란').map((v) => v.text)).toEqual(['쿠버네티스란', '쿠버네티스']);
    expect(listQueryVariants('What is Docker?').map((v) => v.text)).toEqual(['what is docker?', 'docker']);
    expect(listQueryVariants('컨테이너는 무엇인가요').map((v) => v.text)).toContain('컨테이너');
    expect(listQueryVariants('도커를').map((v) => v.text)).toEqual(['도커를', '도커']);
  });
});

describe('formatConceptLabel', () => {
  it('shows a Korean name with its English name', () => {
    expect(formatConceptLabel({ title: '', names: ['컨테이너', 'Container', '운영 체제 수준 가상화'] })).toBe('컨테이너 (Container)');
    expect(formatConceptLabel({ title: '', names: ['DNS', 'Domain Name System'] })).toBe('DNS');
    expect(formatConceptLabel({ title: '', names: ['교착 상태'] })).toBe('교착 상태');
  });

  it('stays within Discord’s 100 characters', () => {
    const label = formatConceptLabel({ title: '', names: ['가'.repeat(80), 'B'.repeat(80)] });
    expect(label.length).toBeLessThanOrEqual(100);
    expect(label.endsWith('…')).toBe(true);
  });
});
