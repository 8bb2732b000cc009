// Markdown → mdast, in time linear in the note's length, for notes of any size.
//
// The parser is markdown-it in its CommonMark mode; its tokens are turned into the mdast tree the rest of the
// knowledge base reads. It replaced micromark (mdast-util-from-markdown), which builds the same tree from the
// same specification but took 2.5 s for the 4.6 MB note of 10,000 concepts where this takes 0.6 s; the
// tests compare both trees on every fixture note and the hostile ones (test/kb/parse-markdown.test.ts).
//
// What differs from micromark's tree, on purpose or because markdown-it does not say:
// - Link reference definitions are resolved by the parser: `[text][label]` and `![alt][label]` become `link`
//   and `image` nodes with the definition's URL, and the definitions themselves leave no node.
// - Inline nodes carry no position; block nodes do (lines exact, columns where a block starts its line).
// - `spread` of lists and list items is the list's looseness, as CommonMark defines it for the whole list.
import MarkdownIt, { type Token } from 'markdown-it';
import type {
  Blockquote,
  Code,
  Emphasis,
  Heading,
  Link,
  List,
  ListItem,
  Nodes,
  Paragraph,
  Parent,
  PhrasingContent,
  Root,
  RootContent,
  Strong,
  Yaml,
} from 'mdast';

type Position = NonNullable<Root['position']>;
type Point = Position['start'];

/**
 * Blocks open inside each other (a list item is two: the list and the item). markdown-it stops reading where this
 * is reached, and the list around then swallows the rest of the note, so the limit is far above what notes do
 * (guard-markdown.ts cuts marker runs at 16 levels); a note nested deeper by indentation alone is read up to that
 * line, and the cut is reported (`cutAtLine`). At this depth markdown-it parses in about a second.
 */
export const maxBlockNesting = 1_000;

/**
 * Inline markup open inside each other. Each unclosed `[` is scanned this deep: 1,000 of them in a paragraph (as
 * many as guard-markdown.ts leaves) took 0.2 s at 64 and 8 s at 1,000.
 */
const maxInlineNesting = 64;

const markdownIt = new MarkdownIt('commonmark', { html: true });
// One option holds both limits; blocks are all parsed before any inline content, so each phase sets its own.
markdownIt.core.ruler.before('block', 'block_nesting', (state) => {
  state.md.options.maxNesting = maxBlockNesting;
});
markdownIt.core.ruler.before('inline', 'inline_nesting', (state) => {
  state.md.options.maxNesting = maxInlineNesting;
});
/** The first line markdown-it did not read because blocks were nested too deep, during the current parse. */
let nestingCutAtLine: number | undefined;
const tokenizeBlocks = markdownIt.block.tokenize.bind(markdownIt.block);
markdownIt.block.tokenize = (state, startLine, endLine) => {
  if (state.level >= maxBlockNesting && nestingCutAtLine === undefined && startLine < endLine) nestingCutAtLine = startLine + 1;
  tokenizeBlocks(state, startLine, endLine);
};
// mdast keeps a link's destination as the note wrote it: no percent-encoding (a Korean URL stays readable) and
// no refusing `javascript:` (nothing here renders HTML; such a link is shown as text, its URL as written).
markdownIt.normalizeLink = (url) => url;
markdownIt.normalizeLinkText = (text) => text;
markdownIt.validateLink = () => true;

export interface ParsedMarkdown {
  tree: Root;
  /** Set when blocks nested deeper than {@link maxBlockNesting}: the note was read up to this line only. */
  cutAtLine?: number;
}

/**
 * The mdast tree of a note with YAML front matter (a `yaml` node first, as micromark-extension-frontmatter
 * makes it): block nodes positioned in `source` (1-based lines and columns, 0-based offsets).
 */
export function parseMarkdown(source: string): ParsedMarkdown {
  const lines = new SourceLines(source);
  const frontMatter = readFrontMatter(source, lines);
  // The front matter's lines are handed to markdown-it blank, so every line keeps its number.
  const body = frontMatter ? '\n'.repeat(frontMatter.lineCount) + source.slice(frontMatter.bodyOffset) : source;
  nestingCutAtLine = undefined;
  const children = new TreeBuilder(lines).build(markdownIt.parse(body, {}));
  const cutAtLine = nestingCutAtLine;
  if (frontMatter) children.unshift(frontMatter.node);
  const tree: Root = { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: lines.endOfSource() } };
  return cutAtLine === undefined ? { tree } : { tree, cutAtLine };
}

