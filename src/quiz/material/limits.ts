// Every limit of the quiz material in one place: how much a prompt must say, how many wrong options, and the
// bounds that keep the work per concept the same however big the knowledge base or a note is.

/** Fewer letters than this (masks not counted) is too little to recognise anything by. */
export const minPromptLetters = 15;
export const distractorCount = 3;
/** A sentence with fewer letters than this once masked gets the next sentence of its passage as a second clue. */
export const twoSentencesBelowLetters = 40;
/** Wrong options considered per candidate: plenty to choose from, and it keeps the work per concept bounded. */
export const maxPoolSize = 40;
/**
 * Work per concept stays bounded however big a note is (a 10,000-section note, a 5 MB section): a question needs
 * a handful of good sentences, not all of them, so a long section offers at most this many, spread over its text…
 */
export const maxSentencesPerConcept = 80;
/** …and blanks at most this many of its terms… */
export const maxBlankableTerms = 60;
/** …and a note with more terms than this lends each concept only the terms of its neighbours in the note. */
export const maxNoteTermsInPool = maxPoolSize * 8;
/** Mentions between two notes (concept pairs) that make them one domain; see buildDomains. */
export const minLinksForDomain = 3;
