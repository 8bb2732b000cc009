// `cli explain | search | concepts | kb check`: the knowledge base and search from a terminal, the same core
// the bot uses. The --json forms are a contract for outside checks: keep their shapes stable, and write
// nothing else to stdout when --json is set.
import { findDocument } from '../kb/find-document.js';
import { loadKnowledgeBase } from '../kb/load-knowledge-base.js';
import type { Concept, KbProblem, KnowledgeBase } from '../kb/types.js';
import { findUnaskableConcepts } from '../quiz/generate-question.js';
import { ConceptIndex } from '../search/concept-index.js';
import { explainConcept } from '../search/explain-concept.js';
import { formatConceptLabel } from '../search/format-concept-name.js';
import type { ExplainOutcome, SearchHit } from '../search/types.js';
import { type CliCommand, type CliContext, numberFlag, UsageError } from './cli-context.js';

interface LoadedNotes {
  kb: KnowledgeBase;
  index: ConceptIndex;
}

/** Loads the notes; `undefined` (after saying why) when there is nothing to search. */
async function loadNotes(context: CliContext): Promise<LoadedNotes | undefined> {
  const kb = await loadKnowledgeBase(context.docsDir, context.noteReadLimits);
  if (kb.concepts.length === 0) {
    const reasons = kb.problems.map(formatProblem);
    context.err(
      [
        `No concepts found in ${context.docsDir}.`,
        ...reasons,
        'Each topic heading of a *.md note is a concept; pass --docs DIR to read another folder.',
      ].join('\n'),
    );
    return undefined;
  }
  if (!context.json && kb.problems.length > 0) {
    context.err(`(${countOf(kb.problems.length, 'problem')} in the notes; run "kb check" to list them)`);
  }
  return { kb, index: ConceptIndex.build(kb.concepts) };
}

function requireQuery(context: CliContext, command: string): string {
  const query = context.positional.join(' ').trim();
  if (!query) throw new UsageError(`${command} needs a query, e.g. "npm run cli -- ${command} container"`);
  return query;
}

/** Exit 0 when a concept was explained, 1 for a guess or nothing (so scripts can tell). */
const explain: CliCommand = async (context) => {
  const query = requireQuery(context, 'explain');
  const notes = await loadNotes(context);
  if (!notes) return 1;
  const { kb, index } = notes;
  // An id (as printed by search and concepts) is always understood, so a guess can be followed up exactly.
  const byId = kb.getConcept(query);
  const outcome: ExplainOutcome = byId
    ? { kind: 'found', hit: { concept: byId, score: 1, matchKind: 'exact', matchedName: byId.names[0] ?? byId.title, confident: true } }
    : explainConcept(index, query);

  if (context.json) {
    context.out(JSON.stringify(describeOutcome(kb, outcome), null, 2));
  } else if (outcome.kind === 'found') {
    context.out(formatConcept(kb, outcome.hit));
  } else if (outcome.kind === 'guess') {
    context.out(
      [
        `Not sure which concept "${query}" means. Did you mean:`,
        ...outcome.candidates.map((hit, i) => `  ${i + 1}. ${formatConceptLabel(hit.concept)}  (${hit.concept.id})`),
        '',
        `Explain one with: npm run cli -- explain ${outcome.candidates[0]?.concept.id ?? '<id>'}`,
      ].join('\n'),
    );
  } else {
    context.err(`Nothing in the notes matches "${query}". List every concept with "concepts", or try other words with "search".`);
  }
  return outcome.kind === 'found' ? 0 : 1;
};

const search: CliCommand = async (context) => {
  const query = requireQuery(context, 'search');
  const limit = numberFlag(context, 'limit', 10);
  const notes = await loadNotes(context);
  if (!notes) return 1;
  const hits = notes.index.search(query, { limit });
  if (context.json) {
    context.out(
      JSON.stringify(
        hits.map((hit) => ({ id: hit.concept.id, title: hit.concept.title, names: hit.concept.names, score: hit.score })),
        null,
        2,
      ),
    );
  } else if (hits.length === 0) {
    context.out(`No concept matches "${query}".`);
  } else {
    const labels = hits.map((hit) => formatConceptLabel(hit.concept));
    const width = Math.min(48, Math.max(...labels.map((label) => label.length)));
    context.out(
      hits
        .map(
          (hit, i) =>
            `${String(i + 1).padStart(2)}. ${labels[i]!.padEnd(width)}  ${hit.score.toFixed(3)}  ${describeMatch(hit).padEnd(8)}  ${hit.concept.id}`,
        )
        .join('\n'),
    );
  }
  return 0;
};

const concepts: CliCommand = async (context) => {
  const note = context.flags.get('note');
  if (note === true) throw new UsageError('--note takes a note id, e.g. --note docker-kubernetes');
  const kb = await loadKnowledgeBase(context.docsDir, context.noteReadLimits);
  const picked = note === undefined ? undefined : findDocument(kb, note);
  if (note !== undefined && !picked) {
    throw new UsageError(
      `--note: no note "${note}" in ${context.docsDir} (notes: ${kb.documents.map((document) => document.id).join(', ') || 'none'})`,
    );
  }
  const documents = picked ? [picked] : kb.documents;
  const listed = documents.flatMap((document) => document.conceptIds.map((id) => kb.getConcept(id)).filter((concept) => concept !== undefined));
  if (context.json) {
    context.out(
      JSON.stringify(
        listed.map((concept) => ({
          id: concept.id,
          title: concept.title,
          names: concept.names,
          aliases: concept.aliases,
          document: concept.documentId,
        })),
        null,
        2,
      ),
    );
    return 0;
  }
  if (listed.length === 0) {
    context.out(`No concepts in ${context.docsDir}. Each topic heading of a *.md note is a concept (see "Writing notes" in the README).`);
    return 0;
  }
  const sections = documents.map((document) => {
    const lines = document.conceptIds
      .map((id) => kb.getConcept(id))
      .filter((concept) => concept !== undefined)
      .map((concept) => `  ${formatConceptLabel(concept)}  (${concept.id})${concept.aliases.length ? `  aka ${concept.aliases.join(', ')}` : ''}`);
    return [`${document.title}  [${document.file}]`, ...lines].join('\n');
  });
  context.out(`${sections.join('\n\n')}\n\n${countOf(listed.length, 'concept')} in ${countOf(documents.length, 'note')}.`);
  return 0;
};

