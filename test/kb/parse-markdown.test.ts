// parseMarkdown (markdown-it) against micromark's mdast, the parser it replaced: the same tree on every note the
// project has, in every line ending, and on the hostile notes, with the differences parse-markdown.ts lists.
import fs from 'node:fs';
import path from 'node:path';
import type { Definition, Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';
import { describe, expect, it } from 'vitest';
import { guardMarkdown } from '../../src/kb/guard-markdown.js';
import { maxBlockNesting, parseMarkdown } from '../../src/kb/parse-markdown.js';
import { deepListNote, deepQuoteNote, largeProseNote, manyConceptsNote, oneLineNote } from '../bench/hostile-notes.js';

const repositoryRoot = path.join(import.meta.dirname, '../..');

function micromarkTree(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [frontmatter(['yaml'])], mdastExtensions: [frontmatterFromMarkdown(['yaml'])] });
}

const phrasingTypes = new Set(['text', 'emphasis', 'strong', 'link', 'linkReference', 'image', 'imageReference', 'inlineCode', 'html', 'break']);

/**
 * A tree as both parsers can agree on it: references resolved and definitions dropped (markdown-it resolves them
 * while parsing), no `spread`, no positions inside paragraphs and headings, and for blocks below the top level
 * only their lines (markdown-it does not say where on its first line a nested block starts).
 */
function comparable(tree: Root): unknown {
  const definitions = new Map<string, Definition>();
  const collect = (node: Nodes): void => {
    if (node.type === 'definition') definitions.set(node.identifier, node);
    if ('children' in node) for (const child of node.children as Nodes[]) collect(child);
  };
  collect(tree);
  const convert = (node: Nodes, depth: number, inline: boolean): Record<string, unknown> => {
    let fields: Record<string, unknown> = { ...node };
    if (node.type === 'linkReference' || node.type === 'imageReference') {
      const definition = definitions.get(node.identifier);
      fields =
        node.type === 'linkReference'
          ? { type: 'link', url: definition?.url, title: definition?.title ?? null, children: node.children }
          : { type: 'image', url: definition?.url, title: definition?.title ?? null, alt: node.alt };
    }
    delete fields.spread;
    const position = node.position;
    delete fields.position;
    if (position && !inline) {
      fields.position =
        depth <= 1
          ? position
          : {
              start: position.start.line,
              end: position.end.line,
            };
    }
    if ('children' in node) {
      fields.children = (fields.children as Nodes[])
        .filter((child) => child.type !== 'definition')
        .map((child) => convert(child, depth + 1, inline || phrasingTypes.has(child.type)));
    }
    return fields;
  };
  return convert(tree, 0, false);
}

function expectSameTree(markdown: string): void {
  const guarded = guardMarkdown(markdown, 'note.md').markdown;
  expect(comparable(parseMarkdown(guarded).tree)).toEqual(comparable(micromarkTree(guarded)));
}

function notesOf(directory: string): string[] {
  return fs
    .readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .map((file) => path.join(directory, file))
    .sort();
}

/** Every note under test/fixtures (data/docs is the team's: a note added there must never break a test). */
const projectNotes = notesOf(path.join(repositoryRoot, 'test/fixtures'))
  // micromark-extension-frontmatter reads the list after an unclosed `---` as a paragraph; see the test below.
  .filter((file) => !file.endsWith('unclosed-front-matter.md'));

const snippets: Record<string, string> = {
  'fenced and indented code': '# N\n\n```md\n## inside code\n```\n\n~~~js   meta here\nx\n~~~\n\n    indented\n    code\n\n\n    more\n\ntext\n',
  'raw HTML and <details>':
    '# N\n\n<!--\n## inside a comment\n-->\n\n<div>\n## inside raw html\n</div>\n\n<details><summary>Q?</summary>\n\nAnswer **bold**\n\n</details>\n',
  'reference links and images':
    '# Note\n\n## Uses\n\nSee [the docs][docs] and ![logo *x*][logo] and [docs] and [Docs][].\n\n## Defines\n\n[docs]: https://example.com/docs "T"\n[LOGO]: <https://example.com/lo go.png>\n',
  'links, autolinks, breaks and entities':
    'a [x](https://ko.wikipedia.org/wiki/컨테이너 "title") <https://a.b/c> <me@x.org> ![img](a.png) [j](javascript:alert(1)) `code  x` a  \nb\\\nc &amp; &#44; \\* **b**를 *e*\n',
  'lists, loose and tight': '1. a\n2. b\n\n   c\n10) x\n- a\n- b\n\n- c\n* d\n  > q\n  > r\n\n- [ ] task\n-\n- \n1.\n',
  'setext and closed headings': 'Title\n=====\n\nSub\n---\n\n## closed ##   \n\n#5 not\n\n***\n\n# \n\n#\n',
  'front matter': '---\nid: x\ntitle: "T"\n---\n# H\n\ntext\n',
  'empty front matter': '---\n---\n# H\n',
  'front matter fences with trailing spaces': '---  \nid: y\n---   \n\n# H\n',
  'lazy continuation': '> a\nb\n\n- c\nd\n\n  e\n',
  'trailing spaces and blank lines': '# H\n\npara   \n\n\n\n',
};

