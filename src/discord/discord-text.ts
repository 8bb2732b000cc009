// Text for Discord: cutting to limits, quoting what users typed, and turning note markdown into the
// subset of markdown Discord renders in embeds.

const ellipsis = '…';

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Cut at `end` without splitting a surrogate pair (an emoji half is rejected as invalid text). */
function safeCut(text: string, end: number): string {
  const cut = end > 0 && isHighSurrogate(text.charCodeAt(end - 1)) ? end - 1 : end;
  return text.slice(0, cut);
}

/** At most `max` characters; a cut is marked with `…`. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ellipsis.length) return safeCut(text, max);
  return safeCut(text, max - ellipsis.length).trimEnd() + ellipsis;
}

/**
 * Show something a user typed inside a message: one line, cut to `max`, as inline code so that markdown,
 * mentions and links in it stay inert. Backticks are swapped for a look-alike because inline code has
 * no escape for them.
 */
export function quoteUserInput(text: string, max = 60): string {
  const flat = text
    // Invisible characters would show as an empty quote, and bidi overrides would reverse the rest of the
    // bot's sentence; the zero-width joiner stays because emoji sequences are made with it.
    .replace(/(?!\u200d)[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(/`/g, 'ˋ')
    .trim();
  if (flat === '') return '""';
  return `\`${truncateText(flat, max)}\``;
}

/** Longer names are cut: a reveal lists many of them and Discord's own display names stop at 32. */
const displayNameMax = 64;

/**
 * A member's display name, shown exactly as written wherever the bot shows it (reveal posts, `/leaderboard`,
 * `/quiz stats`). Names are chosen by anyone, so none of them may format: every ASCII punctuation mark gets a
 * backslash (Discord's markdown drops the backslash before any of them, so the name reads unchanged). That
 * covers what `escapeMarkdown` leaves alone: masked links `[text](url)`, headings `#`, lists `-`, quotes `>`,
 * `<@id>` `<#id>` `<t:…>` `<:emoji:id>`, `:emoji:`, `@everyone`, and bare URLs (`https\:\/\/` is no link).
 * Empty names show as `?`.
 * Control and invisible format characters (line breaks, bidi overrides) become spaces first, so a name cannot
 * start a line of its own or reverse the sentence around it; the zero-width joiner stays for emoji sequences.
 */
export function escapeDisplayName(name: string): string {
  const flat = name
    .replace(/(?!\u200d)[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (flat === '') return '?';
  // A zero-width space after `@` as well: `@everyone` must not read as a mention even where a view forgets the
  // backslash's meaning (allowed mentions stay empty regardless).
  return truncateText(flat, displayNameMax)
    .replace(/[!-/:-@[-`{-~]/g, '\\$&')
    .replace(/@/g, '@\u200b');
}

/**
 * A member's name as the bot keeps it with an answer: control characters (NUL, line breaks) become spaces. They
 * never show (escapeDisplayName turns them into spaces too), and PostgreSQL refuses NUL in text, so a name
 * carrying one would lose the member's click there.
 */
export function nameToKeep(name: string): string {
  return name.replace(/\p{Cc}+/gu, ' ');
}

/** Masked link text may not contain brackets, and the URL may not contain spaces or closing parentheses. */
export function maskedLink(text: string, url: string): string {
  const label = text.replace(/[[\]]/g, '').replace(/\s+/g, ' ').trim() || url;
  const safeUrl = url.replace(/\s/g, '%20').replace(/\)/g, '%29').replace(/\(/g, '%28');
  return `[${label}](${safeUrl})`;
}

export function isWebUrl(url: string): boolean {
  return /^https?:\/\/\S+$/i.test(url);
}

const fencePattern = /^\s*(`{3,}|~{3,})(.*)$/;
const headingPattern = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;
const thematicBreakPattern = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const bulletPattern = /^(\s*)[-*+]\s+(.*)$/;
const imagePattern = /!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const linkPattern = /\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;

/** Inline rewrites outside code spans: Discord reads `__x__` as underline, and only web links render as links. */
function rewriteInline(text: string, omitImageUrl: string | undefined): string {
  return text
    .split(/(`+[^`]*`+)/)
    .map((part, index) => {
      if (index % 2 === 1) return part;
      return part
        .replace(imagePattern, (_match, alt: string, url: string) => {
          if (url === omitImageUrl) return '';
          return isWebUrl(url) ? maskedLink(alt || 'image', url) : alt;
        })
        .replace(linkPattern, (_match, label: string, url: string) => (isWebUrl(url) ? maskedLink(label, url) : label))
        .replace(/__(?=\S)(.+?)(?<=\S)__/g, '**$1**');
    })
    .join('');
}

function indentLevel(indent: string): number {
  const width = indent.replace(/\t/g, '    ').length;
  return Math.floor(width / 2);
}

/**
 * Note markdown → Discord markdown: bold and inline code kept, bullets as `•` (nested `◦`), headings as
 * bold lines, the concept's own image left out (the embed shows it), code fences untouched.
 */
export function toDiscordMarkdown(markdown: string, options: { omitImageUrl?: string } = {}): string {
  const lines = markdown
    .replace(/\r\n?/g, '\n')
    .replace(/<!--[\s\S]*?-->/g, '')
    .split('\n');
  const output: string[] = [];
  let fence: string | null = null;

  for (const line of lines) {
    const fenceMatch = fencePattern.exec(line);
    if (fence !== null) {
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length && fenceMatch[2]!.trim() === '') {
        fence = null;
        output.push('```');
      } else {
        output.push(line);
      }
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1]!;
      output.push('```' + fenceMatch[2]!.trim());
      continue;
    }

    const heading = headingPattern.exec(line);
    if (heading) {
      const text = rewriteInline(heading[1]!, options.omitImageUrl).replace(/\*\*/g, '').trim();
      output.push('', text ? `**${text}**` : '');
      continue;
    }
    if (thematicBreakPattern.test(line)) {
      output.push('');
      continue;
    }
    const bullet = bulletPattern.exec(line);
    if (bullet) {
      const level = indentLevel(bullet[1]!);
      const text = rewriteInline(bullet[2]!, options.omitImageUrl).trimEnd();
      const marker = level === 0 ? '•' : '◦';
      if (text !== '') output.push(`${'  '.repeat(level)}${marker} ${text}`);
      continue;
    }
    const rewritten = rewriteInline(line, options.omitImageUrl).trimEnd();
    // A line that only held the omitted image disappears instead of leaving a gap.
    if (rewritten.trim() === '' && line.trim() !== '') continue;
    output.push(rewritten);
  }
  if (fence !== null) output.push('```');

  return output
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Split text into chunks of at most `max` characters, preferring paragraph and line boundaries, then
 * spaces. A code block cut in two is closed and reopened so both halves still render as code.
 */
export function splitText(text: string, max: number): string[] {
  const fenceReserve = 8;
  const chunks: string[] = [];
  let rest = text;
  let reopen = '';
  while (rest.length > 0) {
    const room = max - reopen.length;
    if (rest.length <= room) {
      chunks.push(reopen + rest);
      break;
    }
    const window = rest.slice(0, Math.max(2, room - fenceReserve));
    let cut = window.lastIndexOf('\n\n');
    if (cut < window.length / 2) cut = window.lastIndexOf('\n');
    if (cut < window.length / 2) cut = window.lastIndexOf(' ');
    if (cut <= 0) cut = safeCut(window, window.length).length || window.length;
    const piece = rest.slice(0, cut).trimEnd();
    rest = rest
      .slice(cut)
      .replace(/^\s*\n/, '')
      .replace(/^ +/, '');
    const openFence = findOpenFence(reopen + piece);
    chunks.push(reopen + piece + (openFence === null ? '' : '\n```'));
    reopen = openFence === null ? '' : openFence + '\n';
  }
  return chunks;
}

/** The opening line (e.g. "```ts") of a fence left open at the end of `text`, or null. */
function findOpenFence(text: string): string | null {
  let open: string | null = null;
  for (const line of text.split('\n')) {
    if (/^```/.test(line.trim())) open = open === null ? line.trim() : null;
  }
  return open;
}
