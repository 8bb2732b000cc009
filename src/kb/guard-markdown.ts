// Before a note is parsed: line endings made uniform and absurd nesting cut, each cut a warning with the line.
import type { KbProblem } from './types.js';

/**
 * Lists and quotes nested deeper than this on one line are cut to this depth. Notes nest a few levels; the
 * parser, and every walk over its tree, pays for each level (20,000 `- ` on one line took minutes and then
 * overflowed the stack).
 */
export const maxNestingDepth = 16;

/**
 * Emphasis (`*`, `_`) and link (`[`, `]`) markers past this many in one paragraph are read as plain text.
 * Parsers pair these markers in time quadratic in their number: with micromark 40 KB of `*a*a…` took 90 s; with
 * markdown-it (parse-markdown.ts) each unclosed `[` is scanned to the end of its paragraph.
 */
export const maxInlineMarkers = 1_000;

export interface GuardedMarkdown {
  markdown: string;
  problems: KbProblem[];
}

/**
 * CR-only and CRLF line endings become LF (old Mac editors save CR; every later step counts lines by LF), U+0000
 * becomes U+FFFD, and list or quote markers beyond {@link maxNestingDepth} at the start of a line are removed,
 * text kept.
 */
export function guardMarkdown(markdown: string, file: string): GuardedMarkdown {
  const text = withoutNul(markdown.includes('\r') ? markdown.replace(/\r\n?/g, '\n') : markdown);
  const problems: KbProblem[] = [];
  const lines = text.split('\n');
  let fence: string | undefined;
  let changed = false;
  /** Markers met so far in the current paragraph, by kind. */
  const markers = { emphasis: 0, link: 0 };
  let paragraphWarned = false;
  lines.forEach((line, index) => {
    const fenceMarker = /^[ \t]*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fenceMarker !== undefined && (fence === undefined || fenceMarker.startsWith(fence))) {
      fence = fence === undefined ? fenceMarker : undefined;
      return;
    }
    if (fence !== undefined) return;
    if (line.trim() === '') {
      markers.emphasis = 0;
      markers.link = 0;
      paragraphWarned = false;
      return;
    }
    const cut = cutNesting(line);
    if (cut) {
      lines[index] = cut.line;
      changed = true;
      problems.push({
        severity: 'warning',
        file,
        line: index + 1,
        message: `lists or quotes nested ${cut.depth} levels deep; cut to ${maxNestingDepth} levels (the text after the markers is kept)`,
      });
    }
    const escaped = escapeExcessMarkers(lines[index] ?? '', markers);
    if (escaped === undefined) return;
    lines[index] = escaped;
    changed = true;
    if (paragraphWarned) return;
    paragraphWarned = true;
    problems.push({
      severity: 'warning',
      file,
      line: index + 1,
      message: `more than ${maxInlineMarkers} emphasis or link markers (* _ [ ]) in one paragraph; the rest are read as plain text`,
    });
  });
  return { markdown: changed ? lines.join('\n') : text, problems };
}

/**
 * The line with `*`, `_`, `[`, `]` past the paragraph's budget escaped, or undefined when none is past it. Nearly
 * every line is within budget: it is only counted, and copied from the first marker past the budget on.
 */
function escapeExcessMarkers(line: string, markers: { emphasis: number; link: number }): string | undefined {
  if (!/[*_[\]]/.test(line)) return undefined;
  let escaped: string | undefined;
  let copiedUntil = 0;
  for (let index = 0; index < line.length; index++) {
    const code = line.charCodeAt(index);
    const kind = code === 0x2a || code === 0x5f ? 'emphasis' : code === 0x5b || code === 0x5d ? 'link' : undefined;
    if (kind === undefined || line.charCodeAt(index - 1) === 0x5c) continue;
    markers[kind]++;
    if (markers[kind] > maxInlineMarkers) {
      escaped = `${escaped ?? ''}${line.slice(copiedUntil, index)}\\`;
      copiedUntil = index;
    }
  }
  return escaped === undefined ? undefined : escaped + line.slice(copiedUntil);
}

/** The line with markers past the allowed depth removed, or undefined when it nests no deeper than allowed. */
function cutNesting(line: string): { line: string; depth: number } | undefined {
  let depth = 0;
  let keepUntil = 0;
  let position = 0;
  for (;;) {
    let at = position;
    while (line[at] === ' ' || line[at] === '\t') at++;
    const markerEnd = endOfMarker(line, at);
    if (markerEnd === undefined) break;
    depth++;
    position = markerEnd;
    if (depth === maxNestingDepth) keepUntil = position;
  }
  if (depth <= maxNestingDepth) return undefined;
  return { line: line.slice(0, keepUntil) + line.slice(position).trimStart(), depth };
}

/** After a list or quote marker starting at `at` (and the space after it), or undefined when there is none. */
function endOfMarker(line: string, at: number): number | undefined {
  const char = line[at];
  const spaced = (end: number): number | undefined => {
    const next = line[end];
    if (next === undefined) return end;
    return next === ' ' || next === '\t' ? end + 1 : undefined;
  };
  if (char === '>') return line[at + 1] === ' ' ? at + 2 : at + 1;
  if (char === '-' || char === '*' || char === '+') return spaced(at + 1);
  let end = at;
  while (end - at < 9 && isDigit(line.charCodeAt(end))) end++;
  if (end > at && (line[end] === '.' || line[end] === ')')) return spaced(end + 1);
  return undefined;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/**
 * CommonMark replaces U+0000 with U+FFFD when it parses, but concept bodies and quiz sentences are cut from the
 * note's own text, so a NUL would reach the store, and PostgreSQL refuses NUL in text: every question from that
 * concept would fail to save. Replaced here, once, for every later step.
 */
function withoutNul(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '\ufffd') : text;
}
