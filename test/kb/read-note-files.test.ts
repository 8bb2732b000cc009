// Hostile and unlucky note folders: links that loop, pipes, sockets, devices, huge files. Each is skipped with a
// problem naming it, and nothing hangs, repeats or grows without bound.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/kb/load-knowledge-base.js';
import { readNoteFiles } from '../../src/kb/read-note-files.js';

const note = (name: string) => `## ${name}(${name.toUpperCase()})\n\n- ${name}에 대한 설명이다.\n`;
const tempDirs: string[] = [];
const servers: net.Server[] = [];

function makeNotesDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kb-hostile-'));
  tempDirs.push(dir);
  writeFileSync(path.join(dir, 'alpha.md'), note('alpha'));
  mkdirSync(path.join(dir, 'sub'));
  writeFileSync(path.join(dir, 'sub', 'beta.md'), note('beta'));
  return dir;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('reading a notes folder defensively', () => {
  it('follows a `loop -> .` link once: every note loads once, the link is a warning', async () => {
    const dir = makeNotesDir();
    symlinkSync('.', path.join(dir, 'loop'));
    symlinkSync('..', path.join(dir, 'sub', 'up'));

    const { files, problems } = await readNoteFiles(dir);

    expect(files.map((file) => file.file)).toEqual(['alpha.md', 'sub/beta.md']);
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'warning', file: 'loop', message: expect.stringContaining('link to a folder already read') }),
      expect.objectContaining({ severity: 'warning', file: 'sub/up', message: expect.stringContaining('link to a folder already read') }),
    ]);
  });

  it("reads a folder or a note reached only through a link, once, under the link's name", async () => {
    const dir = makeNotesDir();
    const outside = mkdtempSync(path.join(os.tmpdir(), 'kb-outside-'));
    tempDirs.push(outside);
    writeFileSync(path.join(outside, 'gamma.md'), note('gamma'));
    symlinkSync(outside, path.join(dir, 'shared'));
    symlinkSync(path.join(outside, 'gamma.md'), path.join(dir, 'gamma-again.md'));
    symlinkSync(path.join(dir, 'alpha.md'), path.join(dir, 'alpha-link.md'));

    const { files, problems } = await readNoteFiles(dir);

    expect(files.map((file) => file.file)).toEqual(['alpha.md', 'gamma-again.md', 'sub/beta.md']);
    expect(problems.map((problem) => [problem.file, problem.message.replace(/ \(.*/, '')])).toEqual([
      ['alpha-link.md', 'link to a note already read'],
      ['shared/gamma.md', 'already read through another path'],
    ]);
  });

  it('skips a FIFO named pipe.md without waiting for a writer, with a warning naming it', async () => {
    const dir = makeNotesDir();
    execFileSync('mkfifo', [path.join(dir, 'pipe.md')]);
    symlinkSync(path.join(dir, 'pipe.md'), path.join(dir, 'pipe-link.md'));

    const { files, problems } = await readNoteFiles(dir);

    expect(files.map((file) => file.file)).toEqual(['alpha.md', 'sub/beta.md']);
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'warning', file: 'pipe-link.md', message: expect.stringContaining('a named pipe') }),
      expect.objectContaining({ severity: 'warning', file: 'pipe.md', message: 'not a regular file (a named pipe); skipped' }),
    ]);
  }, 10_000);

  it('skips a socket and a link to /dev/zero without reading them', async () => {
    const dir = makeNotesDir();
    const server = net.createServer();
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(path.join(dir, 'socket.md'), resolve));
    symlinkSync('/dev/zero', path.join(dir, 'zero.md'));

    const { files, problems } = await readNoteFiles(dir);

    expect(files.map((file) => file.file)).toEqual(['alpha.md', 'sub/beta.md']);
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'warning', file: 'socket.md', message: 'not a regular file (a socket); skipped' }),
      expect.objectContaining({ severity: 'warning', file: 'zero.md', message: expect.stringContaining('a device: /dev/zero') }),
    ]);
    expect(process.memoryUsage().rss).toBeLessThan(2 * 1024 ** 3);
  }, 10_000);

  it('skips a note over the per-file limit and notes past the total limit, each with a warning naming it', async () => {
    const dir = makeNotesDir();
    writeFileSync(path.join(dir, 'huge.md'), note('huge') + 'x'.repeat(3_000));
    writeFileSync(path.join(dir, 'omega.md'), note('omega'));

    const { files, problems } = await readNoteFiles(dir, { maxFileBytes: 2_000, maxTotalBytes: 120 });

    expect(files.map((file) => file.file)).toEqual(['alpha.md', 'omega.md']);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: 'huge.md',
        message: expect.stringContaining('larger than the limit of 2000 bytes per note (DOCS_MAX_FILE_MB)'),
      }),
      expect.objectContaining({
        severity: 'warning',
        file: 'sub/beta.md',
        message: expect.stringContaining('total limit of 120 bytes (DOCS_MAX_TOTAL_MB)'),
      }),
    ]);
  });

  it('says whether the folder is missing or a file, for the bot to refuse to start', async () => {
    const dir = makeNotesDir();

    expect((await readNoteFiles(path.join(dir, 'nope'))).folderProblem).toMatch(/nope does not exist$/);
    expect((await readNoteFiles(path.join(dir, 'alpha.md'))).folderProblem).toMatch(/alpha\.md is a file, not a directory$/);
    expect((await readNoteFiles(dir)).folderProblem).toBeUndefined();
  });

  it('loads a knowledge base from a folder holding every hostile entry at once', async () => {
    const dir = makeNotesDir();
    symlinkSync('.', path.join(dir, 'loop'));
    symlinkSync('.', path.join(dir, 'sub', 'loop'));
    execFileSync('mkfifo', [path.join(dir, 'pipe.md')]);
    symlinkSync('/dev/zero', path.join(dir, 'zero.md'));

    const kb = await loadKnowledgeBase(dir);

    expect(kb.concepts.map((concept) => concept.id)).toEqual(['alpha/alpha', 'sub/beta/beta']);
    expect(kb.problems.map((problem) => problem.file)).toEqual(['loop', 'pipe.md', 'sub/loop', 'zero.md']);
  }, 10_000);
});
