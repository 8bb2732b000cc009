// The subsection layer: a query that is exactly a heading inside a concept (`### 요구 페이징` in 가상 메모리,
// `PCB` in 프로세스) finds that concept, below any concept named so and above every prefix.
import { genericWords } from '../kb/extract-names.js';
import type { Concept } from '../kb/types.js';
import { normalizeText } from './normalize-text.js';

export interface SubsectionHolder {
  conceptIndex: number;
  /** The heading as written, for `matchedName`. */
  text: string;
}

/** Normalized subsection heading names → the concepts holding them; matched whole only. */
export function indexSubsectionHeadings(concepts: readonly Concept[]): Map<string, SubsectionHolder[]> {
  const headings = new Map<string, SubsectionHolder[]>();
  concepts.forEach((concept, conceptIndex) => {
    for (const subsection of concept.subsections) {
      for (const text of [subsection.title, ...subsection.names]) {
        const normalized = normalizeText(text);
        // A heading such as `특징` or `예시` is part of every topic; it names none.
        if (normalized.length < 2 || genericHeadings.has(normalized)) continue;
        const holders = headings.get(normalized) ?? [];
        if (!holders.some((holder) => holder.conceptIndex === conceptIndex)) holders.push({ conceptIndex, text });
        headings.set(normalized, holders);
      }
    }
  });
  return headings;
}

/** Headings every topic has (`특징`, `장점`, `Example`): a search for them means no particular concept. */
const genericHeadings = new Set([
  ...genericWords,
  // Headings that organise a section without naming a term, beyond the words a concept name may not be.
  ...['장단점', '사용예', '동작원리', '동작방식', '문제점', '해결방법', '코드', '실습', '질문', 'introduction', 'summary', 'code'],
]);