interface ReportedProblem extends KbProblem {
  /** Set when the problem is about one concept (e.g. too thin to ask a quiz question about). */
  conceptId?: string;
}

/** Every problem of the notes, including concepts no quiz question can be made about. Exit 1 when any. */
const checkKb: CliCommand = async (context) => {
  const kb = await loadKnowledgeBase(context.docsDir, context.noteReadLimits);
  const unaskable: ReportedProblem[] = findUnaskableConcepts(kb).map(({ conceptId, reason }) => {
    const concept = kb.getConcept(conceptId);
    return {
      severity: 'warning',
      file: concept?.location.file ?? '.',
      ...(concept ? { line: concept.location.line } : {}),
      message: `no quiz question can be made about "${concept?.title ?? conceptId}": ${reason}`,
      conceptId,
    };
  });
  const problems: ReportedProblem[] = [...kb.problems, ...unaskable];
  if (context.json) {
    context.out(JSON.stringify(problems, null, 2));
  } else if (problems.length === 0) {
    context.out(`No problems: ${countOf(kb.concepts.length, 'concept')} in ${countOf(kb.documents.length, 'note')} (${context.docsDir}).`);
  } else {
    const errors = problems.filter((problem) => problem.severity === 'error').length;
    context.out(problems.map(formatProblem).join('\n'));
    context.out(
      `\n${countOf(problems.length, 'problem')} (${countOf(errors, 'error')}, ${countOf(problems.length - errors, 'warning')}); ${countOf(kb.concepts.length, 'concept')} loaded.`,
    );
  }
  return problems.length > 0 ? 1 : 0;
};

export function formatProblem(problem: KbProblem): string {
  return `${problem.file}${problem.line !== undefined ? `:${problem.line}` : ''}: ${problem.severity}: ${problem.message}`;
}

function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function describeMatch(hit: SearchHit): string {
  return hit.confident ? hit.matchKind : `${hit.matchKind}?`;
}

/** The concept as a person reads it in a terminal: names, the note's text, where it comes from. */
function formatConcept(kb: KnowledgeBase, hit: SearchHit): string {
  const { concept } = hit;
  const document = kb.getDocument(concept.documentId);
  const related = relatedConcepts(kb, concept);
  const lines = [formatConceptLabel(concept), ''];
  lines.push(`Names:    ${concept.names.join(' · ')}`);
  if (concept.aliases.length) lines.push(`Aliases:  ${concept.aliases.join(' · ')}`);
  if (hit.matchKind !== 'exact') lines.push(`Matched:  ${hit.matchedName} (${hit.matchKind})`);
  lines.push('', concept.body.trim(), '');
  if (concept.image) lines.push(`Image:    ${concept.image.url}${concept.image.alt ? `  (${concept.image.alt})` : ''}`);
  if (related.length) lines.push(`Related:  ${related.map((other) => `${formatConceptLabel(other)} (${other.id})`).join(', ')}`);
  lines.push(`Source:   ${document ? `${document.title} — ` : ''}${concept.location.file}:${concept.location.line}`);
  if (document?.references.length) {
    lines.push('References:');
    for (const reference of document.references)
      lines.push(`  - ${reference.text}${reference.url && !reference.text.includes(reference.url) ? ` <${reference.url}>` : ''}`);
  }
  return lines.join('\n');
}

function relatedConcepts(kb: KnowledgeBase, concept: Concept): Concept[] {
  return concept.relatedIds.map((id) => kb.getConcept(id)).filter((other) => other !== undefined);
}

function describeOutcome(kb: KnowledgeBase, outcome: ExplainOutcome): object {
  if (outcome.kind === 'none') return { kind: 'none' };
  if (outcome.kind === 'guess') {
    return {
      kind: 'guess',
      candidates: outcome.candidates.map((hit) => ({ id: hit.concept.id, title: hit.concept.title, names: hit.concept.names, score: hit.score })),
    };
  }
  const { concept } = outcome.hit;
  const document = kb.getDocument(concept.documentId);
  return {
    kind: 'found',
    id: concept.id,
    title: concept.title,
    names: concept.names,
    aliases: concept.aliases,
    body: concept.body,
    image: concept.image ?? null,
    document: document ? { id: document.id, title: document.title, file: document.file } : { id: concept.documentId },
    source: concept.location,
    references: document?.references ?? [],
    related: relatedConcepts(kb, concept).map((other) => ({ id: other.id, title: other.title, names: other.names })),
    match: { kind: outcome.hit.matchKind, name: outcome.hit.matchedName, score: outcome.hit.score },
  };
}

export const kbCommands: Record<string, CliCommand> = {
  explain,
  search,
  concepts,
  'kb check': checkKb,
};
