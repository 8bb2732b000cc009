import type { KnowledgeBase, NoteDocument } from './types.js';

function normalizeNoteName(name: string): string {
  return name.trim().toLowerCase().replace(/\.md$/, '');
}

/**
 * A note by id (what autocomplete sends), file name or title; a fragment only when it names exactly one
 * note, so a vague word never silently picks the wrong note.
 */
export function findDocument(kb: KnowledgeBase, typed: string): NoteDocument | undefined {
  const exact = kb.getDocument(typed.trim());
  if (exact) return exact;
  const wanted = normalizeNoteName(typed);
  if (wanted === '') return undefined;
  const named = kb.documents.find((document) => [document.id, document.file, document.title].some((name) => normalizeNoteName(name) === wanted));
  if (named) return named;
  const partial = kb.documents.filter((document) => `${document.id} ${document.title}`.toLowerCase().includes(wanted));
  return partial.length === 1 ? partial[0] : undefined;
}
