import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { minQuestionScore } from '../../src/quiz/question-quality.js';
import { fixtureNotesDir, realNotesDir } from './quiz-test-kit.js';

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

/** What `quiz sample --json` prints: one question (the first test asserts these are exactly its keys). */
interface SampledQuestion {
  conceptId: string;
  kind: string;
  prompt: string;
  options: string[];
  answer: number;
}

/** The printed question; anything but one JSON object fails here, before the tests read its fields. */
function parseQuestion(out: string): SampledQuestion {
  const parsed: unknown = JSON.parse(out);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`expected one JSON question, got: ${out}`);
  return parsed as SampledQuestion;
}

describe('cli quiz sample', () => {
  it('prints exactly one JSON question with the agreed keys', async () => {
    const { code, out } = await run('quiz', 'sample', '--docs', fixtureNotesDir, '--note', 'docker-kubernetes', '--seed', '7', '--json');
    expect(code).toBe(0);
    const question = parseQuestion(out);
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
    const others = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((seed) => run('quiz', 'sample', '--docs', fixtureNotesDir, '--seed', String(seed), '--json')),
    );
    expect(new Set(others.map(({ out }) => out)).size).toBeGreaterThan(4);
  });

  it('keeps to the note given with --note', async () => {
    for (const seed of ['1', '2', '3']) {
      const { out } = await run('quiz', 'sample', '--docs', fixtureNotesDir, '--note', 'git-basics', '--seed', seed, '--json');
      expect(parseQuestion(out).conceptId).toMatch(/^git-basics\//);
    }
  });

  it('shows a readable question with options A to D and the answer', async () => {
    const { code, out } = await run('quiz', 'sample', '--docs', fixtureNotesDir, '--seed', '7');
    expect(code).toBe(0);
    expect(out).toMatch(/^ {2}A\) .+\n {2}B\) .+\n {2}C\) .+\n {2}D\) .+$/m);
    expect(out).toMatch(/^Answer: [A-D]\) .+$/m);
    expect(out).toContain('seed 7');
  });

  it('refuses an unknown note and names the notes there are', async () => {
    const { code, err } = await run('quiz', 'sample', '--docs', fixtureNotesDir, '--note', 'nope', '--json');
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

describe('cli quiz review', () => {
  it('prints the questions as JSON with their source line and score, all at or above the threshold', async () => {
    const { code, out } = await run('quiz', 'review', '--docs', realNotesDir, '--count', '12', '--seed', '3', '--json');
    expect(code).toBe(0);
    const questions = JSON.parse(out) as {
      conceptId: string;
      kind: string;
      prompt: string;
      options: string[];
      answer: number;
      source: { file: string; line: number };
      score: number;
    }[];
    expect(questions).toHaveLength(12);
    const notes = fs.readdirSync(realNotesDir);
    for (const question of questions) {
      expect(Object.keys(question).sort()).toEqual(['answer', 'conceptId', 'kind', 'options', 'prompt', 'score', 'source']);
      expect(['which-concept', 'cloze', 'authored']).toContain(question.kind);
      expect(question.options).toHaveLength(4);
      expect(question.score).toBeGreaterThanOrEqual(minQuestionScore);
      expect(notes).toContain(question.source.file);
      // The source line is a line of that note that holds text of the question (or the authored block).
      const lines = fs.readFileSync(path.join(realNotesDir, question.source.file), 'utf8').split('\n');
      expect(lines[question.source.line - 1]?.trim()).not.toBe('');
    }
    expect(new Set(questions.map((question) => question.prompt)).size).toBe(12);
  });

  it('prints a teacher-readable list: where from, kind and score, prompt, options with the right one marked', async () => {
    const { code, out } = await run('quiz', 'review', '--docs', fixtureNotesDir, '--count', '5', '--seed', '9');
    expect(code).toBe(0);
    expect(out.match(/^\d+\. [\w/.-]+\.md:\d+ {2}\[(?:which-concept|cloze|authored), score \d\.\d\d, [^\]]+\]$/gm)).toHaveLength(5);
    expect(out.match(/^ {3}\* [A-D]\) .+$/gm)).toHaveLength(5);
    expect(out).toMatch(/^5 questions about \d+ concepts \(seed 9\); \d+ concepts too thin for a question/m);
  });

  it('is the same for the same seed', async () => {
    const first = await run('quiz', 'review', '--docs', realNotesDir, '--count', '8', '--seed', '5', '--json');
    const again = await run('quiz', 'review', '--docs', realNotesDir, '--count', '8', '--seed', '5', '--json');
    expect(again.out).toBe(first.out);
  });

  it('refuses a count of zero', async () => {
    const { code, err } = await run('quiz', 'review', '--docs', fixtureNotesDir, '--count', '0');
    expect(code).toBe(2);
    expect(err).toContain('--count');
  });
});
