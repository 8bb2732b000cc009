// The notes of a folder as text, read defensively: the folder may hold links, pipes, devices or huge files.
// Whatever cannot be read becomes a problem with file and line; nothing here can hang or exhaust memory.
import { constants, type Stats } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { KbProblem } from './types.js';

export interface NoteFile {
  /** Relative to the docs dir, with `/` separators. */
  file: string;
  markdown: string;
}

/** How much the bot reads at most; the defaults fit any real notes repo with room to spare. */
export interface NoteReadLimits {
  maxFileBytes: number;
  maxTotalBytes: number;
}

export const defaultNoteReadLimits: NoteReadLimits = { maxFileBytes: 2 * 1024 * 1024, maxTotalBytes: 50 * 1024 * 1024 };

export interface NoteFiles {
  files: NoteFile[];
  problems: KbProblem[];
  /** Why the folder itself cannot be read (missing, a file), when it cannot; `files` is then empty. */
  folderProblem?: string;
}

/** A `*.md` entry found while walking the folder, before it is opened. */
interface FoundNote {
  file: string;
  absolute: string;
}

/** The notes below `docsDir` as text, for callers that combine folders or cache files themselves. */
export async function readNoteFiles(docsDir: string, limits: NoteReadLimits = defaultNoteReadLimits): Promise<NoteFiles> {
  const problems: KbProblem[] = [];
  const absoluteDir = path.resolve(docsDir);
  const dirStat = await stat(absoluteDir).catch(() => undefined);
  if (!dirStat?.isDirectory()) {
    const folderProblem = dirStat ? `${absoluteDir} is a file, not a directory` : `${absoluteDir} does not exist`;
    problems.push({ severity: 'error', file: '.', message: `docs directory not found: ${folderProblem} (set DOCS_DIR or pass --docs DIR)` });
    return { files: [], problems, folderProblem };
  }
  const found = await listMarkdownFiles(absoluteDir, problems);
  const files: NoteFile[] = [];
  let totalBytes = 0;
  for (const { file, absolute } of found) {
    const read = await readNote(absolute, limits.maxFileBytes);
    if (!read.ok) {
      problems.push({ severity: read.severity, file, line: 1, message: read.message });
      continue;
    }
    if (totalBytes + read.bytes.length > limits.maxTotalBytes) {
      const message = `the notes together would exceed the total limit of ${formatBytes(limits.maxTotalBytes)} (DOCS_MAX_TOTAL_MB); this note was skipped`;
      problems.push({ severity: 'warning', file, line: 1, message });
      continue;
    }
    totalBytes += read.bytes.length;
    const decoded = decodeUtf8(read.bytes);
    if (!decoded.ok) {
      problems.push({ severity: 'error', file, line: decoded.line, message: 'the note is not UTF-8 text (save it as UTF-8); it was skipped' });
      continue;
    }
    files.push({ file, markdown: decoded.text });
  }
  if (found.length === 0) problems.push({ severity: 'warning', file: '.', message: `no *.md notes below ${absoluteDir}` });
  return { files, problems };
}

/**
 * Every `*.md` below `root`, sorted by path. Folders and files are taken where they really are first; links are
 * followed afterwards, each real folder and file at most once, so `loop -> .` or a second link to the same
 * folder adds nothing (and cannot recurse), and a note reached both directly and through a link loads once.
 */
