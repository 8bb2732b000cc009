// Which `##` sections are not concepts: a summary of the whole note, or its sources.
import { extractNames } from './extract-names.js';

export type SectionKind = 'concept' | 'summary' | 'references';

const summaryTitles = new Set([
  '정리', '요약', '결론', '마무리', '총정리', '요약정리', '정리하기', '한줄요약', '핵심정리', '핵심요약',
  'summary', 'tldr', 'conclusion', 'conclusions', 'recap', 'wrapup', 'takeaways', 'keytakeaways',
]);

const referenceTitles = new Set([
  '참고', '참고자료', '참고문헌', '참고링크', '참고사이트', '참조', '출처', '레퍼런스', '관련링크', '관련자료', '더읽을거리',
  'references', 'reference', 'seealso', 'links', 'sources', 'source', 'furtherreading', 'bibliography', 'resources', 'citations',
]);

/**
 * Plain `링크` is left out on purpose: `## 링크(Link)` is a networking concept more often than a list of links.
 * Spacing, case and punctuation are ignored: `참고 자료`, `TL;DR`, `See also:` and `5. 정리` all count. */
export function classifySection(heading: string): SectionKind {
  const candidates = [heading, extractNames(heading)[0] ?? ''].map(normalizeTitle);
  if (candidates.some((title) => summaryTitles.has(title))) return 'summary';
  if (candidates.some((title) => referenceTitles.has(title))) return 'references';
  return 'concept';
}

function normalizeTitle(title: string): string {
  return title
    .normalize('NFC')
    .toLowerCase()
    .replace(/^\s*(?:\d+(?:\.\d+)*[.)]?|[ivx]+\.)\s+/, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}
