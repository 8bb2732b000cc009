import { describe, expect, it } from 'vitest';
import { escapeDisplayName, quoteUserInput, splitText, toDiscordMarkdown, truncateText } from '../../src/discord/discord-text.js';

describe('toDiscordMarkdown', () => {
  it('keeps bold, turns bullets into • and ### headings into bold lines', () => {
    const markdown = ['- 쿠버네티스는 **컨테이너**화된 애플리케이션', '  - nested item', '', '### 장점', '', '* star bullet'].join('\n');

    const converted = toDiscordMarkdown(markdown);

    expect(converted).toBe(['• 쿠버네티스는 **컨테이너**화된 애플리케이션', '  ◦ nested item', '', '**장점**', '', '• star bullet'].join('\n'));
  });

  it('leaves code blocks untouched, even lines that look like headings or bullets', () => {
    const markdown = ['```bash', '# not a heading', '- not a bullet', '```', '- after'].join('\n');

    expect(toDiscordMarkdown(markdown)).toBe(['```bash', '# not a heading', '- not a bullet', '```', '• after'].join('\n'));
  });

  it('drops the image the embed already shows and keeps other web images as links', () => {
    const markdown = [
      'text',
      '',
      '![kernel](https://example.com/k.png)',
      '',
      'see ![diagram](https://example.com/d.png) and ![local](./img.png)',
    ].join('\n');

    const converted = toDiscordMarkdown(markdown, { omitImageUrl: 'https://example.com/k.png' });

    expect(converted).toBe(['text', '', 'see [diagram](https://example.com/d.png) and local'].join('\n'));
  });

  it('turns __bold__ into **bold** because Discord reads underscores as underline, except inside code', () => {
    expect(toDiscordMarkdown('a __strong__ word and `__init__`')).toBe('a **strong** word and `__init__`');
  });

  it('keeps web links and reduces relative links to their text', () => {
    expect(toDiscordMarkdown('[Docker](https://docker.com) and [other note](../other.md)')).toBe('[Docker](https://docker.com) and other note');
  });
});

describe('splitText', () => {
  it('cuts at line boundaries and keeps every chunk within the limit', () => {
    const lines = Array.from({ length: 200 }, (_, index) => `• line ${index} ${'가'.repeat(30)}`);

    const chunks = splitText(lines.join('\n'), 1000);

    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(1000);
    expect(chunks.join('\n').split('\n')).toEqual(lines);
  });

  it('closes a code block at a cut and reopens it in the next chunk', () => {
    const code = ['```ts', ...Array.from({ length: 100 }, (_, index) => `const value${index} = ${index};`), '```'].join('\n');

    const chunks = splitText(code, 500);

    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(500);
      expect(chunk.startsWith('```')).toBe(true);
      expect(chunk.endsWith('```')).toBe(true);
    }
  });

  it('hard-cuts a single line longer than the limit', () => {
    const chunks = splitText('x'.repeat(2500), 1000);

    expect(chunks.map((chunk) => chunk.length)).toEqual([992, 992, 516]);
  });
});

describe('quoteUserInput', () => {
  it('shows user text as one line of inline code, backticks neutralised, cut to the limit', () => {
    const quoted = quoteUserInput('`@everyone`\n**bold** <@123>' + 'x'.repeat(100), 40);

    expect(quoted.startsWith('`') && quoted.endsWith('`')).toBe(true);
    expect(quoted.slice(1, -1)).not.toContain('`');
    expect(quoted).not.toContain('\n');
    expect(quoted.length).toBeLessThanOrEqual(42);
    expect(quoted).toContain('@everyone');
  });

  it('shows whitespace-only input as empty quotes instead of broken code', () => {
    expect(quoteUserInput('   ')).toBe('""');
  });

  it('drops invisible and direction-changing characters, keeping emoji sequences whole', () => {
    expect(quoteUserInput('\u200b\u200b')).toBe('""');
    expect(quoteUserInput('abc\u202edef')).toBe('`abc def`');
    expect(quoteUserInput('👩\u200d💻 docker')).toBe('`👩\u200d💻 docker`');
  });
});

describe('truncateText', () => {
  it('never splits an emoji in half', () => {
    const truncated = truncateText('ab😀😀😀', 4);

    expect(truncated).toBe('ab…');
  });
});

describe('escapeDisplayName', () => {
  /** What Discord's markdown shows for escaped text: a backslash before punctuation is dropped, the mark kept. */
  const rendered = (escaped: string) => escaped.replace(/\\([^0-9A-Za-z\s])/g, '$1').replace(/\u200b/g, '');

  it.each([
    ['[free nitro](https://evil.example/a)'],
    ['**bold**'],
    ['# heading'],
    ['- list item'],
    ['> quote'],
    ['<@123456789012345678>'],
    ['<#123456789012345678>'],
    ['<t:1795764779:R>'],
    ['<:pepe:123456789012345678>'],
    [':smile:'],
    ['@everyone'],
    ['`code`'],
    ['||spoiler||'],
    ['~~strike~~ __under__ *it*'],
    ['https://evil.example/a'],
    ['back\\slash'],
  ])('%s reads as written but no markdown, mention, emoji or link syntax survives', (name) => {
    const escaped = escapeDisplayName(name);

    expect(rendered(escaped)).toBe(name);
    // Every punctuation mark is preceded by a backslash: nothing is left for Discord to interpret.
    expect(escaped.replace(/\\[!-/:-@[-`{-~]/g, '')).not.toMatch(/[!-/:-@[-`{-~]/);
    expect(escaped).not.toMatch(/https?:\/\/|@everyone|<@/);
  });

  it('keeps letters, Korean and emoji as they are', () => {
    expect(escapeDisplayName('김민지 🐳 Kim')).toBe('김민지 🐳 Kim');
    expect(escapeDisplayName('👩\u200d💻 dev')).toBe('👩\u200d💻 dev');
  });

  it('folds line breaks, bidi overrides and invisible characters into single spaces, and shows an empty name as ?', () => {
    expect(escapeDisplayName('a\n# b\u202eevil')).toBe('a \\# b evil');
    expect(escapeDisplayName('\u200b \n')).toBe('?');
  });

  it('cuts a long name to 64 characters before escaping', () => {
    expect(escapeDisplayName('a'.repeat(200))).toHaveLength(64);
    expect(rendered(escapeDisplayName('['.repeat(200))).length).toBe(64);
  });
});
