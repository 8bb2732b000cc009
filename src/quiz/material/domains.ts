import type { Concept, KnowledgeBase } from '../../kb/types.js';
import { minLinksForDomain } from './limits.js';

/**
 * The notes a note's questions may borrow wrong options from: itself first, then the notes in the same folder,
 * then the notes it shares a subject with (they mention each other, or one mentions the other three times). A root-level note with no such links is its own domain, so a
 * git question never offers a Docker option.
 */
export function buildDomains(kb: KnowledgeBase, conceptsByDocument: ReadonlyMap<string, Concept[]>): (documentId: string) => string[] {
  const documentOf = new Map(kb.concepts.map((concept) => [concept.id, concept.documentId]));
  const strength = new Map<string, Map<string, number>>();
  /** Which notes each note's concepts mention. */
  const mentions = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (a === b) return;
    for (const [from, to] of [
      [a, b],
      [b, a],
    ] as const) {
      const links = strength.get(from) ?? strength.set(from, new Map()).get(from)!;
      links.set(to, (links.get(to) ?? 0) + 1);
    }
  };
  for (const concept of kb.concepts) {
    for (const id of concept.relatedIds) {
      const other = documentOf.get(id);
      if (other === undefined || other === concept.documentId) continue;
      link(concept.documentId, other);
      (mentions.get(concept.documentId) ?? mentions.set(concept.documentId, new Set()).get(concept.documentId)!).add(other);
    }
  }
  // One shared word (`Commit` in a database note and a git note, `스택` as memory and as data structure) is
  // chance; notes that mention each other, or one that mentions the other's concepts three times, share a subject.
  const linkedOf = (documentId: string) =>
    [...(strength.get(documentId) ?? new Map<string, number>())]
      .filter(([other, count]) => count >= minLinksForDomain || (mentions.get(documentId)?.has(other) && mentions.get(other)?.has(documentId)))
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([other]) => other);
  const byFolder = new Map<string, string[]>();
  for (const documentId of conceptsByDocument.keys()) {
    const folder = documentId.includes('/') ? documentId.slice(0, documentId.lastIndexOf('/')) : null;
    if (folder === null) continue;
    (byFolder.get(folder) ?? byFolder.set(folder, []).get(folder)!).push(documentId);
  }
  const cache = new Map<string, string[]>();
  return (documentId) => {
    const cached = cache.get(documentId);
    if (cached) return cached;
    const folder = documentId.includes('/') ? documentId.slice(0, documentId.lastIndexOf('/')) : null;
    const sameFolder = folder === null ? [] : (byFolder.get(folder) ?? []);
    const domain = [...new Set([documentId, ...sameFolder, ...linkedOf(documentId)])];
    cache.set(documentId, domain);
    return domain;
  };
}
