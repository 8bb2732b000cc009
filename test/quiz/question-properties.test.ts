// Properties of generated questions over many seeds and the real notes: the shared note and every fixture note.
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/kb/types.js';
import { findUnaskableConcepts, generateQuestion, questionKinds, sampleQuestion } from '../../src/quiz/generate-question.js';
import { createRandom } from '../../src/quiz/seeded-random.js';
import type { GeneratedQuestion } from '../../src/quiz/types.js';
import { buildSharedNoteKnowledgeBase, loadFixtureKnowledgeBase } from './quiz-test-kit.js';

// The checks below are written independently of the generator's own masking and leak rules.
const compact = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** Whether `name` shows in `prompt`, ignoring case and spaces; one- and two-letter Latin names only as whole words. */
function shows(prompt: string, name: string): boolean {
  const needle = compact(name);
  if (needle === '') return false;
  if (/^[a-z0-9]{1,2}$/.test(needle)) return new RegExp(`(?<![a-z0-9])${needle}(?![a-z0-9])`).test(prompt.normalize('NFKC').toLowerCase());
  return compact(prompt).includes(needle);
}

/** `컨테이너 (Container)` → itself, 컨테이너, Container. */
function formsOf(option: string): string[] {
  return [option, ...option.split(/[()（）,]/)].map((part) => part.trim()).filter(Boolean);
}

/** Every way the question could be wrong; empty when it is fine. */
function findFaults(kb: KnowledgeBase, question: GeneratedQuestion): string[] {
  const faults: string[] = [];
  const concept = kb.getConcept(question.conceptId);
  if (!concept) return [`unknown concept ${question.conceptId}`];
  const { options, answer, prompt } = question;
  if (options.length !== 4) faults.push(`${options.length} options`);
  if (!Number.isInteger(answer) || answer < 0 || answer > 3) faults.push(`answer index ${answer}`);
  if (new Set(options.map(compact)).size !== options.length) faults.push(`options not distinct: ${options.join(' | ')}`);
  if (countLetters(prompt) < 15) faults.push(`prompt too short: ${prompt}`);
  const correct = options[answer] ?? '';
  // "Which concept is this?" must hide every name of the concept; a cloze asks for the blanked term, so it may
  // keep the concept's names as context but must not show the term in any form.
  const hidden = question.kind === 'which-concept' ? [...concept.names, ...concept.aliases, ...formsOf(correct)] : formsOf(correct);
  for (const name of hidden) {
    if (shows(prompt, name)) faults.push(`prompt shows "${name}": ${prompt}`);
  }
  const ownNames = new Set([...concept.names, ...concept.aliases].map(compact));
  if (question.kind === 'which-concept') {
    const ids = question.optionConceptIds ?? [];
    if (ids[answer] !== concept.id || ids.filter((id) => id === concept.id).length !== 1)
      faults.push(`answer concept not exactly once: ${ids.join(' | ')}`);
    for (const id of ids) {
      const other = id === concept.id || !id ? undefined : kb.getConcept(id);
      if (other && [...other.names, ...other.aliases].some((name) => ownNames.has(compact(name))))
        faults.push(`wrong option ${id} shares a name with the answer`);
    }
  } else {
    // A key term: bold, written with its translation in brackets, or the name of a concept; and in the concept's own text.
    const namesAConcept = kb.concepts.some((other) => other.names.some((name) => compact(name) === compact(correct)));
    if (!concept.boldTerms.includes(correct) && !/[(（].+[)）]$/u.test(correct) && !namesAConcept)
      faults.push(`cloze answer "${correct}" is not a key term`);
    if (!compact(concept.plainText).includes(compact(correct).replace(/[(（].*$/u, '')))
      faults.push(`cloze answer "${correct}" is not in ${concept.id}`);
    for (const [index, option] of options.entries()) {
      if (index === answer) continue;
      if (compact(option).includes(compact(correct)) || compact(correct).includes(compact(option)))
        faults.push(`wrong option "${option}" overlaps the answer "${correct}"`);
      if (formsOf(option).some((form) => ownNames.has(compact(form)))) faults.push(`wrong option "${option}" names the concept itself`);
    }
  }
  return faults;
}

function countLetters(text: string): number {
  return text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
}

/** Pearson's chi-square of counts against a uniform spread. */
function chiSquareUniform(counts: readonly number[]): number {
  const total = counts.reduce((sum, count) => sum + count, 0);
  const expected = total / counts.length;
  return counts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
}

describe('generated questions over many seeds', () => {
  let notes: [string, KnowledgeBase][];

  beforeAll(async () => {
    notes = [
      ['the shared note', buildSharedNoteKnowledgeBase()],
      ['the fixture notes', await loadFixtureKnowledgeBase()],
    ];
  });

  it('never leak their answer, always have four distinct options and exactly one right one (500 seeds per knowledge base)', () => {
    for (const [, kb] of notes) {
      const faults: string[] = [];
      let made = 0;
      for (let seed = 0; seed < 500; seed++) {
        const question = sampleQuestion(kb, { seed });
        expect(question).not.toBeNull();
        made++;
        faults.push(...findFaults(kb, question!).map((fault) => `seed ${seed}: ${fault}`));
      }
      expect(made).toBe(500);
      expect(faults).toEqual([]);
    }
  });

  it('hold for every askable concept and both kinds (25 seeds each)', () => {
    for (const [, kb] of notes) {
      const skipped = new Set(findUnaskableConcepts(kb).map((entry) => entry.conceptId));
      const faults: string[] = [];
      for (const concept of kb.concepts) {
        if (skipped.has(concept.id)) continue;
        let made = 0;
        for (const kind of questionKinds) {
          for (let seed = 0; seed < 25; seed++) {
            const question = generateQuestion(kb, concept.id, createRandom(seed), kind);
            if (!question) continue;
            made++;
            expect(question.kind).toBe(kind);
            faults.push(...findFaults(kb, question).map((fault) => `${concept.id} ${kind} seed ${seed}: ${fault}`));
          }
        }
        expect(made, concept.id).toBeGreaterThan(0);
      }
      expect(faults).toEqual([]);
    }
  });

  it('put the right answer in each position about equally often (2000 seeds)', () => {
    for (const [, kb] of notes) {
      const positions = [0, 0, 0, 0];
      for (let seed = 0; seed < 2000; seed++) positions[sampleQuestion(kb, { seed })!.answer]!++;
      // 16.27 is the 0.1% critical value for 3 degrees of freedom.
      expect(chiSquareUniform(positions), positions.join(',')).toBeLessThan(16.27);
    }
  });

  it('vary concept and kind with the seed, and repeat exactly for the same seed', () => {
    for (const [, kb] of notes) {
      const askable = kb.concepts.length - findUnaskableConcepts(kb).length;
      const questions = Array.from({ length: 500 }, (_, seed) => sampleQuestion(kb, { seed })!);
      expect(new Set(questions.map((question) => question.conceptId)).size).toBe(askable);
      const clozeShare = questions.filter((question) => question.kind === 'cloze').length / questions.length;
      expect(clozeShare).toBeGreaterThan(0.15);
      expect(clozeShare).toBeLessThan(0.85);
      expect(sampleQuestion(kb, { seed: 123 })).toEqual(questions[123]);
    }
  });
});
