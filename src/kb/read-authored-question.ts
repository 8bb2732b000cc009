// A multiple-choice question the author wrote in a note, as a fenced block:
//
//   ```quiz
//   What does git use to identify a commit?
//   - [ ] The author's e-mail address
//   - [x] A hash of the commit's contents
//   - [ ] The order in which commits were made
//   - [ ] The branch name
//   ```
//
// The prompt comes first (one or more lines), then exactly four options, exactly one of them checked.
import type { Code } from 'mdast';
import type { AuthoredQuestion } from './types.js';

export const authoredQuestionLanguage = 'quiz';
const optionCount = 4;

export type AuthoredQuestionResult = { ok: true; question: AuthoredQuestion } | { ok: false; line: number; message: string };

const optionLine = /^[-*+]\s*\[([ xX])\]\s*(.*)$/u;

export function isAuthoredQuestionBlock(node: Code): boolean {
  return node.lang?.toLowerCase() === authoredQuestionLanguage;
}

/** A malformed block says what to fix and where: the question is not asked rather than asked wrong. */
export function readAuthoredQuestion(node: Code, file: string): AuthoredQuestionResult {
  const fenceLine = node.position?.start.line ?? 1;
  const fail = (line: number, problem: string): AuthoredQuestionResult => ({
    ok: false,
    line,
    message: `quiz block: ${problem} (write a prompt line, then four "- [ ]" options with exactly one "- [x]")`,
  });
  const promptLines: string[] = [];
  const options: { text: string; checked: boolean; line: number }[] = [];
  const lines = node.value.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const text = raw.trim();
    const line = fenceLine + 1 + index;
    if (text === '') continue;
    const option = optionLine.exec(text);
    if (option) {
      options.push({ text: (option[2] ?? '').trim(), checked: option[1] !== ' ', line });
    } else if (options.length > 0) {
      return fail(line, `"${text}" follows the options; the prompt goes before them`);
    } else {
      promptLines.push(text);
    }
  }
  const prompt = promptLines.join(' ');
  if (prompt === '') return fail(fenceLine, 'it has no prompt');
  if (options.length !== optionCount) return fail(fenceLine, `it has ${options.length} options, not ${optionCount}`);
  const empty = options.find((option) => option.text === '');
  if (empty) return fail(empty.line, 'an option is empty');
  const checked = options.filter((option) => option.checked);
  if (checked.length !== 1) return fail(fenceLine, `${checked.length} options are checked, not exactly one`);
  const seen = new Set<string>();
  for (const option of options) {
    const key = option.text.toLowerCase();
    if (seen.has(key)) return fail(option.line, `the option "${option.text}" appears twice`);
    seen.add(key);
  }
  return {
    ok: true,
    question: {
      prompt,
      options: options.map((option) => option.text),
      answer: options.findIndex((option) => option.checked),
      location: { file, line: fenceLine },
    },
  };
}
