// The quiz material's shortcuts give the answers of the plain definitions they stand for: whether a concept can be
// asked (found from its first askable candidate) and which concepts go by nearly the same name (found from an index).
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/kb/load-knowledge-base.js';
import type { Concept, KnowledgeBase } from '../../src/kb/types.js';
import { makeTerm, overlaps, type Term } from '../../src/quiz/key-terms.js';
import { buildQuizMaterial } from '../../src/quiz/material/build-material.js';
import { isOwnKey, keysOf } from '../../src/quiz/material/labels.js';
import { createNearConcepts } from '../../src/quiz/material/near-names.js';
import { uniqueTerms } from '../../src/quiz/material/term-likeness.js';
import { createRandom } from '../../src/quiz/seeded-random.js';
import { buildSharedNoteKnowledgeBase, fixtureNotesDir, makeKnowledgeBase, realNotesDir } from './quiz-test-kit.js';

async function knowledgeBases(): Promise<[string, KnowledgeBase][]> {
  return [
    ['shared note', buildSharedNoteKnowledgeBase()],
    ['fixture notes', await loadKnowledgeBase(fixtureNotesDir)],
    ['real notes', await loadKnowledgeBase(realNotesDir)],
  ];
}

describe('whether a concept can be asked', () => {
  it('is what its whole material says, for every concept of the fixture and real notes', async () => {
    for (const [name, kb] of await knowledgeBases()) {
      // Two materials, so the early-stopping answer is never read from a whole material built before it.
      const quick = buildQuizMaterial(kb);
      const whole = buildQuizMaterial(kb);
      const verdicts = kb.concepts.map((concept) => {
        const material = whole.materialOf(concept.id)!;
        return [concept.id, quick.canAsk(concept.id), material.authored.length + material.whichConcept.length + material.clozes.length > 0];
      });
      expect(
        verdicts.filter(([, quickly, fully]) => quickly !== fully),
        name,
      ).toEqual([]);
      expect(verdicts.some(([, , fully]) => fully === false)).toBe(name === 'real notes');
    }
  });

  it('leaves the material of a concept it stopped early on whole when asked for afterwards', async () => {
    const kb = await loadKnowledgeBase(realNotesDir);
    const quick = buildQuizMaterial(kb);
    const whole = buildQuizMaterial(kb);
    for (const concept of kb.concepts) quick.canAsk(concept.id);
    for (const concept of kb.concepts) expect(quick.materialOf(concept.id)).toEqual(whole.materialOf(concept.id));
  });

  it('is unknown for a concept that is not in the notes', () => {
    expect(buildQuizMaterial(buildSharedNoteKnowledgeBase()).canAsk('no/such-concept')).toBeUndefined();
  });
});

describe('concepts that go by nearly the same name', () => {
  /** Every pair compared, as the definition reads. */
  function nearByDefinition(concepts: readonly Concept[], keysOfConcept: (id: string) => readonly string[], id: string): string[] {
    const own = new Set(keysOfConcept(id));
    return concepts.filter((other) => other.id !== id && keysOfConcept(other.id).some((key) => isOwnKey(key, own))).map((other) => other.id);
  }

  it('are the pairs isOwnKey finds, for random names sharing letters', () => {
    const random = createRandom(7);
    const letters = ['a', 'b', 'c', '가', '나'];
    const word = () => Array.from({ length: 1 + random.int(10) }, () => random.pick(letters)).join('');
    const kb = makeKnowledgeBase({
      'it/words': Array.from({ length: 120 }, (_, index) => ({ slug: `w${index}`, names: [word(), word()], statements: ['설명이다.'] })),
    });
    const keysOfConcept = (id: string) => keysOf(kb.getConcept(id)!.names);
    const nearConceptsOf = createNearConcepts(kb.concepts, keysOfConcept);
    let pairs = 0;
    for (const concept of kb.concepts) {
      const expected = nearByDefinition(kb.concepts, keysOfConcept, concept.id);
      pairs += expected.length;
      expect([...nearConceptsOf(concept.id)].sort(), concept.id).toEqual(expected.sort());
    }
    expect(pairs).toBeGreaterThan(100);
  });
});

describe('unique terms', () => {
  it('keep a term only when it overlaps none kept before it, up to the limit', async () => {
    const kb = await loadKnowledgeBase(realNotesDir);
    const fromNotes = kb.concepts.flatMap((concept) =>
      [...concept.names, ...concept.boldTerms].map((text) => makeTerm(text, concept.documentId, 'bold')),
    );
    // Overlaps the notes may lack: a shared name in other words (`컨테이너(Container)`, `Container(컨테이너)`) and two
    // terms naming one concept (`커널`, `Kernel`).
    const kernel = (text: string) => ({ ...makeTerm(text, 'os', 'name')!, namedConceptId: 'os/kernel' });
    const crafted = [
      makeTerm('컨테이너(Container)', 'docker', 'bold'),
      makeTerm('Container(컨테이너)', 'docker', 'bold'),
      kernel('커널'),
      kernel('Kernel'),
    ];
    const terms = [...crafted, ...fromNotes].filter((term): term is Term => term !== null);
    for (const limit of [5, 40, terms.length]) {
      const expected: Term[] = [];
      for (const term of terms) if (expected.length < limit && !expected.some((kept) => overlaps(kept, term))) expected.push(term);
      expect(uniqueTerms(terms, limit)).toEqual(expected);
    }
    expect(uniqueTerms(terms, terms.length).length).toBeLessThan(terms.length);
  });
});
