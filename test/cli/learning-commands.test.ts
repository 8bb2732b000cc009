// `cli demo` and `cli report`: a simulated month written through the real store, and the PNGs rendered from it.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { openQuizStore } from '../../src/store/sqlite-quiz-store.js';

const run = promisify(execFile);
const realNotes = path.resolve('test/fixtures/real-notes');
const at = '2026-12-01T12:00:00Z';
const demoGuild = '900000000000000001';
const firstMember = '910000000000000001';

const temporaryDirs: string[] = [];
function createTempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'learning-cli-'));
  temporaryDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temporaryDirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function runInProcess(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    argv,
    (text) => out.push(text),
    (text) => err.push(text),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('cli demo and report', () => {
  it('npm run cli -- demo fills a database, and report renders the team report and a member chart from it', async () => {
    const dir = createTempDir();
    const db = path.join(dir, 'demo.sqlite');
    const cli = ['--import', 'tsx', 'src/cli/main.ts'];

    const demo = await run('node', [...cli, 'demo', '--db', db, '--docs', realNotes, '--at', at]);
    const team = await run('node', [
      ...cli,
      'report',
      '--db',
      db,
      '--guild',
      demoGuild,
      '--out',
      path.join(dir, 'report.png'),
      '--docs',
      realNotes,
      '--at',
      at,
    ]);
    const member = await run('node', [
      ...cli,
      'report',
      '--db',
      db,
      '--guild',
      demoGuild,
      '--member',
      firstMember,
      '--out',
      path.join(dir, 'member.png'),
      '--docs',
      realNotes,
      '--at',
      at,
      '--lang',
      'en',
    ]);

    expect(demo.stdout).toMatch(/Simulated 8 members over 30 days/);
    expect(team.stdout).toContain('주간 학습 리포트 (2026-11-23 – 2026-11-29)');
    expect(pngSize(path.join(dir, 'report.png'))).toEqual({ width: 1200, height: 1000 });
    expect(member.stdout).toMatch(/김민수: memory by concept, 2026-12-01/);
    expect(pngSize(path.join(dir, 'member.png')).width).toBe(1000);
  }, 60_000);

  it('the demo goes through the store: every member has memories, logged from channel, practice and flashcard answers', async () => {
    const db = path.join(createTempDir(), 'demo.sqlite');

    const { code } = await runInProcess('demo', '--db', db, '--docs', realNotes, '--at', at, '--members', '4', '--days', '14');

    expect(code).toBe(0);
    const store = openQuizStore(db);
    try {
      const members = [...new Set((await store.listGuildMemories(demoGuild)).map((memory) => memory.userId))];
      expect(members).toHaveLength(4);
      const reviews = await Promise.all(members.map((userId) => store.listMemberReviews(demoGuild, userId)));
      const sources = new Set(reviews.flat().map((review) => review.source));
      expect([...sources].sort()).toEqual(['channel', 'flashcard', 'practice']);
      // Each stored state is the state after the member's latest review of that concept.
      for (const memory of await store.listGuildMemories(demoGuild)) {
        const reviews = (await store.listMemberReviews(demoGuild, memory.userId)).filter((review) => review.conceptId === memory.conceptId);
        expect(reviews.at(-1)!.stateAfter).toEqual(memory.state);
      }
      expect((await store.getLeaderboard(demoGuild, 'all', null, null)).top.length).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });

  it('the same seed gives the same month and the same report', async () => {
    const reports: string[] = [];
    for (let i = 0; i < 2; i++) {
      const dir = createTempDir();
      const db = path.join(dir, 'demo.sqlite');
      await runInProcess('demo', '--db', db, '--docs', realNotes, '--at', at, '--seed', '5');
      const { out } = await runInProcess(
        'report',
        '--db',
        db,
        '--guild',
        demoGuild,
        '--out',
        path.join(dir, 'r.png'),
        '--docs',
        realNotes,
        '--at',
        at,
      );
      reports.push(out.replace(/^Wrote .*\n/, ''));
    }
    expect(reports[1]).toBe(reports[0]);
  });

  it('refuses to simulate into an existing database, and to report from a file that does not exist', async () => {
    const dir = createTempDir();
    const existing = path.join(dir, 'team.sqlite');
    fs.writeFileSync(existing, 'not touched');

    const demo = await runInProcess('demo', '--db', existing, '--docs', realNotes);
    const report = await runInProcess(
      'report',
      '--db',
      path.join(dir, 'missing.sqlite'),
      '--guild',
      demoGuild,
      '--out',
      path.join(dir, 'r.png'),
      '--docs',
      realNotes,
    );
    const noOut = await runInProcess('report', '--db', existing, '--guild', demoGuild, '--docs', realNotes);

    expect(demo.code).toBe(2);
    expect(demo.err).toMatch(/already exists/);
    expect(fs.readFileSync(existing, 'utf8')).toBe('not touched');
    expect(report.code).toBe(2);
    expect(report.err).toMatch(/does not exist/);
    expect(fs.existsSync(path.join(dir, 'missing.sqlite'))).toBe(false);
    expect(noOut.err).toMatch(/--out is required/);
  });
});
