// Which headings of a note open its concepts. The level follows the note's own structure:
// - a note with `##` topics (the shared style): the first `#` is the title, each `##` is a concept;
// - a note without `##` topics: the shallowest headings that are topics hold the concepts, so a diary
//   note with one `### 2019.08.26.(월) [스터디] UDP란?` (or one `#`) is one concept, and a log of several
//   dated `###` entries is one concept per entry.
// Deeper headings stay inside the concept as its subsections. Sections that are not topics (summary,
// references, interview questions, a table of contents) never decide the level.
import type { Heading, RootContent } from 'mdast';
import { toPlainText } from './markdown-text.js';
import { classifySection, isTableOfContents, type SectionKind } from './section-kinds.js';

export interface OutlineSection {
  heading: Heading;
  kind: SectionKind;
  /** The nodes after the heading, up to the next section. */
  nodes: RootContent[];
  endOffset: number;
}

export interface NoteOutline {
  titleHeading: Heading | undefined;
  /** The heading depth that opens concepts; undefined when no heading is a topic. */
  conceptDepth: number | undefined;
  sections: OutlineSection[];
}

export function outlineNote(nodes: readonly RootContent[], sourceLength: number, warn: (line: number, message: string) => void): NoteOutline {
  const kinds = classifyHeadings(nodes);
  let conceptDepth: number | undefined;
  for (const [heading, kind] of kinds) {
    if (kind !== 'concept') continue;
    if (heading.depth === 2) {
      conceptDepth = 2;
      break;
    }
    conceptDepth = Math.min(conceptDepth ?? Infinity, heading.depth);
  }
  if (conceptDepth === 2 || conceptDepth === undefined) return outlineByTopics(nodes, kinds, sourceLength, warn);

  const depth = conceptDepth;
  const sections: OutlineSection[] = [];
  let current: OutlineSection | undefined;
  for (const node of nodes) {
    if (node.type === 'heading' && node.depth <= depth) {
      if (current) current.endOffset = node.position?.start.offset ?? sourceLength;
      current = { heading: node, kind: kinds.get(node) ?? 'concept', nodes: [], endOffset: sourceLength };
      sections.push(current);
      continue;
    }
    if (current && node.type !== 'yaml') current.nodes.push(node);
  }
  const topics = sections.filter((section) => section.kind === 'concept');
  const firstHeading = nodes.find((node): node is Heading => node.type === 'heading');
  const titleHeading = firstHeading?.depth === 1 ? firstHeading : topics.length === 1 ? topics[0]?.heading : undefined;
  return { titleHeading, conceptDepth: depth, sections };
}

/** The shared style: `#` is the title, each `##` opens a section, `###` and deeper stay inside the section. */
function outlineByTopics(
  nodes: readonly RootContent[],
  kinds: ReadonlyMap<Heading, SectionKind>,
  sourceLength: number,
  warn: (line: number, message: string) => void,
): NoteOutline {
  let titleHeading: Heading | undefined;
  const sections: OutlineSection[] = [];
  let current: OutlineSection | undefined;
  const close = (endOffset: number): void => {
    if (current) current.endOffset = endOffset;
    current = undefined;
  };
  for (const node of nodes) {
    if (node.type === 'heading' && node.depth <= 2) {
      close(node.position?.start.offset ?? sourceLength);
      if (node.depth === 2) {
        current = { heading: node, kind: kinds.get(node) ?? 'concept', nodes: [], endOffset: sourceLength };
        sections.push(current);
      } else if (!titleHeading && sections.length === 0) {
        titleHeading = node;
      } else {
        // A later `#` ends the section before it; what follows it up to the next `##` belongs to no concept.
        warn(
          node.position?.start.line ?? 1,
          `a second # heading "${toPlainText(node)}": only the first # is the note's title, and it is not a concept (use ## for concepts)`,
        );
      }
      continue;
    }
    if (current && node.type !== 'yaml') current.nodes.push(node);
  }
  return { titleHeading, conceptDepth: sections.some((section) => section.kind === 'concept') ? 2 : undefined, sections };
}

/** Each heading's kind: by its title, or a table of contents by what follows it (links into the note only). */
function classifyHeadings(nodes: readonly RootContent[]): Map<Heading, SectionKind> {
  const kinds = new Map<Heading, SectionKind>();
  let heading: Heading | undefined;
  let following: RootContent[] = [];
  const settle = (next: Heading | undefined): void => {
    if (!heading) return;
    const kind = classifySection(toPlainText(heading));
    // A heading with subsections of its own is a topic whatever list opens it.
    const holdsSubsections = next !== undefined && next.depth > heading.depth;
    kinds.set(heading, kind === 'concept' && !holdsSubsections && isTableOfContents(following) ? 'contents' : kind);
  };
  for (const node of nodes) {
    if (node.type === 'heading') {
      settle(node);
      heading = node;
      following = [];
    } else if (node.type !== 'yaml') {
      following.push(node);
    }
  }
  settle(undefined);
  return kinds;
}
