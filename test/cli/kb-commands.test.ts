import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kbCommands } from '../../src/cli/kb-commands.js';
import { learningCommands } from '../../src/cli/learning-commands.js';
import { commandModules, runCli } from '../../src/cli/main.js';
import { quizCommands } from '../../src/cli/quiz-commands.js';

// A folder holding only the team's first note, as copied into the fixtures: tests never read data/docs.
const sharedDocs = path.resolve('test/fixtures/team-note');
const brokenNotes = path.resolve('test/fixtures/broken-notes');
const fixtureNotes = path.resolve('test/fixtures/notes');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    argv,
    (text) => out.push(text),
    (text) => err.push(text),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const temporaryDirs: string[] = [];
function writeNotes(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-cli-'));
  temporaryDirs.push(dir);
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
  return dir;
}
afterAll(() => {
  for (const dir of temporaryDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('cli search', () => {
  it('puts 쿠버네티스 first for "kubernetes" and prints only the JSON contract', async () => {
    const { code, out, err } = await run('search', 'kubernetes', '--json', '--docs', sharedDocs);
    expect(code).toBe(0);
    expect(err).toBe('');
    const hits = JSON.parse(out) as Record<string, unknown>[];
    expect(hits[0]).toMatchObject({ id: 'docker-kubernetes/kubernates', title: '쿠버네티스(Kubernates)', names: ['쿠버네티스', 'Kubernates'] });
    for (const hit of hits) {
      expect(Object.keys(hit).sort()).toEqual(['id', 'names', 'score', 'title']);
      expect(hit.score).toBeGreaterThan(0);
      expect(hit.score).toBeLessThanOrEqual(1);
    }
  });

  it('prints [] when nothing is relevant', async () => {
    const { code, out } = await run('search', 'banana', '--json', '--docs', sharedDocs);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual([]);
  });

  it('keeps to --limit, best first', async () => {
    const { out } = await run('search', '가상', '--limit', '1', '--json', '--docs', sharedDocs);
    expect(JSON.parse(out)).toHaveLength(1);
    const all = JSON.parse((await run('search', '가상', '--json', '--docs', sharedDocs)).out) as { score: number }[];
    expect(all.length).toBeGreaterThan(1);
    expect(all.map((hit) => hit.score)).toEqual([...all.map((hit) => hit.score)].sort((a, b) => b - a));
  });

  it('reads a question phrasing across words', async () => {
    const { out } = await run('search', 'what', 'is', 'docker', '--json', '--docs', sharedDocs);
    expect((JSON.parse(out) as { id: string }[])[0]?.id).toBe('docker-kubernetes/docker');
  });

  it('explains how to use it when the query is missing', async () => {
    const { code, err } = await run('search', '--docs', sharedDocs);
    expect(code).toBe(2);
    expect(err).toContain('search needs a query');
  });
});

describe('cli explain', () => {
  it('prints the concept with its names, aliases, body, source, references and related concepts', async () => {
    const { code, out } = await run('explain', 'container', '--docs', sharedDocs);
    expect(code).toBe(0);
    expect(out).toContain('컨테이너 (Container)');
    expect(out).toContain('운영 체제 수준 가상화');
    expect(out).toContain('Jail');
    expect(out).toContain('격리된 사용자 공간');
    expect(out).toContain('docker-kubernetes.md:');
    expect(out).toContain('https://ko.wikipedia.org/');
    expect(out).toContain('커널 (Kernel)');
  });

  it('shows the image of a concept that has one', async () => {
    const { out } = await run('explain', '커널', '--docs', sharedDocs);
    expect(out).toMatch(/Image: +https:\/\/user-images\.githubusercontent\.com\/.+\.png/);
  });

  it('answers "kubernetes" although the note spells it Kubernates', async () => {
    const { code, out } = await run('explain', 'kubernetes', '--json', '--docs', sharedDocs);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ kind: 'found', id: 'docker-kubernetes/kubernates', document: { file: 'docker-kubernetes.md' } });
  });

  it('asks "did you mean" when the query fits several concepts', async () => {
    const { code, out } = await run('explain', '가상', '--docs', sharedDocs);
    expect(code).toBe(1);
    expect(out).toContain('Did you mean');
    expect(out).toContain('인스턴스 (Instance)');
    expect(out).toContain('컨테이너 (Container)');
    const json = JSON.parse((await run('explain', '가상', '--json', '--docs', sharedDocs)).out) as { kind: string; candidates: { id: string }[] };
    expect(json.kind).toBe('guess');
    expect(json.candidates.map((candidate) => candidate.id)).toContain('docker-kubernetes/instance');
  });

  it('follows up a guess by id', async () => {
    const { code, out } = await run('explain', 'docker-kubernetes/instance', '--docs', sharedDocs);
    expect(code).toBe(0);
    expect(out).toContain('인스턴스 (Instance)');
  });

  it('says nothing matches and exits 1 for an unknown concept', async () => {
    const { code, out, err } = await run('explain', 'banana', '--docs', sharedDocs);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain('Nothing in the notes matches "banana"');
    expect(JSON.parse((await run('explain', 'banana', '--json', '--docs', sharedDocs)).out)).toEqual({ kind: 'none' });
  });

  it('says where it looked when the docs folder has no notes', async () => {
    const emptyFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'concept-bot-empty-notes-'));
    const { code, err } = await run('explain', 'container', '--docs', emptyFolder);
    fs.rmSync(emptyFolder, { recursive: true, force: true });
    expect(code).toBe(1);
    expect(err).toContain(`No concepts found in ${emptyFolder}`);
  });
});

