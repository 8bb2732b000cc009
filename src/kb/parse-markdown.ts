// Markdown → mdast in time linear in the note's length, for notes of any size.
import type { Definition, Nodes, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';

/**
 * Parts are parsed on their own from about this size up. micromark rewrites the whole list of the document's
 * container events each time a list or quote closes (its `EditMap.consume`), so one parse of a note with
 * 10,000 sections of bullets takes minutes; small parts keep that cost bounded. Measured on that note, parts
 * of 2 to 8 KB parse it a third faster than parts of 32 KB; prose without lists takes the same time either way.
 */
const partTargetChars = 4_000;

const options = {
  extensions: [frontmatter(['yaml'])],
  mdastExtensions: [frontmatterFromMarkdown(['yaml'])],
};

/**
 * The same tree as `fromMarkdown(source)` with YAML front matter, built part by part. A note is only cut right
 * before a `#` heading at column 0 outside front matter, fenced code and raw HTML blocks: such a line always
 * starts a new top-level block, so nothing before it can continue past it. Link reference definitions are
 * document-wide in markdown: a part that uses a label defined in another part is parsed again with it.
 */
export function parseMarkdown(source: string): Root {
  const parts = splitAtTopLevelHeadings(source);
  if (parts.length === 1) return fromMarkdown(source, options);

  const trees = parts.map((part) => fromMarkdown(part.text, options));
  const definitionsByLabel = new Map<string, { part: number; text: string }>();
  trees.forEach((tree, index) => {
    for (const node of tree.children) {
      if (node.type !== 'definition' || definitionsByLabel.has(node.identifier)) continue;
      const text = sourceOf(parts[index]?.text ?? '', node);
      if (text !== undefined) definitionsByLabel.set(node.identifier, { part: index, text });
    }
  });

  const children: RootContent[] = [];
  parts.forEach((part, index) => {
    let tree = trees[index] as Root;
    const borrowed = definitionsByLabel.size === 0 ? [] : labelsUsedFromElsewhere(part.text, index, definitionsByLabel);
    if (borrowed.length > 0) {
      // Appended after a blank line: definitions there close whatever block ends the part and change nothing before.
      const appended = `${part.text}\n\n${borrowed.join('\n')}\n`;
      tree = fromMarkdown(appended, options);
      tree.children = tree.children.filter((node) => (node.position?.start.offset ?? 0) < part.text.length);
    }
    for (const node of tree.children) {
      shiftPositions(node, part.offset, part.line - 1);
      children.push(node);
    }
  });
  const lines = source.split(/\r\n|\r|\n/);
  return {
    type: 'root',
    children,
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1, offset: source.length },
    },
  };
}

interface Part {
  text: string;
  /** Of the part's first character in the note. */
  offset: number;
  /** 1-based line of the part's first line in the note. */
  line: number;
}

/** The note cut at top-level headings into parts of at least `partTargetChars` (the last may be shorter). */
export function splitAtTopLevelHeadings(source: string): Part[] {
  const parts: Part[] = [];
  let partStart = 0;
  let partLine = 1;
  let line = 1;
  let block: BlockState = { kind: 'none' };
  let offset = 0;
  while (offset < source.length) {
    const end = nextLineEnd(source, offset);
    const text = source.slice(offset, end.contentEnd);
    if (offset - partStart >= partTargetChars && block.kind === 'none' && /^#{1,6}(?:[ \t]|$)/.test(text)) {
      parts.push({ text: source.slice(partStart, offset), offset: partStart, line: partLine });
      partStart = offset;
      partLine = line;
    }
    block = nextBlockState(block, text, line);
    offset = end.next;
    line++;
  }
  parts.push({ text: source.slice(partStart), offset: partStart, line: partLine });
  return parts;
}

type BlockState =
  | { kind: 'none' }
  | { kind: 'front-matter' }
  | { kind: 'fence'; marker: string; indent: number }
  /** Raw HTML runs to its terminator, or (`<div>`, any other tag) to the next blank line. */
  | { kind: 'html'; terminator: RegExp };

