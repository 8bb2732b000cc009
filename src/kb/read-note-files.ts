// The notes of a folder as text. Whatever cannot be read becomes a problem with file and line.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { KbProblem } from './types.js';

export interface NoteFile {
  /** Relative to the docs dir, with `/` separators. */
  file: string;
  markdown: string;
}

/** The notes below `docsDir` as text, for callers that combine folders or cache files themselves. */
export async function readNoteFiles(docsDir: string): Promise<{ files: NoteFile[]; problems: KbProblem[] }> {
  const problems: KbProblem[] = [];
  const absoluteDir = path.resolve(docsDir);
  const dirStat = await stat(absoluteDir).catch(() => undefined);
  if (!dirStat?.isDirectory()) {
    const reason = dirStat ? ' is a file, not a directory' : '';
    problems.push({ severity: 'error', file: '.', message: `docs directory not found: ${absoluteDir}${reason} (set DOCS_DIR or pass --docs DIR)` });
    return { files: [], problems };
  }
  const paths = await listMarkdownFiles(absoluteDir, '', problems);
  paths.sort(compareCodePoints);
  const files: NoteFile[] = [];
  for (const file of paths) {
    let bytes: Buffer;
    try {
      bytes = await readFile(path.join(absoluteDir, file));
    } catch (error) {
      problems.push({ severity: 'error', file, line: 1, message: `cannot read the note: ${describeError(error)}` });
      continue;
    }
    const decoded = decodeUtf8(bytes);
    if (!decoded.ok) {
      problems.push({ severity: 'error', file, line: decoded.line, message: 'the note is not UTF-8 text (save it as UTF-8); it was skipped' });
      continue;
    }
    files.push({ file, markdown: decoded.text });
  }
  if (paths.length === 0) problems.push({ severity: 'warning', file: '.', message: `no *.md notes below ${absoluteDir}` });
  return { files, problems };
}

async function listMarkdownFiles(root: string, relative: string, problems: KbProblem[]): Promise<string[]> {
  const found: string[] = [];
  let entries;
  try {
    entries = await readdir(path.join(root, relative), { withFileTypes: true });
  } catch (error) {
    problems.push({ severity: 'error', file: relative || '.', line: 1, message: `cannot read the folder: ${describeError(error)}` });
    return found;
  }
  for (const entry of entries) {
    // Hidden folders (.git, .obsidian) hold tool data, not notes.
    if (entry.name.startsWith('.')) continue;
    const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
    let isDirectory = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      // A link is followed; a dangling one is still reported when it looks like a note.
      isDirectory = (await stat(path.join(root, child)).catch(() => undefined))?.isDirectory() ?? false;
    }
    if (isDirectory) found.push(...(await listMarkdownFiles(root, child, problems)));
    else if (/\.md$/i.test(entry.name)) found.push(child);
  }
  return found;
}

function decodeUtf8(bytes: Buffer): { ok: true; text: string } | { ok: false; line: number } {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, line: lineOfFirstInvalidByte(bytes) };
  }
}

function lineOfFirstInvalidByte(bytes: Buffer): number {
  // The longest valid prefix decodes; its line count is where the bad byte is.
  let low = 0;
  let high = bytes.length;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const validPrefix = (end: number): boolean => {
    try {
      decoder.decode(bytes.subarray(0, end), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (validPrefix(middle)) low = middle;
    else high = middle - 1;
  }
  let line = 1;
  for (let i = 0; i < low; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
