// Notes that stress start-up: many concepts, megabytes of prose, one huge line, absurd nesting. Deterministic, so
// runs compare; written by the start-up bench and the start-up drill tests, never read from data/docs.
import { createBenchRandom } from './bench-stats.js';

const terms: readonly [string, string][] = [
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
  ['커널', 'Kernel'],
  ['드라이버', 'Driver'],
  ['인덱스', 'Index'],
  ['트랜잭션', 'Transaction'],
  ['패킷', 'Packet'],
];
const endings = [
  '은 여러 서버에서 동작하는 구성 요소이다.',
  '를 이용해 요청을 처리한다.',
  '의 상태를 주기적으로 확인한다.',
  '와 함께 쓰이는 방식이다.',
  '는 장애가 생기면 자동으로 복구된다.',
];

/** `count` concepts in one note, each a `##` section with a unique Korean (English) name and three bullets. */
export function manyConceptsNote(count: number): string {
  const random = createBenchRandom(count);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const lines = ['# 합성 개념 노트', ''];
  for (let index = 1; index <= count; index++) {
    const [korean, english] = pick(terms);
    const [otherKorean, otherEnglish] = pick(terms);
    lines.push(`## ${korean} ${otherKorean} ${index}(${english} ${otherEnglish} ${index})`, '');
    for (let bullet = 0; bullet < 3; bullet++) {
      const [word, latin] = pick(terms);
      lines.push(`- ${korean} ${otherKorean} ${index}${pick(endings)} **${word}(${latin})**${pick(endings)}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** A paragraph of realistic Korean prose with English terms in parentheses, about `bytes` UTF-8 bytes long. */
function prose(random: () => number, bytes: number): string {
  const words: string[] = [];
  let size = 0;
  while (size < bytes) {
    const [korean, english] = terms[Math.floor(random() * terms.length)] as [string, string];
    const word =
      random() < 0.3
        ? `${korean}(${english})`
        : random() < 0.5
          ? korean + (endings[Math.floor(random() * endings.length)] ?? '')
          : english.toLowerCase();
    words.push(word);
    size += Buffer.byteLength(word) + 1;
  }
  return words.join(' ');
}

/** `sections` concepts of paragraphs and bullets (each line a few hundred bytes), `totalBytes` in all. */
export function largeProseNote(totalBytes: number, sections = 44): string {
  const random = createBenchRandom(totalBytes);
  const perSection = Math.floor(totalBytes / sections);
  const parts = ['# 긴 노트', ''];
  for (let index = 1; index <= sections; index++) {
    const [korean, english] = terms[index % terms.length] as [string, string];
    parts.push(`## ${korean} 개념 ${index}(${english} concept ${index})`, '');
    let written = 0;
    for (let block = 0; written < perSection; block++) {
      const text = prose(random, 200 + Math.floor(random() * 400));
      parts.push(block % 3 === 0 ? `${text}\n` : `- ${text}`);
      written += Buffer.byteLength(text) + 3;
    }
    parts.push('');
  }
  return parts.join('\n');
}

/** One concept whose body is a single line of `bytes` bytes. */
export function oneLineNote(bytes: number): string {
  return `# 한 줄 노트\n\n## 긴 줄(Long line)\n\n${prose(createBenchRandom(bytes), bytes)}\n`;
}

/** A concept whose body is `markers` list markers on one line (`- - - - … text`): as many nested lists. */
export function deepListNote(markers: number): string {
  return `# 중첩 노트\n\n## 중첩 목록(Nested list)\n\n${'- '.repeat(markers)}끝\n\n## 보통 개념(Plain concept)\n\n- 평범한 설명이다.\n`;
}

/** A concept whose body is `depth` blockquote markers on one line. */
export function deepQuoteNote(depth: number): string {
  return `# 인용 노트\n\n## 중첩 인용(Nested quote)\n\n${'> '.repeat(depth)}끝\n\n## 보통 개념(Plain concept)\n\n- 평범한 설명이다.\n`;
}
