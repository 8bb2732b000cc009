// Names are keys for search and buttons: two concepts may not claim the same one.
import { nameKey } from './slug.js';
import type { Concept, KbProblem } from './types.js';

/**
 * A name must point to one concept, or search and buttons cannot tell them apart: a second concept
 * with the same name is reported with both places. An alias that is another concept's name is
 * dropped, because the name is the stronger claim.
 */
export function checkConceptNames(concepts: readonly Concept[]): KbProblem[] {
  const problems: KbProblem[] = [];
  const owners = new Map<string, Concept>();
  const where = (concept: Concept): string => `${concept.location.file}:${concept.location.line}`;
  for (const concept of concepts) {
    const shared = new Map<Concept, string[]>();
    for (const name of concept.names) {
      const key = nameKey(name);
      const owner = owners.get(key);
      if (owner && owner !== concept) shared.set(owner, [...(shared.get(owner) ?? []), name]);
      else owners.set(key, concept);
    }
    for (const [owner, names] of shared) {
      const quoted = names.map((name) => `"${name}"`).join(', ');
      problems.push({
        severity: 'warning',
        file: concept.location.file,
        line: concept.location.line,
        message: `${names.length > 1 ? 'the names' : 'the name'} ${quoted} of "${concept.title}" (${where(concept)}) ${names.length > 1 ? 'are' : 'is'} also ${names.length > 1 ? 'names' : 'a name'} of "${owner.title}" (${where(owner)})`,
      });
    }
  }
  for (const concept of concepts) {
    concept.aliases = concept.aliases.filter((alias) => {
      const owner = owners.get(nameKey(alias));
      if (!owner || owner === concept) return true;
      problems.push({
        severity: 'warning',
        file: concept.location.file,
        line: concept.location.line,
        message: `the alias "${alias}" of "${concept.title}" (${where(concept)}) is a name of "${owner.title}" (${where(owner)}); the alias was dropped`,
      });
      return false;
    });
  }
  return problems;
}