describe('cli arguments', () => {
  it('every command refuses a docs folder that does not exist, with exit code 1', async () => {
    const missing = path.join(os.tmpdir(), 'no-such-notes-dir-for-cli-test');
    for (const command of [
      ['explain', 'container'],
      ['search', 'container', '--json'],
      ['concepts', '--json'],
      ['kb', 'check'],
      ['quiz', 'sample', '--json'],
    ]) {
      const { code, out, err } = await run(...command, '--docs', missing);
      expect({ command, code, out }).toEqual({ command, code: 1, out: '' });
      expect(err).toContain(`docs directory not found: ${missing}`);
    }
  });

  it('knows every command each command module defines, and loads that module for it', async () => {
    const defined = { ...kbCommands, ...quizCommands, ...learningCommands };

    expect(Object.keys(commandModules).sort()).toEqual(Object.keys(defined).sort());
    for (const [name, load] of Object.entries(commandModules)) expect((await load())[name]).toBe(defined[name]);
  });

  it('calls a name no module defines an unknown command, even one every object has', async () => {
    for (const name of ['nonsense', 'constructor', 'toString']) {
      const { code, err } = await run(name);
      expect({ name, code }).toEqual({ name, code: 2 });
      expect(err).toContain(`Unknown command "${name}"`);
    }
  });

  it('refuses an unknown option instead of ignoring it (a misspelt --json must not print text)', async () => {
    const { code, out, err } = await run('search', 'docker', '--jsn');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('unknown option --jsn');
  });
});

describe('cli concepts', () => {
  it('lists every concept with its names, aliases and note as JSON', async () => {
    const { code, out } = await run('concepts', '--json', '--docs', fixtureNotes);
    expect(code).toBe(0);
    const listed = JSON.parse(out) as Record<string, unknown>[];
    expect(listed.length).toBe(20);
    expect(listed[0] && Object.keys(listed[0]).sort()).toEqual(['aliases', 'document', 'id', 'names', 'title']);
    expect(listed).toContainEqual(
      expect.objectContaining({
        id: 'docker-kubernetes/instance',
        names: ['인스턴스', 'Instance', '가상 머신', 'Virtual Machine'],
        aliases: ['VM'],
        document: 'docker-kubernetes',
      }),
    );
  });

  it('groups concepts by note for people', async () => {
    const { out } = await run('concepts', '--docs', fixtureNotes);
    expect(out).toContain('Git 기초');
    expect(out).toContain('커밋 (Commit)');
    expect(out).toContain('20 concepts in 4 notes.');
  });
});

describe('cli kb check', () => {
  it('lists every problem as file:line: severity: message and exits 1', async () => {
    const { code, out } = await run('kb', 'check', '--docs', brokenNotes);
    expect(code).toBe(1);
    expect(out).toMatch(/^non-utf8\.md:\d+: error: /m);
    expect(out).toMatch(/^empty-section\.md:\d+: error: /m);
    expect(out).toMatch(/^broken-front-matter\.md:\d+: warning: /m);
    expect(out).toMatch(/^good-note\.md:\d+: warning: .*캐시/m);
  });

  it('prints the problems as a JSON array', async () => {
    const { code, out } = await run('kb', 'check', '--json', '--docs', brokenNotes);
    expect(code).toBe(1);
    const problems = JSON.parse(out) as { file: string; severity: string; message: string }[];
    expect(problems.length).toBeGreaterThanOrEqual(5);
    expect(problems.every((problem) => problem.file && ['error', 'warning'].includes(problem.severity) && problem.message)).toBe(true);
  });

  it('passes the shipped notes', async () => {
    const { code, out } = await run('kb', 'check', '--docs', sharedDocs);
    expect(code).toBe(0);
    expect(out).toContain('No problems');
    expect(JSON.parse((await run('kb', 'check', '--json', '--docs', sharedDocs)).out)).toEqual([]);
  });

  it('reports a concept too thin to ask a quiz question about', async () => {
    const dir = writeNotes({ 'lonely.md': '# 외톨이\n\n## 해시(Hash)\n\n- 해시는 값을 고정된 길이로 바꾼다.\n' });
    const { code, out } = await run('kb', 'check', '--json', '--docs', dir);
    expect(code).toBe(1);
    expect(JSON.parse(out)).toContainEqual(expect.objectContaining({ conceptId: 'lonely/hash', file: 'lonely.md', severity: 'warning' }));
  });
});

describe('cli note size limits', () => {
  it('reads DOCS_MAX_FILE_MB as the bot does: kb check names the note it skipped', async () => {
    const dir = writeNotes({ 'small.md': '## 작은(Small)\n\n- 짧은 설명이다.\n', 'large.md': `## 큰(Large)\n\n- ${'긴 설명이다. '.repeat(200)}\n` });
    const previous = process.env.DOCS_MAX_FILE_MB;
    process.env.DOCS_MAX_FILE_MB = '0.001';
    try {
      const { code, out } = await run('kb', 'check', '--json', '--docs', dir);

      expect(code).toBe(1);
      expect(JSON.parse(out)).toContainEqual(
        expect.objectContaining({ file: 'large.md', message: expect.stringContaining('larger than the limit of 1048 bytes per note') }),
      );
    } finally {
      if (previous === undefined) delete process.env.DOCS_MAX_FILE_MB;
      else process.env.DOCS_MAX_FILE_MB = previous;
    }
  });
});
