// Where the tests' own notes are. Tests never read data/docs: adding or editing a team note must never break them.
import path from 'node:path';

/** A folder holding only a copy of the team's first note (`docker-kubernetes.md`), for tests that expect exactly it. */
export const teamNoteDir = path.resolve('test/fixtures/team-note');
