// The knowledge base: study notes (markdown) turned into concepts. Knows nothing of Discord.

/** Where something stands in a note, for problems and for authors. `file` is relative to the docs dir. */
export interface SourceLocation {
  file: string;
  /** 1-based line number. */
  line: number;
}

export interface ConceptImage {
  url: string;
  alt: string;
}

export interface Reference {
  /** The reference as written, e.g. `Wikipedia(https://ko.wikipedia.org/)`, markdown stripped. */
  text: string;
  /** The first URL found in it, when there is one. */
  url?: string;
}

/**
 * One piece of a concept's explanatory prose: a paragraph or a list item, as plain text. Never a table, code,
 * HTML, image text, a link caption or "see below" boilerplate: question generation reads only these.
 */
export interface Passage {
  text: string;
  kind: 'paragraph' | 'list-item';
  /** 1-based line in the note. */
  line: number;
  /** The `###`-or-deeper heading this passage stands under inside the concept, when it does. */
  subheading?: string;
}

/** A heading below the concept's own level (`### 요구 페이징`): searchable, and a place passages belong to. */
export interface Subsection {
  /** As written, markdown stripped. */
  title: string;
  /** Names cleaned from the heading the way concept names are. */
  names: string[];
  line: number;
}

/** An author-written question and answer: `<details><summary>Q</summary>A</details>` or a `Q:`/`A:` pair. */
export interface Flashcard {
  question: string;
  answer: string;
  location: SourceLocation;
}

/** A multiple-choice question the author wrote in a fenced block (format in the README); asked as written. */
export interface AuthoredQuestion {
  prompt: string;
  /** Exactly four options. */
  options: string[];
  /** Index of the right option. */
  answer: number;
  location: SourceLocation;
}

/** One concept of a note (a `##` section in most notes; the level follows the note's own headings). */
export interface Concept {
  /**
   * Stable id `<documentId>/<slug>`, e.g. `docker-kubernetes/container`. Storage and buttons key on it,
   * so it depends only on the note's path and this section's own heading (or front matter), never on
   * other sections or on order.
   */
  id: string;
  documentId: string;
  /** The heading text as the author wrote it (markdown stripped). */
  title: string;
  /** Names from the heading, in order: `컨테이너(Container) 및 운영 체제 수준 가상화` → 컨테이너, Container, 운영 체제 수준 가상화. */
  names: string[];
  /** Other names the body states (`… Jail이라고도 부른다`, `가상 머신(VM)`) or front matter adds (`k8s`). Never repeats a name. */
  aliases: string[];
  /** The section body as markdown (without the heading), as written. `###` and deeper included. */
  body: string;
  /** The body as plain text (markup removed, one line per paragraph/list item). */
  plainText: string;
  /** Statements of the body: list items and paragraphs as plain text, in order. */
  statements: string[];
  /** The explanatory prose of the body, with lines; question prompts come only from these. */
  passages: Passage[];
  /** `###`-and-deeper headings inside the concept. */
  subsections: Subsection[];
  /** Author-written question/answer pairs of the concept. */
  flashcards: Flashcard[];
  /** Author-written multiple-choice questions of the concept, asked ahead of generated ones. */
  authoredQuestions: AuthoredQuestion[];
  /** Terms the author put in **bold**, in order of appearance, deduplicated. */
  boldTerms: string[];
  /** The first image of the section. */
  image?: ConceptImage;
  /** Ids of other concepts whose names or aliases this body mentions, in order of first mention. */
  relatedIds: string[];
  /** The heading's location. */
  location: SourceLocation;
}

/** One markdown file. */
export interface NoteDocument {
  /** Path below the docs dir without `.md`, slugged: `docker-kubernetes`, `network/vpn`. Front matter `id` overrides. */
  id: string;
  /** The `#` heading (or front matter `title`, or the file name). */
  title: string;
  /** Path relative to the docs dir. */
  file: string;
  /** Markdown of summary sections (`정리`, `요약`, `Summary`, …); belongs to the document, not a concept. */
  summary?: string;
  /** From reference sections (`참고`, `참고 자료`, `References`, `See also`, …). */
  references: Reference[];
  conceptIds: string[];
}

export interface KbProblem {
  /** `error`: the file or a section could not be used. `warning`: loaded, but something is off. */
  severity: 'error' | 'warning';
  /** Relative to the docs dir. */
  file: string;
  line?: number;
  message: string;
}

export interface KnowledgeBase {
  readonly docsDir: string;
  readonly documents: readonly NoteDocument[];
  readonly concepts: readonly Concept[];
  readonly problems: readonly KbProblem[];
  getConcept(id: string): Concept | undefined;
  getDocument(id: string): NoteDocument | undefined;
}
