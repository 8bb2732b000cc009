// One note (markdown) → its document, its concepts and what is wrong with it.
import type { Definition, Heading, Nodes, RootContent, Yaml } from 'mdast';
import { extractAliases, maxAliasLength } from './extract-aliases.js';
import { extractNames, uniqueNames } from './extract-names.js';
import { emptyFrontMatter, readFrontMatter, type FrontMatter, type FrontMatterEntry } from './front-matter.js';
import { collapseWhitespace, repairHangulBold, toPlainLines, toPlainText, walkNodes } from './markdown-text.js';
import { findRelatedIds } from './find-related.js';
import { parseMarkdown } from './parse-markdown.js';
import { classifySection } from './section-kinds.js';
import { documentIdFromPath, isLatinName, nameKey, slugify } from './slug.js';
import type { Concept, ConceptImage, KbProblem, NoteDocument, Reference } from './types.js';

export interface ParsedNote {
  document: NoteDocument;
  /** Related ids only link concepts of this note; the knowledge base links across notes. */
  concepts: Concept[];
  problems: KbProblem[];
}

interface Section {
  heading: Heading;
  nodes: RootContent[];
  endOffset: number;
}

/** A concept before its id is known: ids need the whole note (front matter, duplicate slugs). */
type ConceptDraft = Omit<Concept, 'id' | 'documentId' | 'relatedIds'>;

