// Plain text out of mdast nodes, and the repair of bold that CommonMark drops next to Hangul.
import type { Nodes, Parent, PhrasingContent, Root, Strong, Text } from 'mdast';

/** Inline markup removed: bold/italic/link text kept, images dropped, whitespace collapsed. */
export function toPlainText(node: Nodes): string {
  return collapseWhitespace(collectText(node));
}

/** Like {@link toPlainText} but keeps line breaks, for text that lists one thing per line. */
export function toPlainLines(node: Nodes): string[] {
  return collectText(node)
    .split('\n')
    .map(collapseWhitespace)
    .filter((line) => line !== '');
}

function collectText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'break':
      return '\n';
    case 'image':
    case 'imageReference':
    case 'html':
    case 'definition':
    case 'yaml':
      return '';
    case 'code':
      return node.value;
    default: {
      if (!('children' in node)) return '';
      let text = '';
      for (const child of node.children as Nodes[]) text += collectText(child);
      return text;
    }
  }
}

export function collapseWhitespace(text: string): string {
  return isCollapsed(text) ? text : text.replace(/\s+/g, ' ').trim();
}

/**
 * Whether `text` is already what {@link collapseWhitespace} makes of it: no whitespace but single spaces between
 * other characters. Most statements are, and the check allocates nothing where the replace and trim make two
 * strings (every paragraph, list item and heading of a note goes through here, several times).
 */
export function isCollapsed(text: string): boolean {
  const last = text.length - 1;
  for (let index = 0; index <= last; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x20) {
      if (index === 0 || index === last || text.charCodeAt(index - 1) === 0x20) return false;
    } else if (isJsWhitespace(code)) return false;
  }
  return true;
}

/** What `\s` and `trim()` match besides the plain space: ECMAScript's WhiteSpace and LineTerminator. */
function isJsWhitespace(code: number): boolean {
  if (code < 0x80) return (code >= 0x09 && code <= 0x0d) || code === 0x20;
  if (code < 0xa0 || (code > 0x3000 && code !== 0xfeff)) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * CommonMark only closes `**` when the delimiter is "right-flanking": `**도커(Docker)**를` stays literal
 * because `)` is punctuation followed by a letter. Korean notes write exactly this all the time
 * (bold term, closing parenthesis, particle), so a text node that still holds a `**…**` pair after
 * parsing is turned into the strong node the author meant. Only `**` is repaired: `__` and single
 * `*` appear literally in identifiers and arithmetic far more often than as intended emphasis.
 */
export function repairHangulBold(tree: Root): void {
  visitParents(tree, (parent) => {
    if (!parent.children.some((child) => child.type === 'text' && child.value.includes('**'))) return;
    const repaired: Nodes[] = [];
    for (const child of parent.children as Nodes[]) {
      if (child.type === 'text') repaired.push(...splitLiteralBold(child));
      else repaired.push(child);
    }
    parent.children = repaired as Parent['children'];
  });
}

const literalBoldPattern = /\*\*(?=\S)(.+?)(?<=\S)\*\*/g;

function splitLiteralBold(node: Text): PhrasingContent[] {
  const parts: PhrasingContent[] = [];
  let last = 0;
  for (const match of node.value.matchAll(literalBoldPattern)) {
    const start = match.index;
    if (start > last) parts.push({ type: 'text', value: node.value.slice(last, start) });
    const strong: Strong = { type: 'strong', children: [{ type: 'text', value: match[1] ?? '' }] };
    parts.push(strong);
    last = start + match[0].length;
  }
  if (parts.length === 0) return [node];
  if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
  return parts;
}

function visitParents(node: Nodes, visit: (parent: Parent) => void): void {
  if (!('children' in node)) return;
  visit(node);
  for (const child of node.children as Nodes[]) visitParents(child, visit);
}

/**
 * Every node below `node` (itself included), depth first, in document order. A list rather than a generator: a
 * generator makes a result object per node, and a note's whole tree is walked several times (definitions, bold
 * terms, pictures); the few walks that stop early only cover one list item or section.
 */
export function walkNodes(node: Nodes): Nodes[] {
  const nodes: Nodes[] = [];
  // A stack rather than recursion: a deep tree must not overflow the call stack.
  const stack: Nodes[] = [node];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    nodes.push(next);
    if (!('children' in next)) continue;
    const children = next.children as Nodes[];
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
  }
  return nodes;
}
