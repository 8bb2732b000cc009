import { describe, expect, it } from 'vitest';
import { guardMarkdown, maxInlineMarkers, maxNestingDepth } from '../../src/kb/guard-markdown.js';
import { buildKnowledgeBase } from '../../src/kb/load-knowledge-base.js';

describe('guardMarkdown', () => {
  it('cuts 20,000 list markers on one line to the allowed depth, keeps the text and warns with file and line', () => {
    const note = `# 노트\n\n## 중첩(Nesting)\n\n${'- '.repeat(20_000)}끝\n`;

    const guarded = guardMarkdown(note, 'deep.md');

    expect(guarded.markdown).toBe(`# 노트\n\n## 중첩(Nesting)\n\n${'- '.repeat(maxNestingDepth)}끝\n`);
    expect(guarded.problems).toEqual([
      { severity: 'warning', file: 'deep.md', line: 5, message: expect.stringMatching(/nested 20000 levels deep; cut to 16 levels/) },
    ]);
  });

  it('cuts quotes, ordered lists and mixtures alike, and leaves ordinary nesting and fenced code alone', () => {
    const deepQuote = '> '.repeat(50) + 'quoted';
    const deepMixed = '1. > * '.repeat(20) + 'mixed';
    const fenced = '```\n' + '- '.repeat(40) + 'code\n```';
    const ordinary = '- a\n  - b\n    > - c';

    const guarded = guardMarkdown([deepQuote, deepMixed, fenced, ordinary].join('\n'), 'mixed.md');

    expect(guarded.markdown.split('\n')).toEqual([
      '> '.repeat(16) + 'quoted',
      '1. > * '.repeat(5) + '1. mixed',
      '```',
      '- '.repeat(40) + 'code',
      '```',
      '- a',
      '  - b',
      '    > - c',
    ]);
    expect(guarded.problems.map((problem) => problem.line)).toEqual([1, 2]);
  });

  it("reads emphasis and link markers past the paragraph's budget as plain text, with one warning per paragraph", () => {
    const stars = '*a'.repeat(20_000);
    const note = `## 별(Stars)\n\n${stars}\n${stars}\n\n- **보통** [링크](https://example.com) 문단\n`;

    const guarded = guardMarkdown(note, 'stars.md');
    const [, , first = '', second = '', , ordinary = ''] = guarded.markdown.split('\n');

    expect(first.startsWith('*a'.repeat(maxInlineMarkers) + '\\*a\\*a')).toBe(true);
    expect(second.startsWith('\\*a\\*a')).toBe(true);
    expect(ordinary).toBe('- **보통** [링크](https://example.com) 문단');
    expect(guarded.problems).toEqual([
      expect.objectContaining({ file: 'stars.md', line: 3, message: expect.stringContaining('the rest are read as plain text') }),
    ]);
  });

  it('reads CR-only and CRLF line endings like LF', () => {
    const lf = '# 노트\n\n## 도커(Docker)\n\n- 도커는 컨테이너를 실행한다.\n- 이미지로 컨테이너를 만든다.\n';

    const fromCr = buildKnowledgeBase('notes', [{ file: 'cr.md', markdown: lf.replaceAll('\n', '\r') }]);
    const fromCrLf = buildKnowledgeBase('notes', [{ file: 'cr.md', markdown: lf.replaceAll('\n', '\r\n') }]);
    const fromLf = buildKnowledgeBase('notes', [{ file: 'cr.md', markdown: lf }]);

    expect(fromLf.concepts).toHaveLength(1);
    expect(fromCr.concepts).toEqual(fromLf.concepts);
    expect(fromCrLf.concepts).toEqual(fromLf.concepts);
    expect(fromCr.problems).toEqual([]);
  });

  it('turns U+0000 into U+FFFD, so no concept text carries a NUL to the store (PostgreSQL refuses it in text)', () => {
    const note = '# 노트\n\n## 패킷(Packet)\n\n패킷은 데이터를 나누어 보내는 단위이다. 헤더\u0000와 페이로드로 구성된다.\n';

    const kb = buildKnowledgeBase('notes', [{ file: 'nul.md', markdown: note }]);

    const [concept] = kb.concepts;
    expect(concept?.body).toContain('헤더\ufffd와');
    expect(JSON.stringify(kb.concepts)).not.toContain('\\u0000');
  });

  it('loads a note with absurd nesting: the concept stays, the other concepts load, one warning names the line', () => {
    const note = `# 노트\n\n## 중첩 목록(Nested list)\n\n${'- '.repeat(20_000)}끝\n\n## 보통 개념(Plain concept)\n\n- 평범한 설명이다.\n`;

    const kb = buildKnowledgeBase('notes', [{ file: 'deep.md', markdown: note }]);

    expect(kb.concepts.map((concept) => concept.names[0])).toEqual(['중첩 목록', '보통 개념']);
    expect(kb.problems).toEqual([expect.objectContaining({ severity: 'warning', file: 'deep.md', line: 5 })]);
  });
});
