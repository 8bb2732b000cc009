import type { Concept } from '../kb/types.js';
import { containsHangul, containsLatin } from './normalize-text.js';

const maxLabelLength = 100;

/**
 * `컨테이너 (Container)`: the first name, plus the first Latin name when the first one is Korean, so both
 * kinds of reader recognise it. Discord caps choice names at 100 characters.
 */
export function formatConceptLabel(concept: Pick<Concept, 'names' | 'title'>): string {
  const first = concept.names[0] ?? concept.title;
  const latin = containsHangul(first) ? concept.names.find((name) => containsLatin(name) && !containsHangul(name)) : undefined;
  return truncateText(latin ? `${first} (${latin})` : first, maxLabelLength);
}

/** At most `max` UTF-16 units (the stricter way to count Discord's limits), cut between characters. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  let kept = '';
  for (const char of text) {
    if (kept.length + char.length > max - 1) break;
    kept += char;
  }
  return kept + '…';
}