/** Where each line of the note starts, and the points of a block's first and last lines. */
class SourceLines {
  /** Offset of each line's first character; line n (1-based) starts at `starts[n - 1]`. */
  private readonly starts: number[] = [0];
  /** Offset just past each line's text (before its line ending). */
  private readonly ends: number[] = [];

  constructor(private readonly source: string) {
    for (let index = 0; index < source.length; index++) {
      const char = source.charCodeAt(index);
      if (char !== 0x0a && char !== 0x0d) continue;
      this.ends.push(index);
      if (char === 0x0d && source.charCodeAt(index + 1) === 0x0a) index++;
      this.starts.push(index + 1);
    }
    this.ends.push(source.length);
  }

  get count(): number {
    return this.starts.length;
  }

  text(line: number): string {
    return this.source.slice(this.lineStart(line), this.lineEnd(line));
  }

  lineStart(line: number): number {
    return this.starts[line - 1] ?? this.source.length;
  }

  /** Just past the line's text, before its line ending. */
  lineEnd(line: number): number {
    return this.ends[line - 1] ?? this.source.length;
  }

  lineStartPoint(line: number): Point {
    return { line, column: 1, offset: this.lineStart(line) };
  }

  /** Where a block starting on `line` starts: its first character past the line's indentation. */
  blockStart(line: number): Point {
    const start = this.lineStart(line);
    const indent = /^[ \t]*/.exec(this.text(line))?.[0].length ?? 0;
    return { line, column: indent + 1, offset: start + indent };
  }

  /** Where a block whose lines are `first`..`last` ends: at the end of its last line that is not blank. */
  blockEnd(first: number, last: number): Point {
    let line = last;
    while (line > first && this.text(line).trim() === '') line--;
    const length = this.text(line).length;
    return { line, column: length + 1, offset: this.lineStart(line) + length };
  }

  endOfSource(): Point {
    const last = this.count;
    return { line: last, column: this.text(last).length + 1, offset: this.source.length };
  }
}

interface FrontMatter {
  node: Yaml;
  /** Lines from the opening `---` to the closing one, both included. */
  lineCount: number;
  /** Where the note after the closing line starts. */
  bodyOffset: number;
}

/** `---` on the first line, closed by a later `---` line, as micromark-extension-frontmatter reads YAML front matter. */
function readFrontMatter(source: string, lines: SourceLines): FrontMatter | undefined {
  const fence = /^---[ \t]*$/;
  if (lines.count < 2 || !fence.test(lines.text(1))) return undefined;
  for (let line = 2; line <= lines.count; line++) {
    if (!fence.test(lines.text(line))) continue;
    const value = line === 2 ? '' : source.slice(lines.lineStart(2), lines.lineEnd(line - 1));
    return {
      node: { type: 'yaml', value, position: { start: { line: 1, column: 1, offset: 0 }, end: lines.blockEnd(line, line) } },
      lineCount: line,
      bodyOffset: line < lines.count ? lines.lineStart(line + 1) : source.length,
    };
  }
  return undefined;
}

/** markdown-it's flat token stream → mdast nodes: an open token pushes a parent, its close token pops it. */
class TreeBuilder {
  constructor(private readonly lines: SourceLines) {}

  build(tokens: readonly Token[]): RootContent[] {
    const root: Parent = { type: 'root', children: [] };
    const stack: Parent[] = [root];
    /** Lists still open, the innermost last: a list is loose when a paragraph of its items is not hidden. */
    const openLists: List[] = [];
    for (const token of tokens) {
      const parent = stack.at(-1) as Parent;
      switch (token.type) {
        case 'heading_open':
          stack.push(this.append(parent, { type: 'heading', depth: Number(token.tag.slice(1)) as Heading['depth'], children: [] }, token));
          break;
        case 'paragraph_open': {
          // markdown-it hides the paragraphs of a tight list's items; mdast always has them.
          if (parent.type === 'listItem' && !token.hidden) (openLists.at(-1) as List).spread = true;
          stack.push(this.append(parent, { type: 'paragraph', children: [] } satisfies Paragraph, token));
          break;
        }
        case 'blockquote_open':
          stack.push(this.append(parent, { type: 'blockquote', children: [] } satisfies Blockquote, token));
          break;
        case 'bullet_list_open':
        case 'ordered_list_open': {
          const ordered = token.type === 'ordered_list_open';
          const list: List = { type: 'list', ordered, start: ordered ? Number(token.attrGet('start') ?? 1) : null, spread: false, children: [] };
          openLists.push(list);
          stack.push(this.append(parent, list, token));
          break;
        }
        case 'list_item_open':
          stack.push(this.append(parent, { type: 'listItem', spread: false, checked: null, children: [] } satisfies ListItem, token));
          break;
        case 'bullet_list_close':
        case 'ordered_list_close': {
          const list = openLists.pop() as List;
          for (const item of list.children) item.spread = list.spread ?? false;
          stack.pop();
          break;
        }
        case 'heading_close':
        case 'paragraph_close':
        case 'blockquote_close':
        case 'list_item_close':
          stack.pop();
          break;
        case 'inline':
          parent.children = readInline(token.children ?? []);
          break;
        case 'fence':
          this.append(parent, codeBlock(markdownIt.utils.unescapeAll(token.info).trim(), token.content), token);
          break;
        case 'code_block':
          this.append(parent, codeBlock('', token.content), token);
          break;
        case 'html_block':
          this.append(parent, { type: 'html', value: withoutFinalLineEnding(token.content) }, token);
          break;
        case 'hr':
          this.append(parent, { type: 'thematicBreak' }, token);
          break;
      }
    }
    return root.children;
  }

