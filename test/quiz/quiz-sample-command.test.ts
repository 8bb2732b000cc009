import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { docsDir, fixtureNotesDir } from './quiz-test-kit.js';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, (text) => out.push(text), (text) => err.push(text));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('cli quiz sample', () => {
  it('prints exactly one JSON question with the agreed keys', async () => {
    const { code, out } = await run('quiz', 'sample', '--docs', docsDir, '--seed', '7', '--json');
    expect(code).toBe(0);
    const question = JSON.parse(out);
    expect(Object.keys(question).sort()).toEqual(['answer', 'conceptId', 'kind', 'options', 'prompt']);
    expect(question.conceptId).toMatch(/^docker-kubernetes\//);
    expect(['which-concept', 'cloze']).toContain(question.kind);
    expect(question.options).toHaveLength(4);
    expect(question.answer).toBeGreaterThanOrEqual(0);
    expect(question.answer).toBeLessThan(4);
  });

  it('prints the same question for the same seed and other questions for other seeds', async () => {
    const first = await run('quiz', 'sample', '--docs', fixtureNotesDir, '--seed', '42', '--json');
    const again = await run('quiz', 'sample', '--docs', fixtureNotesDir, '--seed', '42', '--json');
    expect(again.out).toBe(first.out);
    const others = await Promise.all([1, 2, 3, 4, 5, 6].map((seed) => run('quiz', 'sample', '--docs', fixtureNotesDir, '--seed', String(seed), '--json')));
    expect(new Set(others.map(({ out }) => out)).size).toBeGreaterThan(4);
  });

  it('keeps to the note given with --note', async () => {
    for (const seed of ['1', '2', '3']) {
      const { out } = await run('quiz', 'sample', '--docs', fixtureNotesDir, '--note', 'git-basics', '--seed', seed, '--json');
      expect(JSON.parse(out).conceptId).toMatch(/^git-basics\//);
    }
  });

  it('shows a readable question with options A to D and the answer', async () => {
    const { code, out } = await run('quiz', 'sample', '--docs', docsDir, '--seed', '7');
    expect(code).toBe(0);
    expect(out).toMatch(/^  A\) .+\n  B\) .+\n  C\) .+\n  D\) .+$/m);
    expect(out).toMatch(/^Answer: [A-D]\) .+$/m);
    expect(out).toContain('seed 7');
  });

  it('refuses an unknown note and names the notes there are', async () => {
    const { code, err } = await run('quiz', 'sample', '--docs', docsDir, '--note', 'nope', '--json');
    expect(code).toBe(2);
    expect(err).toContain('no note "nope"');
    expect(err).toContain('docker-kubernetes');
  });

  it('says so when the notes give nothing to ask', async () => {
    const thinNotes = fs.mkdtempSync(path.join(os.tmpdir(), 'concept-bot-quiz-'));
    try {
      fs.writeFileSync(path.join(thinNotes, 'thin.md'), '# 얇은 노트\n\n## 도커(Docker)\n\n- 도커(Docker)이다.\n\n## 커널(Kernel)\n\n- 커널이다.\n');
      const { code, err } = await run('quiz', 'sample', '--docs', thinNotes, '--json');
      expect(code).toBe(1);
      expect(err).toContain('No question can be made');
    } finally {
      fs.rmSync(thinNotes, { recursive: true, force: true });
    }
  });
});