/** Never throws: whatever cannot be used becomes a problem with the file and line. */
export function parseNote(markdown: string, file: string): ParsedNote {
  const source = markdown.replace(/^\uFEFF/, '');
  const problems: KbProblem[] = [];
  const report = (severity: KbProblem['severity'], line: number, message: string): void => {
    problems.push({ severity, file, line, message });
  };

  const tree = parseMarkdown(source);
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

  const { titleHeading, sections } = splitSections(tree.children, source.length, (line, message) => report('warning', line, message));
  const definitions = new Map<string, Definition>();
  for (const node of walkNodes(tree)) if (node.type === 'definition') definitions.set(node.identifier.toLowerCase(), node);

  const summaries: string[] = [];
  const references: Reference[] = [];
  const drafts: ConceptDraft[] = [];
  for (const section of sections) {
    const title = toPlainText(section.heading);
    const line = lineOf(section.heading);
    const body = sliceBody(source, section);
    const kind = classifySection(title);
    if (kind === 'summary') {
      if (body !== '') summaries.push(body);
      continue;
    }
    if (kind === 'references') {
      references.push(...section.nodes.flatMap(readReferences));
      continue;
    }
    const names = extractNames(title);
    if (names.length === 0) {
      report('error', line, `the ## heading has no name; the section was skipped`);
      continue;
    }
    const { statements, lines } = collectStatements(section.nodes);
    if (lines.length === 0) {
      report('error', line, `section "${title}" has no text; it was skipped (write what the concept is below its heading)`);
      continue;
    }
    const image = findImage(section.nodes, definitions);
    if (image && !/^https?:\/\//i.test(image.url)) {
      report('warning', line, `the image "${image.url}" of "${title}" is not an http(s) URL, so Discord cannot show it`);
    }
    drafts.push({
      title,
      names,
      aliases: extractAliases(statements, names),
      body,
      plainText: lines.join('\n'),
      statements,
      // Filled in properly by the real-notes work (issue 7); until then every statement counts as prose.
      passages: statements.map((text) => ({ text, kind: 'paragraph' as const, line })),
      subsections: [],
      flashcards: [],
      authoredQuestions: [],
      boldTerms: collectBoldTerms(section.nodes),
      ...(image ? { image } : {}),
      location: { file, line },
    });
  }

  const documentId = frontMatter.id ? documentIdFromPath(frontMatter.id) || documentIdFromPath(file) : documentIdFromPath(file);
  const concepts = assignIds(drafts, documentId, frontMatter, report);
  addFrontMatterAliases(concepts, frontMatter.aliases, documentId, report);
  const related = findRelatedIds(concepts);
  for (const concept of concepts) concept.relatedIds = related.get(concept.id) ?? [];

  if (concepts.length === 0 && !problems.some((problem) => problem.severity === 'error')) {
    report('warning', titleHeading ? lineOf(titleHeading) : 1, 'the note has no ## sections, so it has no concepts (each ## heading is one concept)');
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

/** `#` is the title, each `##` opens a section, `###` and deeper stay inside the section. */
function splitSections(
  nodes: readonly RootContent[],
  sourceLength: number,
  warn: (line: number, message: string) => void,
): { titleHeading: Heading | undefined; sections: Section[] } {
  let titleHeading: Heading | undefined;
  const sections: Section[] = [];
  let current: Section | undefined;
  const close = (endOffset: number): void => {
    if (current) current.endOffset = endOffset;
    current = undefined;
  };
  for (const node of nodes) {
    if (node.type === 'heading' && node.depth <= 2) {
      close(node.position?.start.offset ?? sourceLength);
      if (node.depth === 2) {
        current = { heading: node, nodes: [], endOffset: sourceLength };
        sections.push(current);
      } else if (!titleHeading && sections.length === 0) {
        titleHeading = node;
      } else {
        // A later `#` ends the section before it; what follows it up to the next `##` belongs to no concept.
        warn(lineOf(node), `a second # heading "${toPlainText(node)}": only the first # is the note's title, and it is not a concept (use ## for concepts)`);
      }
      continue;
    }
    if (current && node.type !== 'yaml') current.nodes.push(node);
  }
  return { titleHeading, sections };
}

function sliceBody(source: string, section: Section): string {
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
        const own = collapseWhitespace(node.children.filter((child) => child.type === 'paragraph').map(toPlainText).join(' '));
        if (own !== '') {
          statements.push(own);
          lines.push(own);
        }
        for (const child of node.children) if (child.type !== 'paragraph') visit(child);
        return;
      }
      case 'heading':
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

const urlPattern = /https?:\/\/[^\s<>()[\]"']+/;

/** One reference per list item, or per line of a paragraph: `Wikipedia(https://ko.wikipedia.org/)`. */
function readReferences(node: RootContent): Reference[] {
  const items: Nodes[] = [];
  for (const inner of walkNodes(node)) if (inner.type === 'listItem') items.push(inner);
  if (items.length > 0) return items.map((item) => toReference(toPlainText(item), item));
  if (node.type === 'paragraph') return toPlainLines(node).map((line) => toReference(line, undefined));
  return [];
}

function toReference(text: string, node: Nodes | undefined): Reference {
  let url: string | undefined;
  if (node) for (const inner of walkNodes(node)) if (!url && inner.type === 'link') url = inner.url;
  url ??= urlPattern.exec(text)?.[0].replace(/[.,;:!?]+$/, '');
  return url ? { text, url } : { text };
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
      report('warning', draft.location.line, `two sections of this note share the id "${documentId}/${wanted}"; "${draft.title}" became "${documentId}/${slug}" (give it a distinct heading or pin it with front matter "ids")`);
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
      report('warning', entry.line, `front matter "aliases" names "${entry.key}", which is no concept of this note (use a name such as "${concepts[0]?.names[0] ?? '컨테이너'}" or an id such as "${concepts[0]?.id.slice(documentId.length + 1) ?? 'container'}")`);
      continue;
    }
    const tooLong = entry.values.filter((alias) => alias.length > maxAliasLength);
    if (tooLong.length > 0) {
      report('warning', entry.line, `front matter alias "${tooLong[0]}" is longer than ${maxAliasLength} characters; aliases are names people type, it was skipped`);
    }
    const nameKeys = new Set(concept.names.map(nameKey));
    concept.aliases = uniqueNames([...concept.aliases, ...entry.values.filter((alias) => alias.length <= maxAliasLength)]).filter(
      (alias) => !nameKeys.has(nameKey(alias)),
    );
  }
}
