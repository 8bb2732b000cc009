// One note (markdown) → its document, its concepts and what is wrong with it.
import type { Definition, Nodes, Yaml } from 'mdast';
import { extractAliases, maxAliasLength } from './extract-aliases.js';
import { extractNames, uniqueNames } from './extract-names.js';
import { emptyFrontMatter, readFrontMatter, type FrontMatter, type FrontMatterEntry } from './front-matter.js';
import { collapseWhitespace, repairHangulBold, toPlainLines, toPlainText, walkNodes } from './markdown-text.js';
import { createMentionFinder, findRelatedIds } from './find-related.js';
import { outlineNote, type OutlineSection } from './note-outline.js';
import { maxBlockNesting, parseMarkdown } from './parse-markdown.js';
import { classifySection } from './section-kinds.js';
import { isAuthoredQuestionBlock } from './read-authored-question.js';
import { readReferences } from './read-references.js';
import { readSectionContent, type SectionContent } from './read-section-content.js';
import { documentIdFromPath, isLatinName, nameKey, slugify } from './slug.js';
import type { AuthoredQuestion, Concept, ConceptImage, Flashcard, KbProblem, NoteDocument, Passage, Reference } from './types.js';

export interface ParsedNote {
  document: NoteDocument;
  /** Related ids only link concepts of this note (and none with `relateConcepts: false`); the knowledge base links across notes. */
  concepts: Concept[];
  problems: KbProblem[];
}

/** A concept before its id is known: ids need the whole note (front matter, duplicate slugs). */
type ConceptDraft = Omit<Concept, 'id' | 'documentId' | 'relatedIds'>;

export interface ParseNoteOptions {
  /**
   * Link the note's concepts to each other (`relatedIds`); on by default. The knowledge base turns it off: it
   * links every concept across all notes afterwards, which would only repeat the work.
   */
  relateConcepts?: boolean;
}