const htmlBlockStarts: readonly [RegExp, RegExp][] = [
  [/^ {0,3}<(?:pre|script|style|textarea)(?:[\s>]|$)/i, /<\/(?:pre|script|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
/** `<div>`, `</p>`, any other tag starting a line: raw HTML up to the next blank line. */
const htmlTagBlockStart = /^ {0,3}<\/?[A-Za-z]/;

/**
 * Where a line leaves the parser, conservatively: a fence or raw HTML opened at any indentation counts, so a
 * doubtful line is never a cut (not cutting only costs time, a wrong cut would change the tree).
 */
function nextBlockState(state: BlockState, text: string, line: number): BlockState {
  switch (state.kind) {
    case 'front-matter':
      return /^(?:---|\.\.\.)[ \t]*$/.test(text) ? { kind: 'none' } : state;
    case 'fence': {
      // Closed by the same fence, indented no more than markdown allows for where it was opened.
      const closing = /^([ \t]*)(`{3,}|~{3,})[ \t]*$/.exec(text);
      if (!closing || (closing[1]?.length ?? 0) > state.indent + 3) return state;
      const marker = closing[2] ?? '';
      return marker[0] === state.marker[0] && marker.length >= state.marker.length ? { kind: 'none' } : state;
    }
    case 'html':
      return state.terminator.test(text) ? { kind: 'none' } : state;
    case 'none': {
      if (line === 1 && /^---[ \t]*$/.test(text)) return { kind: 'front-matter' };
      const fence = /^([ \t>*+\-\d.)]*?)(`{3,}|~{3,})/.exec(text);
      if (fence?.[2]) return { kind: 'fence', marker: fence[2], indent: fence[1]?.length ?? 0 };
      const trimmed = text.replace(/^[ \t>*+\-\d.)]*/, '');
      for (const [start, terminator] of htmlBlockStarts) {
        if (start.test(trimmed)) return terminator.test(trimmed.replace(start, '')) ? state : { kind: 'html', terminator };
      }
      if (htmlTagBlockStart.test(trimmed)) return { kind: 'html', terminator: /^[ \t]*$/ };
      return state;
    }
  }
}

function nextLineEnd(source: string, from: number): { contentEnd: number; next: number } {
  for (let index = from; index < source.length; index++) {
    const char = source.charCodeAt(index);
    if (char === 0x0a) return { contentEnd: index, next: index + 1 };
    if (char === 0x0d) return { contentEnd: index, next: source.charCodeAt(index + 1) === 0x0a ? index + 2 : index + 1 };
  }
  return { contentEnd: source.length, next: source.length };
}

function sourceOf(text: string, node: Definition): string | undefined {
  const { start, end } = node.position ?? {};
  if (start?.offset === undefined || end?.offset === undefined) return undefined;
  return text.slice(start.offset, end.offset).trim();
}

/** Definition lines from other parts whose label this part mentions in brackets. */
function labelsUsedFromElsewhere(text: string, part: number, definitions: Map<string, { part: number; text: string }>): string[] {
  const borrowed = new Set<string>();
  for (const match of text.matchAll(/\[([^\]\n]{1,999})\]/g)) {
    // As mdast normalizes a definition's identifier.
    const label = (match[1] ?? '')
      .replace(/[\t\n\r ]+/g, ' ')
      .trim()
      .toLowerCase()
      .toUpperCase()
      .toLowerCase();
    const definition = definitions.get(label);
    if (definition && definition.part !== part) borrowed.add(definition.text);
  }
  return [...borrowed];
}

function shiftPositions(root: Nodes, offset: number, lines: number): void {
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    const position = node.position;
    if (position) {
      // In place: fromMarkdown gives every node points of its own, and a copy per point cost ~0.4 µs each on
      // Node 20 (an object spread followed by fields), about 50 ms for the 120,000 nodes of 10,000 concepts.
      position.start.line += lines;
      position.start.offset = (position.start.offset ?? 0) + offset;
      position.end.line += lines;
      position.end.offset = (position.end.offset ?? 0) + offset;
    }
    // A loop, not push(...children): a node may have more children than a call takes arguments.
    if ('children' in node) for (const child of node.children as Nodes[]) stack.push(child);
  }
}
