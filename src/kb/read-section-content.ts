// What one section holds besides its statements: the explanatory prose question prompts may come from
// (passages), its subsections, the author's own questions (flashcards and quiz blocks) and references.
import type { Code, Html, ListItem, Nodes, Paragraph, RootContent } from 'mdast';
import { extractNames } from './extract-names.js';
import { collapseWhitespace, toPlainLines, toPlainText } from './markdown-text.js';
import { isAuthoredQuestionBlock, readAuthoredQuestion } from './read-authored-question.js';
import { readReferences } from './read-references.js';
import { classifySection, type SectionKind } from './section-kinds.js';
import type { AuthoredQuestion, Flashcard, Passage, Reference, Subsection } from './types.js';

export interface SectionContent {
  passages: Passage[];
  subsections: Subsection[];
  flashcards: Flashcard[];
  authoredQuestions: AuthoredQuestion[];
  /** From reference subsections (`### 참고` inside a concept): they belong to the note. */
  references: Reference[];
  problems: { line: number; message: string }[];
}

/**
 * "See below" sentences point at a link or a picture; they explain nothing on their own.
 * `아래의 자료에서 자세한 설명을 볼 수 있다.`, `자세한 내용은 링크 참고`, `See the link below.`
 */
const pointerSentence =
  /^(?:(?:아래|다음|밑|위)(?:의|에)?\s*(?:자료|링크|글|문서|사이트|영상|그림|표|이미지)\S*\s.*(?:볼\s*수\s*있|참고|확인|참조)|자세한\s*(?:내용|설명|정보)\S*\s.*(?:참고|확인|참조|링크)|(?:see|check|read)\s+(?:the\s+)?(?:links?|below|above|article|docs?|documentation)\b|(?:for\s+)?(?:more|further)\s+(?:details?|information|info)\b.*\b(?:see|link|below|here)\b|(?:참고|출처|reference|source|image\s+source|이미지\s*출처)\s*[:：])/iu;
const bareUrl = /^(?:<)?https?:\/\/\S+$/iu;

const questionLine = /^(?:Q|질문)\s*\d*\s*[:：.)]\s*(.*)$/u;
const answerLine = /^(?:A|답|답변)\s*\d*\s*[:：.)]\s*(.*)$/u;

/**
 * `kind` is `concept` for a concept's section, `questions` for a note-level Q&A section (whose text is
 * all question material). Every heading among `nodes` is a subsection: the caller passes a section's
 * nodes without its own heading.
 */