async function listMarkdownFiles(root: string, allProblems: KbProblem[]): Promise<FoundNote[]> {
  const problems: KbProblem[] = [];
  const realRoot = await realpath(root);
  const seen = new Set<string>([realRoot]);
  const found: FoundNote[] = [];
  const links: string[] = [];
  /** `relative` is where the folder shows in the notes, `realDirectory` where it really is. */
  const walk = async (relative: string, realDirectory: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(realDirectory, { withFileTypes: true });
    } catch (error) {
      problems.push({ severity: 'error', file: relative || '.', line: 1, message: `cannot read the folder: ${describeError(error)}` });
      return;
    }
    entries.sort((a, b) => compareCodePoints(a.name, b.name));
    for (const entry of entries) {
      // Hidden folders (.git, .obsidian) hold tool data, not notes.
      if (entry.name.startsWith('.')) continue;
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      const absolute = path.join(realDirectory, entry.name);
      if (entry.isSymbolicLink()) links.push(child);
      else if (seen.has(absolute)) {
        // Inside a linked folder: a folder or note also reached another way.
        if (entry.isDirectory() || isNoteName(entry.name))
          problems.push({ severity: 'warning', file: child, line: 1, message: `already read through another path (${absolute}); skipped` });
      } else if (entry.isDirectory()) {
        seen.add(absolute);
        await walk(child, absolute);
      } else if (isNoteName(entry.name)) {
        if (entry.isFile()) {
          seen.add(absolute);
          found.push({ file: child, absolute });
        } else problems.push({ severity: 'warning', file: child, line: 1, message: `not a regular file (${describeType(entry)}); skipped` });
      }
    }
  };
  await walk('', realRoot);
  while (links.length > 0) {
    links.sort(compareCodePoints);
    const link = links.shift() as string;
    const absolute = path.join(root, link);
    const [target, real] = await Promise.all([stat(absolute).catch(() => undefined), realpath(absolute).catch(() => undefined)]);
    const isNote = isNoteName(path.basename(link));
    if (!target || real === undefined) {
      // A dangling link only matters when it looks like a note.
      if (isNote) problems.push({ severity: 'error', file: link, line: 1, message: 'cannot read the note: the link points to nothing' });
      continue;
    }
    if (!target.isDirectory() && !isNote) continue;
    if (seen.has(real)) {
      const what = target.isDirectory() ? 'a folder' : 'a note';
      problems.push({ severity: 'warning', file: link, line: 1, message: `link to ${what} already read (${real}); skipped` });
      continue;
    }
    seen.add(real);
    if (target.isDirectory()) await walk(link, real);
    else if (target.isFile()) found.push({ file: link, absolute: real });
    else
      problems.push({
        severity: 'warning',
        file: link,
        line: 1,
        message: `link to something that is not a regular file (${describeType(target)}: ${real}); skipped`,
      });
  }
  allProblems.push(...problems.sort((a, b) => compareCodePoints(a.file, b.file)));
  return found.sort((a, b) => compareCodePoints(a.file, b.file));
}

function isNoteName(name: string): boolean {
  return /\.md$/i.test(name);
}

type ReadNote = { ok: true; bytes: Buffer } | { ok: false; severity: KbProblem['severity']; message: string };

/**
 * The file's bytes, when it is a regular file within the size limit. Opened without blocking and checked on the
 * open descriptor: a FIFO swapped in after the directory was listed cannot hang the read, a device cannot feed it
 * forever, and a file that grows while read is cut at the limit.
 */
async function readNote(absolute: string, maxBytes: number): Promise<ReadNote> {
  let handle;
  try {
    handle = await open(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { ok: false, severity: 'error', message: `cannot read the note: ${describeError(error)}` };
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return { ok: false, severity: 'warning', message: `not a regular file (${describeType(stats)}); skipped` };
    const tooLarge = {
      ok: false as const,
      severity: 'warning' as const,
      message: `larger than the limit of ${formatBytes(maxBytes)} per note (DOCS_MAX_FILE_MB); skipped`,
    };
    if (stats.size > maxBytes) return tooLarge;
    // Sized for what stat says, grown only while the file keeps growing, never past the limit.
    let buffer = Buffer.allocUnsafe(stats.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(Math.min(buffer.length, maxBytes + 1 - buffer.length))]);
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) return tooLarge;
    }
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (error) {
    return { ok: false, severity: 'error', message: `cannot read the note: ${describeError(error)}` };
  } finally {
    await handle.close();
  }
}

function describeType(entry: Pick<Stats, 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice' | 'isDirectory'>): string {
  if (entry.isFIFO()) return 'a named pipe';
  if (entry.isSocket()) return 'a socket';
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return 'a device';
  if (entry.isDirectory()) return 'a folder';
  return 'not a file';
}

function formatBytes(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  return Number.isInteger(megabytes) ? `${megabytes} MB` : `${bytes} bytes`;
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