  private append<T extends Nodes>(parent: Parent, node: T, token: Token): T {
    node.position = this.positionOf(token);
    (parent.children as Nodes[]).push(node);
    return node;
  }

  private positionOf(token: Token): Position | undefined {
    if (!token.map) return undefined;
    const [first, end] = token.map;
    // markdown-it's map is 0-based and ends after the block's last line (sometimes after blank lines too).
    // Indented code starts with its indentation, which is not markup but part of the block's first line.
    const start = token.type === 'code_block' ? this.lines.lineStartPoint(first + 1) : this.lines.blockStart(first + 1);
    return { start, end: this.lines.blockEnd(first + 1, Math.max(first + 1, end)) };
  }
}

function codeBlock(info: string, content: string): Code {
  const [, lang = '', meta = ''] = /^(\S*)\s*([\s\S]*)$/.exec(info) ?? [];
  return { type: 'code', lang: lang || null, meta: meta || null, value: withoutFinalLineEnding(content) };
}

function withoutFinalLineEnding(text: string): string {
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

/** An inline token list → phrasing content, adjacent text merged and soft breaks kept as "\n" (as mdast does). */
function readInline(tokens: readonly Token[]): PhrasingContent[] {
  const root: { children: PhrasingContent[] } = { children: [] };
  const stack: { children: PhrasingContent[] }[] = [root];
  const appendText = (value: string) => {
    const siblings = (stack.at(-1) as { children: PhrasingContent[] }).children;
    const last = siblings.at(-1);
    if (last?.type === 'text') last.value += value;
    else siblings.push({ type: 'text', value });
  };
  const append = (node: PhrasingContent) => (stack.at(-1) as { children: PhrasingContent[] }).children.push(node);
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
        if (token.content !== '') appendText(token.content);
        break;
      case 'softbreak':
        appendText('\n');
        break;
      case 'hardbreak':
        append({ type: 'break' });
        break;
      case 'code_inline':
        append({ type: 'inlineCode', value: token.content });
        break;
      case 'html_inline':
        append({ type: 'html', value: token.content });
        break;
      case 'image':
        append({ type: 'image', url: attribute(token, 'src') ?? '', title: attribute(token, 'title'), alt: altText(token.children ?? []) });
        break;
      case 'em_open':
      case 'strong_open':
      case 'link_open': {
        const node: Emphasis | Strong | Link =
          token.type === 'em_open'
            ? { type: 'emphasis', children: [] }
            : token.type === 'strong_open'
              ? { type: 'strong', children: [] }
              : { type: 'link', url: attribute(token, 'href') ?? '', title: attribute(token, 'title'), children: [] };
        append(node);
        stack.push(node);
        break;
      }
      case 'em_close':
      case 'strong_close':
      case 'link_close':
        stack.pop();
        break;
    }
  }
  return root.children;
}

function attribute(token: Token, name: string): string | null {
  const value = token.attrGet(name);
  return value === null ? null : String(value);
}

/** An image's description as plain text, as mdast's `alt` holds it. */
function altText(tokens: readonly Token[]): string {
  return tokens
    .map((token) => {
      if (token.type === 'text' || token.type === 'code_inline') return token.content;
      if (token.type === 'softbreak') return '\n';
      if (token.type === 'image') return altText(token.children ?? []);
      return '';
    })
    .join('');
}
