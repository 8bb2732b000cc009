// Quiz material at the scale of a large team's notes: building every concept's question material and the
// unaskable-concept scan over 10,000 synthetic concepts (the bot does this at start-up). Reports time and heap.
// Run alone: `node --import tsx test/bench/quiz-material-bench.ts [count]`.
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { buildKnowledgeBase } from '../../src/kb/load-knowledge-base.js';
import type { KnowledgeBase } from '../../src/kb/types.js';
import { findUnaskableConcepts } from '../../src/quiz/generate-question.js';
import { createRandom } from '../../src/quiz/seeded-random.js';
import { generateQuestion } from '../../src/quiz/generate-question.js';
import { createBenchRandom, round } from './bench-stats.js';
import { synthesizeConcepts } from './search-bench.js';

export interface QuizMaterialBenchResult {
  concepts: number;
  unaskableScanMs: number;
  unaskableScanCpuMs: number;
  heapMB: number;
  unaskable: number;
  questionMs: number;
}

export function runQuizMaterialBench(log: (line: string) => void, count = 10_000): QuizMaterialBenchResult {
  const empty = buildKnowledgeBase('notes', []);
  const concepts = synthesizeConcepts(count, createBenchRandom(20_241_127), new Set());
  const byId = new Map(concepts.map((concept) => [concept.id, concept]));
  const documentIds = [...new Set(concepts.map((concept) => concept.documentId))];
  const kb: KnowledgeBase = {
    ...empty,
    concepts,
    documents: documentIds.map((id) => ({
      id,
      title: id,
      file: `${id}.md`,
      references: [],
      conceptIds: concepts.filter((c) => c.documentId === id).map((c) => c.id),
    })),
    getConcept: (id) => byId.get(id),
    getDocument: () => undefined,
  };
  const collectGarbage = exposeGc();
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const unaskable = findUnaskableConcepts(kb).length;
  const unaskableScanMs = performance.now() - started;
  // CPU time as well as wall time: on a shared machine the wall clock mostly measures the neighbours.
  const cpu = process.cpuUsage(cpuBefore);
  const unaskableScanCpuMs = (cpu.user + cpu.system) / 1000;
  const heapMB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  const random = createRandom(7);
  const questionStarted = performance.now();
  const asked = 200;
  for (let i = 0; i < asked; i++) generateQuestion(kb, concepts[random.int(concepts.length)]!.id, random);
  const questionMs = (performance.now() - questionStarted) / asked;
  const result = {
    concepts: count,
    unaskableScanMs: round(unaskableScanMs, 0),
    unaskableScanCpuMs: round(unaskableScanCpuMs, 0),
    heapMB: round(heapMB, 1),
    unaskable,
    questionMs: round(questionMs, 2),
  };
  log(
    `quiz material: ${count} concepts, unaskable scan (builds all material) ${result.unaskableScanMs} ms wall, ${result.unaskableScanCpuMs} ms CPU, heap +${result.heapMB} MB, ${unaskable} unaskable; one question ${result.questionMs} ms`,
  );
  return result;
}

function exposeGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  return () => gc();
}

if (import.meta.url === `file://${process.argv[1]}`) runQuizMaterialBench((line) => console.log(line), Number(process.argv[2] ?? 10_000));
