import { describe, expect, it } from 'vitest';
import { ConceptIndex } from '../../src/search/concept-index.js';
import type { SearchHit } from '../../src/search/types.js';
import { makeConcept, sharedNoteConcepts } from './make-concept.js';

const index = ConceptIndex.build(sharedNoteConcepts);
const topId = (query: string) => index.search(query)[0]?.concept.id;

describe('ConceptIndex.search', () => {
  it('finds a name regardless of case, spaces, hyphens and punctuation', () => {
    for (const query of ['가상머신', '가상 머신', 'VIRTUAL-machine', 'virtual machine!', 'Ｖｉｒｔｕａｌ Ｍａｃｈｉｎｅ']) {
      const [hit] = index.search(query);
      expect(hit?.concept.id, query).toBe('docker-kubernetes/instance');
      expect(hit?.matchKind, query).toBe('exact');
      expect(hit?.score, query).toBe(1);
    }
  });

  it('finds Hangul typed in decomposed form, as some systems store it', () => {
    expect(topId('컨테이너'.normalize('NFD'))).toBe('docker-kubernetes/container');
  });

  it('finds an alias the body states, ranked as an alias', () => {
    const [hit] = index.search('jail');
    expect(hit).toMatchObject({ matchKind: 'alias', matchedName: 'Jail', confident: true });
    expect(hit?.concept.id).toBe('docker-kubernetes/container');
  });

  it('finds Kubernates for "kubernetes", one letter off, first and confidently', () => {
    const hits = index.search('kubernetes');
    expect(hits[0]?.concept.id).toBe('docker-kubernetes/kubernates');
    expect(hits[0]).toMatchObject({ matchKind: 'fuzzy', confident: true });
  });

  it('forgives typos in both languages', () => {
    expect(topId('dokcer')).toBe('docker-kubernetes/docker');
    expect(topId('kernal')).toBe('docker-kubernetes/kernel');
    expect(topId('컨테니어')).toBe('docker-kubernetes/container');
    expect(topId('쿠버내티스')).toBe('docker-kubernetes/kubernates');
  });

  it('matches chosung initials, whole and as a beginning', () => {
    expect(index.search('ㅋㅌㅇㄴ')[0]).toMatchObject({ matchKind: 'chosung', confident: true });
    expect(topId('ㅋㅌㅇㄴ')).toBe('docker-kubernetes/container');
    expect(topId('ㄱㅅㅁㅅ')).toBe('docker-kubernetes/instance');
    expect(topId('ㅋㅂㄴ')).toBe('docker-kubernetes/kubernates');
  });

  it('completes a Hangul prefix typed mid-syllable', () => {
    expect(topId('컨테')).toBe('docker-kubernetes/container');
    expect(topId('컨ㅌ')).toBe('docker-kubernetes/container');
    expect(index.search('컨ㅌ')[0]?.confident).toBe(true);
  });

  it('understands question phrasing in Korean and English', () => {
    expect(topId('쿠버네티스란')).toBe('docker-kubernetes/kubernates');
    expect(topId('what is docker')).toBe('docker-kubernetes/docker');
    expect(topId('도커가 뭐야?')).toBe('docker-kubernetes/docker');
    expect(topId('커널이')).toBe('docker-kubernetes/kernel');
    expect(index.search('쿠버네티스란')[0]?.confident).toBe(true);
  });

  it('finds the concept a word is explained in when no name matches', () => {
    expect(index.search('스케일링')[0]).toMatchObject({ matchKind: 'body', matchedName: '쿠버네티스' });
    expect(topId('LAN')).toBe('docker-kubernetes/computer-cluster');
    expect(topId('에뮬레이션')).toBe('docker-kubernetes/instance');
  });

  it('does not mix in body mentions when a name matches', () => {
    const hits = index.search('docker');
    expect(hits.map((hit) => hit.concept.id)).toEqual(['docker-kubernetes/docker']);
  });

  it('returns nothing for queries that match nothing relevant', () => {
    for (const query of ['banana', '파이썬', 'asdf', 'ㅎㅎ', 'the', 'a', '1', '@everyone', '', '   ', '?']) {
      expect(index.search(query), query).toEqual([]);
    }
  });

  it('lists each concept once, best first, scores between 0 and 1', () => {
    const hits = index.search('가상', { limit: 50 });
    const ids = hits.map((hit) => hit.concept.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('docker-kubernetes/instance');
    expect(ids).toContain('docker-kubernetes/container');
    for (const [i, hit] of hits.entries()) {
      expect(hit.score).toBeGreaterThan(0);
      expect(hit.score).toBeLessThanOrEqual(1);
      if (i > 0) expect(hit.score).toBeLessThanOrEqual(hits[i - 1]!.score);
    }
    expect(hits[0]?.confident).toBe(false);
  });

  it('finds a name among mentions, requests and other words before any body that holds them all', () => {
    for (const query of ['@everyone 컨테이너', '<@123456789012345678> 컨테이너', '컨테이너 please', 'please explain container']) {
      const [hit] = index.search(query);
      expect(hit?.concept.id, query).toBe('docker-kubernetes/container');
      expect(hit?.matchKind, query).toBe('exact');
      expect(hit?.confident, query).toBe(true);
    }
    // 쿠버네티스's body holds both 도커 and 컨테이너; the two concepts named come first, and neither is certain.
    const hits = index.search('도커 컨테이너 please');
    expect(hits.map((hit) => hit.concept.id).sort()).toEqual(['docker-kubernetes/container', 'docker-kubernetes/docker']);
    expect(hits.some((hit) => hit.confident)).toBe(false);
  });

  it('credits a word to the concept it names, not to one whose longer alias merely contains it', () => {
    const concepts = [
      makeConcept({ id: 'os/process', names: ['프로세스', 'Process'] }),
      makeConcept({ id: 'os/thread', names: ['스레드', 'Thread'], aliases: ['Lightweight Process'] }),
    ];
    const hits = ConceptIndex.build(concepts).search('process and thread');
    expect(hits.map((hit) => hit.concept.id)).toEqual(['os/process', 'os/thread']);
    expect(hits.map((hit) => hit.confident)).toEqual([false, false]);
  });

  it('lets a word that many names share pass, so the one name the query holds is found', () => {
    const many = Array.from({ length: 150 }, (_, i) => makeConcept({ id: `n/system-${i}`, names: [`System Part ${i}`] }));
    const crowded = ConceptIndex.build([...many, makeConcept({ id: 'n/kernel', names: ['Kernel'] })]);
    expect(crowded.search('system kernel')[0]).toMatchObject({ concept: { id: 'n/kernel' }, confident: true });
  });

  it('survives what people paste: very long text, symbols, emoji, invisible characters, markup', () => {
    const odd = [
      '컨테이너 '.repeat(1200),
      'x'.repeat(6000),
      '!!!???...',
      '😀😀',
      '\u200b\u200b',
      'ㅋ',
      '컨',
      "'; DROP TABLE concepts; --",
      '**',
      '[a-z]+',
      '\\',
      'кубернетес',
    ];
    for (const query of odd) {
      expect(() => index.search(query), query).not.toThrow();
      expect(index.autocomplete(query).length, query).toBeLessThanOrEqual(25);
    }
    expect(topId('컨테이너 '.repeat(1200))).toBe('docker-kubernetes/container');
    // Markup and invisible characters around a name are not part of it.
    expect(topId('**docker**')).toBe('docker-kubernetes/docker');
    expect(topId('`docker`')).toBe('docker-kubernetes/docker');
    expect(topId('con\u200btainer')).toBe('docker-kubernetes/container');
    for (const query of ['x'.repeat(6000), '!!!???...', '😀😀', '\u200b\u200b', "'; DROP TABLE concepts; --"])
      expect(index.search(query), query).toEqual([]);
  });

  it('keeps to one note when asked', () => {
    const other = makeConcept({ id: 'other/docker-compose', names: ['도커 컴포즈', 'Docker Compose'] });
    const both = ConceptIndex.build([...sharedNoteConcepts, other]);
    expect(both.search('도커', { documentId: 'other' }).map((hit) => hit.concept.id)).toEqual(['other/docker-compose']);
    expect(both.search('도커').map((hit) => hit.concept.id)).toEqual(['docker-kubernetes/docker', 'other/docker-compose']);
  });
});

describe('ConceptIndex.autocomplete', () => {
  it('lists the first 25 concepts alphabetically for an empty query', () => {
    const many = Array.from({ length: 40 }, (_, i) => makeConcept({ id: `n/c${i}`, names: [`Concept ${String(i).padStart(2, '0')}`] }));
    const hits = ConceptIndex.build(many).autocomplete('');
    expect(hits).toHaveLength(25);
    expect(hits.map((hit) => hit.concept.names[0])).toEqual(many.slice(0, 25).map((concept) => concept.names[0]));
  });

  it('offers names that start with what is typed, shortest completion first', () => {
    const concepts = [
      makeConcept({ id: 'n/docker-compose', names: ['Docker Compose'] }),
      makeConcept({ id: 'n/docker', names: ['Docker'] }),
      makeConcept({ id: 'n/dns', names: ['DNS'] }),
    ];
    const hits = ConceptIndex.build(concepts).autocomplete('d');
    expect(hits.map((hit) => hit.concept.id)).toEqual(['n/dns', 'n/docker', 'n/docker-compose']);
    expect(
      ConceptIndex.build(concepts)
        .autocomplete('doc')
        .map((hit) => hit.concept.id),
    ).toEqual(['n/docker', 'n/docker-compose']);
  });

  it('offers Hangul names from a single consonant or a half-typed syllable', () => {
    const ids = index.autocomplete('ㅋ').map((hit) => hit.concept.id);
    // Whole names first; 컴퓨터 클러스터 only through its second word.
    expect(ids.slice(0, 3).sort()).toEqual(['docker-kubernetes/container', 'docker-kubernetes/kernel', 'docker-kubernetes/kubernates']);
    expect(ids[3]).toBe('docker-kubernetes/computer-cluster');
    // `컨` is also what the keyboard shows halfway through typing 커널.
    expect(index.autocomplete('컨').map((hit) => hit.concept.id)).toEqual(['docker-kubernetes/container', 'docker-kubernetes/kernel']);
    expect(index.autocomplete('컨ㅌ').map((hit) => hit.concept.id)).toEqual(['docker-kubernetes/container']);
    expect(index.autocomplete('ㅋㅌ').map((hit) => hit.concept.id)).toEqual(['docker-kubernetes/container']);
  });

  it('puts names that start with the syllables as typed before names that only share their jamo', () => {
    const ids = (hits: readonly SearchHit[]) => hits.map((hit) => hit.concept.id);
    expect(ids(index.autocomplete('컨'))[0]).toBe('docker-kubernetes/container');
    const afterKeo = ids(index.autocomplete('커'));
    expect(afterKeo[0]).toBe('docker-kubernetes/kernel');
    expect(afterKeo).toContain('docker-kubernetes/container');
    // 컨텐츠 would cover more of its jamo, but `컨테` is how 컨테이너 is spelled, not 컨텐츠.
    const withContents = ConceptIndex.build([...sharedNoteConcepts, makeConcept({ id: 'n/contents', names: ['컨텐츠', 'Contents'] })]);
    expect(ids(withContents.autocomplete('컨테'))).toEqual(['docker-kubernetes/container', 'n/contents']);
    expect(ids(withContents.search('컨테'))).toEqual(['docker-kubernetes/container', 'n/contents']);
    // Latin has no syllables to disagree on: how much of a name it covers still ranks it.
    expect(ids(index.autocomplete('k'))).toEqual(['docker-kubernetes/kernel', 'docker-kubernetes/kubernates']);
  });

  it('lets the jamo alone rank a syllable being typed when no name starts with it as typed', () => {
    // `커너` is the keyboard on the way to 커널; the typo guess 코너 must not get ahead of it.
    const withCorner = ConceptIndex.build([...sharedNoteConcepts, makeConcept({ id: 'n/corner', names: ['코너', 'Corner'] })]);
    expect(withCorner.search('커너')[0]).toMatchObject({ concept: { id: 'docker-kubernetes/kernel' }, matchKind: 'prefix', confident: true });
    expect(withCorner.autocomplete('커너')[0]?.concept.id).toBe('docker-kubernetes/kernel');
  });

  it('never offers more than 25 choices', () => {
    const many = Array.from({ length: 60 }, (_, i) => makeConcept({ id: `n/c${i}`, names: [`도구 ${i}`] }));
    expect(ConceptIndex.build(many).autocomplete('도')).toHaveLength(25);
    expect(ConceptIndex.build(many).autocomplete('도', 5)).toHaveLength(5);
  });

  it('answers a crowded short prefix the same from its build-time ranking as from a full scan', () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      makeConcept({ id: `n/c${i}`, names: [`${i % 2 ? '도구' : '도메인'} ${'가나다라마바사'[i % 7]}${i}`, `Tool ${i}`] }),
    );
    const crowded = ConceptIndex.build(many);
    for (const prefix of ['도', 'ㄷ', '돔', 't', 'to', 'ㄷㄱ']) {
      const fromRanking = crowded.autocomplete(prefix).map((hit) => `${hit.concept.id}:${hit.score}`);
      // Asking for more than 25 choices always scans.
      const fromScan = crowded
        .autocomplete(prefix, 26)
        .slice(0, 25)
        .map((hit) => `${hit.concept.id}:${hit.score}`);
      expect(fromRanking, prefix).toEqual(fromScan);
      expect(fromRanking.length, prefix).toBeGreaterThan(0);
    }
  });

  it('puts the syllables as typed first in its build-time ranking, the same as a full scan', () => {
    // One in six is a 컨테이너: at `컨` those 20 come first, then 커널s fill the 25 choices.
    const many = Array.from({ length: 120 }, (_, i) =>
      makeConcept({ id: `n/c${i}`, names: [`${i % 6 ? '커널' : '컨테이너'} ${'가나다라마바사'[i % 7]}${i}`] }),
    );
    const crowded = ConceptIndex.build(many);
    for (const prefix of ['컨', '커', '컨ㅌ', '커너', 'ㅋ']) {
      const fromRanking = crowded.autocomplete(prefix).map((hit) => `${hit.concept.id}:${hit.score}`);
      const fromScan = crowded
        .autocomplete(prefix, 26)
        .slice(0, 25)
        .map((hit) => `${hit.concept.id}:${hit.score}`);
      expect(fromRanking, prefix).toEqual(fromScan);
    }
    const names = crowded.autocomplete('컨').map((hit) => hit.concept.names[0]!);
    expect(names).toHaveLength(25);
    expect(names.slice(0, 20).every((name) => name.startsWith('컨테이너'))).toBe(true);
    expect(names.slice(20).every((name) => name.startsWith('커널'))).toBe(true);
  });

  it('falls back to typo-tolerant search when nothing starts with the text', () => {
    expect(index.autocomplete('kubernetes')[0]?.concept.id).toBe('docker-kubernetes/kubernates');
    expect(index.autocomplete('banana')).toEqual([]);
  });
});
