// Before a note is parsed: line endings made uniform and absurd nesting cut, each cut a warning with the line.
import type { KbProblem } from './types.js';

/**
 * Lists and quotes nested deeper than this on one line are cut to this depth. Notes nest a few levels; the
 * parser, and every walk over its tree, pays for each level (20,000 `- ` on one line took minutes and then
 * overflowed the stack).
 */
export const maxNestingDepth = 16;

export interface GuardedMarkdown {
  markdown: string;
  problems: KbProblem[];
}

/**
 * CR-only and CRLF line endings become LF (old Mac editors save CR; every later step counts lines by LF), and
 * list or quote markers beyond {@link maxNestingDepth} at the start of a line are removed, text kept.
 */
export function guardMarkdown(markdown: string, file: string): GuardedMarkdown {
  const text = markdown.includes('\r') ? markdown.replace(/\r\n?/g, '\n') : markdown;
  const problems: KbProblem[] = [];
  const lines = text.split('\n');
  let fence: string | undefined;
  let changed = false;
  lines.forEach((line, index) => {
    const fenceMarker = /^[ \t]*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fenceMarker !== undefined && (fence === undefined || fenceMarker.startsWith(fence))) {
      fence = fence === undefined ? fenceMarker : undefined;
      return;
    }
    if (fence !== undefined) return;
    const cut = cutNesting(line);
    if (!cut) return;
    lines[index] = cut.line;
    changed = true;
    problems.push({
      severity: 'warning',
      file,
      line: index + 1,
      message: `lists or quotes nested ${cut.depth} levels deep; cut to ${maxNestingDepth} levels (the text after the markers is kept)`,
    });
  });
  return { markdown: changed ? lines.join('\n') : text, problems };
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