/** Never throws: whatever cannot be used becomes a problem with the file and line. */
export function parseNote(markdown: string, file: string, { relateConcepts = true }: ParseNoteOptions = {}): ParsedNote {
  const source = markdown.replace(/^\uFEFF/, '');
  const problems: KbProblem[] = [];
  const report = (severity: KbProblem['severity'], line: number, message: string): void => {
    problems.push({ severity, file, line, message });
  };

  const { tree, cutAtLine } = parseMarkdown(source);
  if (cutAtLine !== undefined)
    report(
      'warning',
      cutAtLine,
      `lists or quotes nested too deep (over ${maxBlockNesting} levels, a list counting two); the note was read up to this line only`,
    );
  repairHangulBold(tree);

  let frontMatter = emptyFrontMatter();
  const yaml = tree.children.find((node): node is Yaml => node.type === 'yaml');
  if (yaml) {
    const read = readFrontMatter(yaml, file);
    frontMatter = read.frontMatter;
    problems.push(...read.problems);
  } else if (/^---[ \t]*\r?\n/.test(source)) {
    report('warning', 1, 'front matter starts with "---" but has no closing "---" line; it was read as text');
  }

  const { titleHeading, conceptDepth, sections } = outlineNote(tree.children, source.length, (line, message) => report('warning', line, message));
  const definitions = new Map<string, Definition>();
  for (const node of walkNodes(tree)) if (node.type === 'definition') definitions.set(node.identifier.toLowerCase(), node);

  const summaries: string[] = [];
  const references: Reference[] = [];
  const drafts: ConceptDraft[] = [];
  /** Author-written questions of note-level Q&A sections: given to concepts once all are known. */
  const noteQuestions: { flashcards: Flashcard[]; authoredQuestions: AuthoredQuestion[] } = { flashcards: [], authoredQuestions: [] };
  const depthWord = '#'.repeat(conceptDepth ?? 2);
  for (const [index, section] of sections.entries()) {
    const title = toPlainText(section.heading);
    const line = lineOf(section.heading);
    const body = sliceBody(source, section);
    if (section.kind === 'summary') {
      if (body !== '') summaries.push(body);
      continue;
    }
    if (section.kind === 'references') {
      references.push(...section.nodes.flatMap(readReferences));
      continue;
    }
    if (section.kind === 'contents') continue;
    if (section.kind === 'questions') {
      const content = readSectionContent(section.nodes, file, 'questions');
      for (const problem of content.problems) report('error', problem.line, problem.message);
      noteQuestions.flashcards.push(...content.flashcards);
      noteQuestions.authoredQuestions.push(...content.authoredQuestions);
      references.push(...content.references);
      continue;
    }
    const names = extractNames(title);
    if (names.length === 0) {
      report('error', line, `the ${depthWord} heading has no name; the section was skipped`);
      continue;
    }
    const { statements, lines } = collectStatements(section.nodes);
    if (lines.length === 0) {
      // `# 운영체제` above `# 프로세스`, `# 스레드`: an empty first heading only titles the note.
      if (section.heading.depth === 1 && index === 0 && sections.length > 1) continue;
      report('error', line, `section "${title}" has no text; it was skipped (write what the concept is below its heading)`);
      continue;
    }
    const content = readSectionContent(section.nodes, file, 'concept');
    for (const problem of content.problems) report('error', problem.line, problem.message);
    references.push(...content.references);
    const image = findImage(section.nodes, definitions);
    if (image && !/^https?:\/\//i.test(image.url)) {
      report('warning', line, `the image "${image.url}" of "${title}" is not an http(s) URL, so Discord cannot show it`);
    }
    drafts.push({
      title,
      names,
      aliases: extractAliases(ownDefiningTexts(content.passages, content.subsections, names), names),
      body,
      plainText: lines.join('\n'),
      statements,
      passages: content.passages,
      subsections: content.subsections,
      flashcards: content.flashcards,
      authoredQuestions: content.authoredQuestions,
      boldTerms: collectBoldTerms(section.nodes),
      ...(image ? { image } : {}),
      location: { file, line },
    });
  }

  // A quiz block above the first section belongs to no concept: say so rather than drop it silently.
  const firstSectionLine = sections[0] ? lineOf(sections[0].heading) : Infinity;
  for (const node of tree.children) {
    if (node.type === 'code' && isAuthoredQuestionBlock(node) && lineOf(node) < firstSectionLine) {
      report(
        'warning',
        lineOf(node),
        "this quiz block stands above every concept of the note, so it belongs to none and is not asked (move it into a concept's section)",
      );
    }
  }

  const documentId = frontMatter.id ? documentIdFromPath(frontMatter.id) || documentIdFromPath(file) : documentIdFromPath(file);
  const concepts = assignIds(drafts, documentId, frontMatter, report);
  addFrontMatterAliases(concepts, frontMatter.aliases, documentId, report);
  if (relateConcepts) {
    const related = findRelatedIds(concepts);
    for (const concept of concepts) concept.relatedIds = related.get(concept.id) ?? [];
  }
  attachNoteQuestions(concepts, noteQuestions, (line, message) => report('warning', line, message));

  if (concepts.length === 0 && !problems.some((problem) => problem.severity === 'error')) {
    report(
      'warning',
      titleHeading ? lineOf(titleHeading) : 1,
      'the note has no topic heading, so it has no concepts (a # heading makes the note one concept; ## headings make one concept each)',
    );
  }

  const document: NoteDocument = {
    id: documentId,
    title: frontMatter.title ?? (titleHeading ? toPlainText(titleHeading) : ''),
    file,
    references,
    conceptIds: concepts.map((concept) => concept.id),
  };
  if (document.title === '') document.title = file.replace(/^.*\//, '').replace(/\.md$/i, '');
  if (summaries.length > 0) document.summary = summaries.join('\n\n');
  return { document, concepts, problems };
}

function sliceBody(source: string, section: OutlineSection): string {
  const start = section.heading.position?.end.offset ?? 0;
  return source.slice(start, section.endOffset).trim();
}

function lineOf(node: Nodes): number {
  return node.position?.start.line ?? 1;
}

/** Paragraphs and list items become statements; `###` headings and code only go into the plain text. */
function collectStatements(nodes: readonly Nodes[]): { statements: string[]; lines: string[] } {
  const statements: string[] = [];
  const lines: string[] = [];
  const visit = (node: Nodes): void => {
    switch (node.type) {
      case 'paragraph': {
        const text = toPlainText(node);
        if (text !== '') {
          statements.push(text);
          lines.push(text);
        }
        return;
      }
      case 'listItem': {
        const own = collapseWhitespace(
          node.children
            .filter((child) => child.type === 'paragraph')
            .map(toPlainText)
            .join(' '),
        );
        if (own !== '') {
          statements.push(own);
          lines.push(own);
        }
        for (const child of node.children) if (child.type !== 'paragraph') visit(child);
        return;
      }
      case 'heading': {
        // `### 참고` or `## 질의응답` inside a concept names no part of it: searching `참고` must not find it.
        const text = toPlainText(node);
        if (text !== '' && classifySection(text) === 'concept') lines.push(text);
        return;
      }
      case 'tableCell': {
        const text = toPlainText(node);
        if (text !== '') lines.push(text);
        return;
      }
      case 'code':
        lines.push(...toPlainLines(node));
        return;
      default:
        if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
    }
  };
  for (const node of nodes) visit(node);
  return { statements, lines };
}

function collectBoldTerms(nodes: readonly Nodes[]): string[] {
  const terms: string[] = [];
  for (const node of nodes) {
    for (const inner of walkNodes(node)) if (inner.type === 'strong') terms.push(toPlainText(inner));
  }
  return uniqueNames(terms);
}

function findImage(nodes: readonly Nodes[], definitions: Map<string, Definition>): ConceptImage | undefined {
  for (const node of nodes) {
    for (const inner of walkNodes(node)) {
      if (inner.type === 'image') return { url: inner.url, alt: inner.alt ?? '' };
      if (inner.type === 'imageReference') {
        const definition = definitions.get(inner.identifier.toLowerCase());
        if (definition) return { url: definition.url, alt: inner.alt ?? '' };
      }
      if (inner.type === 'html') {
        const src = /<img\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/i.exec(inner.value)?.[1];
        if (src) return { url: src, alt: /\balt\s*=\s*["']([^"']*)["']/i.exec(inner.value)?.[1] ?? '' };
      }
    }
  }
  return undefined;
}

/** The id slug: pinned by front matter, else the first Latin name (`container`), else the first name. */
function defaultSlug(names: readonly string[]): string {
  const latin = names.find(isLatinName);
  return slugify(latin ?? names[0] ?? '') || 'concept';
}

function assignIds(
  drafts: readonly ConceptDraft[],
  documentId: string,
  frontMatter: FrontMatter,
  report: (severity: KbProblem['severity'], line: number, message: string) => void,
): Concept[] {
  const pinned = new Map<ConceptDraft, string>();
  for (const entry of frontMatter.ids) {
    const draft = drafts.find((candidate) => matchesKey(candidate, defaultSlug(candidate.names), documentId, entry.key));
    const slug = slugify(entry.values[0] ?? '');
    if (!draft) report('warning', entry.line, `front matter "ids" names "${entry.key}", which is no concept of this note`);
    else if (slug === '') report('warning', entry.line, `front matter "ids" gives "${entry.key}" an empty id`);
    else pinned.set(draft, slug);
  }
  const used = new Set<string>();
  return drafts.map((draft) => {
    const wanted = pinned.get(draft) ?? defaultSlug(draft.names);
    let slug = wanted;
    for (let n = 2; used.has(slug); n++) slug = `${wanted}-${n}`;
    if (slug !== wanted) {
      report(
        'warning',
        draft.location.line,
        `two sections of this note share the id "${documentId}/${wanted}"; "${draft.title}" became "${documentId}/${slug}" (give it a distinct heading or pin it with front matter "ids")`,
      );
    }
    used.add(slug);
    return { id: `${documentId}/${slug}`, documentId, ...draft, relatedIds: [] };
  });
}

function matchesKey(concept: Pick<Concept, 'names'>, slug: string, documentId: string, key: string): boolean {
  const wanted = nameKey(key);
  return concept.names.some((name) => nameKey(name) === wanted) || wanted === slug || wanted === `${documentId}/${slug}`;
}

function addFrontMatterAliases(
  concepts: Concept[],
  entries: readonly FrontMatterEntry[],
  documentId: string,
  report: (severity: KbProblem['severity'], line: number, message: string) => void,
): void {
  for (const entry of entries) {
    const concept = concepts.find((candidate) => matchesKey(candidate, candidate.id.slice(documentId.length + 1), documentId, entry.key));
    if (!concept) {
      report(
        'warning',
        entry.line,
        `front matter "aliases" names "${entry.key}", which is no concept of this note (use a name such as "${concepts[0]?.names[0] ?? '컨테이너'}" or an id such as "${concepts[0]?.id.slice(documentId.length + 1) ?? 'container'}")`,
      );
      continue;
    }
    const tooLong = entry.values.filter((alias) => alias.length > maxAliasLength);
    if (tooLong.length > 0) {
      report(
        'warning',
        entry.line,
        `front matter alias "${tooLong[0]}" is longer than ${maxAliasLength} characters; aliases are names people type, it was skipped`,
      );
    }
    const nameKeys = new Set(concept.names.map(nameKey));
    concept.aliases = uniqueNames([...concept.aliases, ...entry.values.filter((alias) => alias.length <= maxAliasLength)]).filter(
      (alias) => !nameKeys.has(nameKey(alias)),
    );
  }
}

/**
 * Aliases come from the concept's own defining sentences: prose directly under its heading, or under a
 * subsection about the concept itself (`### What is a thread?` in `Process vs Thread`). A subsection about
 * another term (`### 일관성(Consistency)` under 트랜잭션, "…동일성이라고도 하며") names that term, not the concept.
 */
function ownDefiningTexts(passages: readonly Passage[], subsections: SectionContent['subsections'], names: readonly string[]): string[] {
  const nameKeys = new Set(names.map(nameKey));
  const aboutConcept = new Set(subsections.filter((sub) => sub.names.some((name) => nameKeys.has(nameKey(name)))).map((sub) => sub.title));
  return passages.filter((passage) => passage.subheading === undefined || aboutConcept.has(passage.subheading)).map((passage) => passage.text);
}

/**
 * A note-level Q&A section (`## 질의응답`, `## Interview questions`) holds cards about several concepts:
 * each goes to the concept its question names (a name or alias first, else a subsection heading such as
 * `PCB`), else to the note's first concept. A note whose only topic is one concept gives it every card.
 */
function attachNoteQuestions(
  concepts: Concept[],
  questions: { flashcards: Flashcard[]; authoredQuestions: AuthoredQuestion[] },
  warn: (line: number, message: string) => void,
): void {
  if (questions.flashcards.length === 0 && questions.authoredQuestions.length === 0) return;
  const first = concepts[0];
  if (!first) {
    const line = (questions.flashcards[0] ?? questions.authoredQuestions[0])?.location.line ?? 1;
    warn(line, 'the questions of this note belong to no concept (the note has none), so they are not asked');
    return;
  }
  const byName = createMentionFinder(concepts);
  const bySubsection = createMentionFinder(
    concepts.map((concept) => ({ id: concept.id, names: concept.subsections.flatMap((sub) => sub.names), aliases: [] })),
  );
  const byId = new Map(concepts.map((concept) => [concept.id, concept]));
  const ownerOf = (question: string): Concept => {
    const id = byName(question)[0] ?? bySubsection(question)[0];
    return (id !== undefined ? byId.get(id) : undefined) ?? first;
  };
  for (const card of questions.flashcards) ownerOf(card.question).flashcards.push(card);
  for (const question of questions.authoredQuestions) ownerOf(question.prompt).authoredQuestions.push(question);
}
