// Every note below the docs dir → one knowledge base. Bad notes become problems, never exceptions.
import { checkConceptNames } from './check-concept-names.js';
import { findRelatedIds } from './find-related.js';
import { guardMarkdown } from './guard-markdown.js';
import { parseNote, type ParsedNote } from './parse-note.js';
import { compareCodePoints, defaultNoteReadLimits, describeError, readNoteFiles, type NoteFile, type NoteReadLimits } from './read-note-files.js';
import type { Concept, KbProblem, KnowledgeBase, NoteDocument } from './types.js';

export { readNoteFiles, type NoteFile, type NoteReadLimits };

/**
 * Reads every `*.md` below `docsDir` (sorted, so the result is the same on every machine) and builds
 * the knowledge base. Only throws for programming errors: a missing dir, an unreadable or non-UTF-8
 * file and every broken note end up in `problems` with the file and line.
 */
export async function loadKnowledgeBase(docsDir: string, limits: NoteReadLimits = defaultNoteReadLimits): Promise<KnowledgeBase> {
  const { files, problems } = await readNoteFiles(docsDir, limits);
  return buildKnowledgeBase(docsDir, files, problems);
}

/** In-memory and synchronous, for tests and benchmarks. `problems` are carried over (from reading files). */
export function buildKnowledgeBase(docsDir: string, files: readonly NoteFile[], problems: readonly KbProblem[] = []): KnowledgeBase {
  const allProblems: KbProblem[] = [...problems];
  const documents: NoteDocument[] = [];
  const concepts: Concept[] = [];
  const documentFiles = new Map<string, string>();

  for (const { file, markdown } of [...files].sort((a, b) => compareCodePoints(a.file, b.file))) {
    const guarded = guardMarkdown(markdown, file);
    const parsed = parseNoteSafely(guarded.markdown, file);
    allProblems.push(...guarded.problems, ...parsed.problems);
    if (parsed.concepts.length === 0) continue;
    let { document, concepts: noteConcepts } = parsed;
    const owner = documentFiles.get(document.id);
    if (owner !== undefined) {
      const renamed = uniqueDocumentId(document.id, documentFiles);
      allProblems.push({
        severity: 'warning',
        file,
        line: 1,
        message: `note id "${document.id}" is already used by ${owner}; this note became "${renamed}" (change its front matter id)`,
      });
      ({ document, concepts: noteConcepts } = renameDocument(document, noteConcepts, renamed));
    }
    documentFiles.set(document.id, file);
    documents.push(document);
    concepts.push(...noteConcepts);
  }

  allProblems.push(...checkConceptNames(concepts));
  const related = findRelatedIds(concepts);
  for (const concept of concepts) concept.relatedIds = related.get(concept.id) ?? [];

  const conceptsById = new Map(concepts.map((concept) => [concept.id, concept]));
  const documentsById = new Map(documents.map((document) => [document.id, document]));
  return {
    docsDir,
    documents,
    concepts,
    problems: allProblems,
    getConcept: (id) => conceptsById.get(id),
    getDocument: (id) => documentsById.get(id),
  };
}

/** The parser is meant to turn every flaw into a problem; should it still throw, one note must not take the others down. */
function parseNoteSafely(markdown: string, file: string): ParsedNote {
  try {
    // Concepts are related once all notes are read, across notes (below).
    return parseNote(markdown, file, { relateConcepts: false });
  } catch (error) {
    return {
      document: { id: file, title: file, file, references: [], conceptIds: [] },
      concepts: [],
      problems: [{ severity: 'error', file, line: 1, message: `the note could not be parsed: ${describeError(error)}` }],
    };
  }
}

function uniqueDocumentId(id: string, taken: Map<string, string>): string {
  let n = 2;
  while (taken.has(`${id}-${n}`)) n++;
  return `${id}-${n}`;
}

function renameDocument(document: NoteDocument, concepts: Concept[], id: string): { document: NoteDocument; concepts: Concept[] } {
  const rename = (conceptId: string): string => `${id}${conceptId.slice(document.id.length)}`;
  return {
    document: { ...document, id, conceptIds: document.conceptIds.map(rename) },
    concepts: concepts.map((concept) => ({ ...concept, id: rename(concept.id), documentId: id })),
  };
}
