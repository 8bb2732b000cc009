// The entries of a reference section (`## 참고`, `## See also`, `#### 출처`) as the note's references.
import type { Nodes, RootContent } from 'mdast';
import { toPlainLines, toPlainText, walkNodes } from './markdown-text.js';
import type { Reference } from './types.js';

const urlPattern = /https?:\/\/[^\s<>()[\]"']+/;

/** One reference per list item, or per line of a paragraph: `Wikipedia(https://ko.wikipedia.org/)`. */
export function readReferences(node: RootContent): Reference[] {
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
