import fs from 'node:fs';
import path from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, splitAtTopLevelHeadings } from '../../src/kb/parse-markdown.js';

const notesDir = path.join(import.meta.dirname, '../fixtures/notes');

function parseWhole(markdown: string) {
  return fromMarkdown(markdown, { extensions: [frontmatter(['yaml'])], mdastExtensions: [frontmatterFromMarkdown(['yaml'])] });
}

/** Every fixture note, one after the other, as many times as it takes to be cut into several parts. */
function longNote(extra: string): string {
  const notes = fs
    .readdirSync(notesDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .sort();
  const bodies = notes.map((file) => fs.readFileSync(path.join(notesDir, file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));
  const chapters: string[] = ['---\nid: long\n# a comment, not a heading\n---\n'];
  for (let round = 0; chapters.join('\n').length < 100_000; round++)
    chapters.push(`## 장 ${round}(Chapter ${round})\n\n${bodies[round % bodies.length]}\n${extra}`);
  return chapters.join('\n');
}

describe('parseMarkdown', () => {
  it('builds the same tree, positions included, as one parse of the whole note', () => {
    const note = longNote('- 목록 항목\n  이어지는 줄\n\n> 인용\n> 두 번째 줄\n');
    expect(splitAtTopLevelHeadings(note).length).toBeGreaterThan(3);

    expect(parseMarkdown(note)).toEqual(parseWhole(note));
  });

  it('never cuts inside fenced code, an HTML comment or a raw HTML block, where "## …" is not a heading', () => {
    const filler = 'Filler paragraph text that makes the note long enough to be parsed in parts.\n\n'.repeat(500);
    const note = [
      filler,
      '```md\n## inside code\n```\n',
      filler,
      '<!--\n## inside a comment\n-->\n',
      filler,
      '<div>\n## inside raw html\n</div>\n',
      filler,
      '- item\n  ~~~\n## ends the list and the fence\n',
      filler,
    ].join('\n');

    expect(parseMarkdown(note)).toEqual(parseWhole(note));
  });

  it('resolves a link reference defined in another part of the note, as markdown does', () => {
    const filler = 'Filler paragraph text that makes the note long enough to be parsed in parts.\n\n'.repeat(500);
    const note = `# Note\n\n## Uses\n\nSee [the docs][docs] and ![logo][logo].\n\n${filler}## Defines\n\n${filler}[docs]: https://example.com/docs\n[LOGO]: https://example.com/logo.png\n`;
    const tree = parseMarkdown(note);

    expect(splitAtTopLevelHeadings(note).length).toBeGreaterThan(1);
    expect(tree).toEqual(parseWhole(note));
    expect(JSON.stringify(tree)).toContain('"type":"linkReference"');
  });
});