export function readSectionContent(nodes: readonly RootContent[], file: string, kind: 'concept' | 'questions'): SectionContent {
  const content: SectionContent = { passages: [], subsections: [], flashcards: [], authoredQuestions: [], references: [], problems: [] };
  /** A non-concept subsection being read, until a heading as shallow as its own. */
  let special: { depth: number; kind: Exclude<SectionKind, 'concept' | 'summary'> } | undefined;
  let subheading: string | undefined;
  let details: { depth: number; question: string; answer: string[]; line: number } | undefined;
  let pendingQuestion: { text: string; line: number } | undefined;

  const addCard = (question: string, answer: string, line: number): void => {
    const q = collapseWhitespace(question);
    const a = collapseWhitespace(answer);
    if (q !== '' && a !== '') content.flashcards.push({ question: q, answer: a, location: { file, line } });
  };

  const readHtml = (node: Html): void => {
    const value = node.value;
    const opens = value.match(/<details\b/giu)?.length ?? 0;
    const closes = value.match(/<\/details\s*>/giu)?.length ?? 0;
    if (!details && opens > 0) {
      const summary = /<summary\b[^>]*>([\s\S]*?)<\/summary\s*>/iu.exec(value);
      const after = summary ? value.slice(summary.index + summary[0].length) : '';
      details = { depth: 0, question: stripHtml(summary?.[1] ?? ''), answer: [], line: node.position?.start.line ?? 1 };
      const inner = after.replace(/<\/details\s*>[\s\S]*$/iu, '');
      if (stripHtml(inner) !== '') details.answer.push(stripHtml(inner));
    } else if (details) {
      let rest = value;
      // `<details>`, a blank line, then `<summary>`: the summary arrives as a node of its own.
      const summary = details.question === '' && details.answer.length === 0 ? /<summary\b[^>]*>([\s\S]*?)<\/summary\s*>/iu.exec(value) : null;
      if (summary) {
        details.question = stripHtml(summary[1] ?? '');
        rest = value.slice(summary.index + summary[0].length);
      }
      const text = stripHtml(rest.replace(/<\/details\s*>[\s\S]*$/iu, ''));
      if (text !== '') details.answer.push(text);
    }
    if (details) {
      details.depth += opens - closes;
      if (details.depth <= 0) {
        // A details block that only folds a table of contents or a picture holds no answer.
        if (!/^(?:table\s+of\s+contents|contents|목차|차례|toc)$/iu.test(details.question))
          addCard(details.question, details.answer.join(' '), details.line);
        details = undefined;
      }
    }
  };

  /** Q:/A: lines of one paragraph or list item; true when the text was question material. */
  const readQuestionLines = (lines: readonly string[], firstLine: number): boolean => {
    if (lines.length === 0) return false;
    const first = lines[0] ?? '';
    if (!questionLine.test(first) && !(pendingQuestion && answerLine.test(first))) return false;
    let current: { part: 'question' | 'answer'; text: string[]; line: number } | undefined;
    const flush = (): void => {
      if (!current) return;
      if (current.part === 'question') pendingQuestion = { text: current.text.join(' '), line: current.line };
      else if (pendingQuestion) {
        addCard(pendingQuestion.text, current.text.join(' '), pendingQuestion.line);
        pendingQuestion = undefined;
      }
      current = undefined;
    };
    lines.forEach((line, index) => {
      const question = questionLine.exec(line);
      const answer = answerLine.exec(line);
      if (question) {
        flush();
        current = { part: 'question', text: [question[1] ?? ''], line: firstLine + index };
      } else if (answer && (current?.part === 'question' || pendingQuestion)) {
        flush();
        current = { part: 'answer', text: [answer[1] ?? ''], line: firstLine + index };
      } else if (current) {
        current.text.push(line);
      }
    });
    flush();
    return true;
  };

  const addPassage = (text: string, passageKind: Passage['kind'], node: Nodes): void => {
    if (special || kind === 'questions') return;
    if (text === '' || pointerSentence.test(text) || bareUrl.test(text)) return;
    content.passages.push({ text, kind: passageKind, line: node.position?.start.line ?? 1, ...(subheading ? { subheading } : {}) });
  };

  const visitListItem = (item: ListItem): void => {
    const paragraphs = item.children.filter((child): child is Paragraph => child.type === 'paragraph');
    const lines = paragraphs.flatMap((paragraph) => toPlainLines(paragraph));
    const isQuestion = readQuestionLines(lines, item.position?.start.line ?? 1);
    if (!isQuestion && !paragraphs.every(isLinkOnly)) {
      addPassage(collapseWhitespace(paragraphs.map(toPlainText).join(' ')), 'list-item', item);
    }
    for (const child of item.children) if (child.type !== 'paragraph') visit(child);
  };

  const visit = (node: Nodes): void => {
    if (special?.kind === 'references') {
      content.references.push(...readReferences(node as RootContent));
      return;
    }
    if (special?.kind === 'contents') return;
    if (node.type === 'html') return readHtml(node);
    if (details) {
      const text = collapseWhitespace(node.type === 'code' ? '' : toPlainLines(node).join(' '));
      if (text !== '') details.answer.push(text);
      return;
    }
    switch (node.type) {
      case 'code':
        return readCode(node);
      case 'paragraph': {
        const lines = toPlainLines(node);
        if (readQuestionLines(lines, node.position?.start.line ?? 1)) return;
        pendingQuestion = undefined;
        if (!isLinkOnly(node) && !isTable(lines)) addPassage(toPlainText(node), 'paragraph', node);
        return;
      }
      case 'list':
        for (const item of node.children) visitListItem(item);
        return;
      case 'blockquote':
        for (const child of node.children) visit(child);
        return;
      default:
        // Tables, thematic breaks, definitions: nothing a question could be asked from.
        return;
    }
  };

  const readCode = (node: Code): void => {
    if (!isAuthoredQuestionBlock(node)) return;
    const result = readAuthoredQuestion(node, file);
    if (result.ok) content.authoredQuestions.push(result.question);
    else content.problems.push({ line: result.line, message: result.message });
  };

  for (const node of nodes) {
    if (node.type === 'heading') {
      if (special && node.depth <= special.depth) special = undefined;
      if (special) continue;
      const title = toPlainText(node);
      const headingKind = classifySection(title);
      if (headingKind === 'references' || headingKind === 'questions' || headingKind === 'contents') {
        special = { depth: node.depth, kind: headingKind };
        continue;
      }
      subheading = title;
      pendingQuestion = undefined;
      const names = extractNames(title);
      if (names.length > 0) content.subsections.push({ title, names, line: node.position?.start.line ?? 1 });
      continue;
    }
    visit(node);
  }
  return content;
}

/** A paragraph of nothing but links and pictures: a caption, not an explanation. */
function isLinkOnly(paragraph: Paragraph): boolean {
  return paragraph.children.every(
    (child) =>
      child.type === 'link' ||
      child.type === 'linkReference' ||
      child.type === 'image' ||
      child.type === 'imageReference' ||
      child.type === 'break' ||
      child.type === 'html' ||
      (child.type === 'text' && /^[\s,·|/-]*$/u.test(child.value)),
  );
}

const tableDelimiterRow = /^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$/u;

/**
 * A pipe table. The parser reads CommonMark without the GFM table extension, so a table arrives as a
 * paragraph: its header line holds `|` and the next line is the `---|---` delimiter row.
 */
function isTable(lines: readonly string[]): boolean {
  return lines.length >= 2 && (lines[0] ?? '').includes('|') && tableDelimiterRow.test(lines[1] ?? '') && (lines[1] ?? '').includes('|');
}

function stripHtml(html: string): string {
  return collapseWhitespace(
    html
      .replace(/<[^>]*>/gu, ' ')
      .replace(/&nbsp;/gu, ' ')
      .replace(/&lt;/gu, '<')
      .replace(/&gt;/gu, '>')
      .replace(/&amp;/gu, '&')
      .replace(/\*\*|__|`/gu, ''),
  );
}