describe('parseMarkdown', () => {
  it.each(projectNotes.map((file) => [path.relative(repositoryRoot, file)]))('builds micromark’s tree for %s', (file) => {
    expectSameTree(fs.readFileSync(path.join(repositoryRoot, file), 'utf8'));
  });

  it('builds the same tree with CRLF and CR-only line endings, positions included', () => {
    for (const file of projectNotes) {
      const markdown = fs.readFileSync(file, 'utf8');
      expectSameTree(markdown.replace(/\r?\n/g, '\r\n'));
      expectSameTree(markdown.replace(/\r?\n/g, '\r'));
    }
  });

  it.each(Object.entries(snippets))('builds micromark’s tree for %s', (_name, markdown) => {
    expectSameTree(markdown);
  });

  it('builds micromark’s tree for the hostile notes once guarded (many concepts, prose, one line, deep nesting)', () => {
    for (const markdown of [manyConceptsNote(300), largeProseNote(200_000), oneLineNote(50_000), deepListNote(2_000), deepQuoteNote(2_000)])
      expectSameTree(markdown);
  });

  it('resolves reference links wherever the definition is, and keeps the URL as written', () => {
    const filler = 'Filler paragraph.\n\n'.repeat(500);
    const { tree } = parseMarkdown(
      `# Note\n\n## Uses\n\nSee [the docs][docs] and ![로고][logo].\n\n${filler}## Defines\n\n[docs]: https://ko.wikipedia.org/wiki/도커\n[LOGO]: https://example.com/logo.png\n`,
    );
    const json = JSON.stringify(tree);

    expect(json).toContain('"type":"link","url":"https://ko.wikipedia.org/wiki/도커"');
    expect(json).toContain('"type":"image","url":"https://example.com/logo.png","title":null,"alt":"로고"');
    expect(json).not.toContain('"type":"definition"');
  });

  it('reads a list after an unclosed front matter fence as a list, as CommonMark does', () => {
    const markdown = '---\naliases: [a]\n\n# T\n\n- item **x** y.\n';
    const types = parseMarkdown(markdown).tree.children.map((node) => node.type);

    expect(types).toEqual(['thematicBreak', 'paragraph', 'heading', 'list']);
    // micromark without its front matter extension agrees; with it, the list became a paragraph.
    expect(fromMarkdown(markdown).children.map((node) => node.type)).toEqual(types);
  });

  it('reads to the end of a note nested as deep as guard-markdown allows', () => {
    const guarded = guardMarkdown(`${deepListNote(100)}\n\n## 끝(End)\n\nlast words\n`, 'deep.md').markdown;
    const { tree, cutAtLine } = parseMarkdown(guarded);

    expect(JSON.stringify(tree.children.at(-1))).toContain('last words');
    expect(cutAtLine).toBeUndefined();
  });

  it('reads lists nested by indentation alone as deep as notes go, and the rest of the note after them', () => {
    const nested = Array.from({ length: 200 }, (_, level) => `${'  '.repeat(level)}- level ${level}`).join('\n');
    const { tree, cutAtLine } = parseMarkdown(`## A\n\n${nested}\n\nafter the list\n\n## B\n\nb text\n`);
    const json = JSON.stringify(tree);

    expect(json).toContain('level 199');
    expect(json).toContain('after the list');
    expect(json).toContain('b text');
    expect(cutAtLine).toBeUndefined();
  });

  it('says where it stopped reading a note nested deeper than maxBlockNesting', () => {
    const depth = maxBlockNesting / 2 + 10;
    const nested = Array.from({ length: depth }, (_, level) => `${'  '.repeat(level)}- level ${level}`).join('\n');
    const { tree, cutAtLine } = parseMarkdown(`## A\n\n${nested}\n\n## B\n`);

    expect(JSON.stringify(tree)).toContain(`level ${maxBlockNesting / 2 - 2}`);
    // Line 3 holds level 0: the item at level (limit / 2) is the first one left unread.
    expect(cutAtLine).toBeGreaterThan(3 + maxBlockNesting / 2 - 3);
    expect(cutAtLine).toBeLessThanOrEqual(3 + maxBlockNesting / 2 + 1);
  });
});
