// Which sections are not concepts: a summary of the whole note, its sources, interview questions, or a
// table of contents.
import type { List, Nodes, RootContent } from 'mdast';
import { extractNames } from './extract-names.js';
import { walkNodes } from './markdown-text.js';

export type SectionKind = 'concept' | 'summary' | 'references' | 'questions' | 'contents';

const summaryTitles = new Set([
  '정리',
  '요약',
  '결론',
  '마무리',
  '총정리',
  '요약정리',
  '정리하기',
  '한줄요약',
  '핵심정리',
  '핵심요약',
  'summary',
  'tldr',
  'conclusion',
  'conclusions',
  'recap',
  'wrapup',
  'takeaways',
  'keytakeaways',
]);

const referenceTitles = new Set([
  '참고',
  '참고자료',
  '참고문헌',
  '참고링크',
  '참고사이트',
  '참조',
  '출처',
  '레퍼런스',
  '관련링크',
  '관련자료',
  '더읽을거리',
  'references',
  'reference',
  'seealso',
  'links',
  'sources',
  'source',
  'furtherreading',
  'bibliography',
  'resources',
  'citations',
]);

/** Interview and review questions: their question/answer pairs become flashcards, not a concept. */
const questionTitles = new Set([
  '질의응답',
  '질문',
  '질문과답변',
  '질문답변',
  '면접질문',
  '예상질문',
  '예상면접질문',
  '기술면접',
  '기술면접질문',
  '면접대비',
  '복습질문',
  'qa',
  'qna',
  'faq',
  'questions',
  'interviewquestions',
  'interview',
  'reviewquestions',
  'selfcheck',
]);

const contentsTitles = new Set(['목차', '차례', 'contents', 'tableofcontents', 'toc']);

/**
 * Plain `링크` is left out on purpose: `## 링크(Link)` is a networking concept more often than a list of links.
 * Spacing, case and punctuation are ignored: `참고 자료`, `TL;DR`, `See also:`, `Q&A` and `5. 정리` all count. */
export function classifySection(heading: string): SectionKind {
  const candidates = [heading, extractNames(heading)[0] ?? ''].map(normalizeTitle);
  if (candidates.some((title) => summaryTitles.has(title))) return 'summary';
  if (candidates.some((title) => referenceTitles.has(title))) return 'references';
  if (candidates.some((title) => questionTitles.has(title))) return 'questions';
  if (candidates.some((title) => contentsTitles.has(title))) return 'contents';
  return 'concept';
}

/**
 * A table of contents without a telling heading: nothing but lists whose every item is one link into the
 * note (`[프로세스](#프로세스)`). A stub that links out (`- [해시 테이블 정리](https://…)`) is no such list.
 */
export function isTableOfContents(nodes: readonly RootContent[]): boolean {
  const lists = nodes.filter((node): node is List => node.type === 'list');
  if (lists.length === 0 || lists.length !== nodes.length) return false;
  return lists.every((list) => list.children.every((item) => isAnchorLinkOnly(item)));
}

function isAnchorLinkOnly(node: Nodes): boolean {
  // Depth first in document order: a link is met before its own text, which is then known to be linked.
  const linked = new Set<Nodes>();
  let anchors = 0;
  for (const inner of walkNodes(node)) {
    if (inner.type === 'link') {
      if (!inner.url.startsWith('#')) return false;
      anchors++;
      for (const child of walkNodes(inner)) linked.add(child);
    } else if (inner.type === 'text' && inner.value.trim() !== '' && !linked.has(inner)) {
      return false;
    }
  }
  return anchors > 0;
}

function normalizeTitle(title: string): string {
  return title
    .normalize('NFC')
    .toLowerCase()
    .replace(/^\s*(?:\d+(?:\.\d+)*[.)]?|[ivx]+\.)\s+/, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}
