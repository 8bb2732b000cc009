// Hiding names in a statement, and checking that nothing gives the answer away.
//
// A name matches case-insensitively and whatever the spacing (`가상 머신` = `가상머신`,
// `operating-system-level` = `operating system level`). Korean names match inside longer words too:
// particles attach to them (`도커는`) and compounds contain them (`도커 컨테이너`). Latin names match only
// as whole words, so the alias `VE` does not shred `level`; a long Latin name hidden inside a word
// (`Dockerfile`) is still a giveaway, and `findLeakedName` catches it.

/** Stands for the hidden answer in a prompt. */
export const answerMask = '＿＿＿';

const letterOrDigit = /[\p{L}\p{N}]/u;
const latinOrDigit = /[A-Za-z0-9\u00c0-\u024f]/;
/**
 * What may stand between two letters of a name in running text: spaces, hyphens, dots, slashes, never a
 * line break. Kept to a short explicit class: Unicode property classes between every letter made each
 * pattern cost a millisecond to compile. Rarer separators slip past the mask, never past `findLeakedName`.
 */
const joiner = '[ \\t\\u00a0\\-\\u2010-\\u2015_.·/]{0,3}';
const latinBefore = '(?<![A-Za-z0-9\\u00c0-\\u024f])';
const latinAfter = '(?![A-Za-z0-9\\u00c0-\\u024f])';

/** The form texts are compared in: lower case, Unicode-folded, letters and digits only. */
export function textKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Letters and digits in a text, masks and punctuation not counted: how much a prompt really says. */
export function countLetters(text: string): number {
  return text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
}

const patterns = new Map<string, RegExp>();

/** The same few patterns run against every statement of a concept: compile each once. */
function compiledPattern(source: string, flags: string): RegExp {
  const key = `${flags}/${source}`;
  let pattern = patterns.get(key);
  if (!pattern) {
    if (patterns.size > 5000) patterns.clear();
    pattern = new RegExp(source, flags);
    patterns.set(key, pattern);
  }
  // replace() and match() with the g flag start from 0 anyway; test() without it ignores lastIndex.
  return pattern;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Brackets and commas inside a name must be there in the text too, in either width. */
const structuralChars: Record<string, string> = { '(': '[(（]', '（': '[(（]', ')': '[)）]', '）': '[)）]', ',': '[,，]', '，': '[,，]', '[': '\\[', ']': '\\]' };

/**
 * A regular-expression source matching `name` in running text, or null for a name without letters.
 * Adjacent letters may have one space between them (`가상머신` finds `가상 머신`); a space or hyphen in the
 * name may be any short run of spaces, hyphens, dots or slashes; brackets and commas must be there.
 */
export function namePatternSource(name: string): string | null {
  const tokens = name.normalize('NFC').trim().match(/[\p{L}\p{N}]|[^\p{L}\p{N}]+/gu) ?? [];
  const firstLetter = tokens.findIndex((token) => letterOrDigit.test(token));
  if (firstLetter < 0) return null;
  const lastLetter = tokens.findLastIndex((token) => letterOrDigit.test(token));
  // `도커(Docker)` as one term: its closing bracket belongs to it, an opening one before it would not.
  const end = tokens[lastLetter + 1] !== undefined && /^\s*[)）\]]/.test(tokens[lastLetter + 1]!) ? lastLetter + 1 : lastLetter;
  let source = '';
  let previousWasLetter = false;
  for (const token of tokens.slice(firstLetter, end + 1)) {
    const isLetter = letterOrDigit.test(token);
    if (isLetter) source += `${previousWasLetter ? '\\s?' : ''}${escapeRegExp(token)}`;
    else source += separatorSource(token);
    previousWasLetter = isLetter;
  }
  const first = tokens[firstLetter]!;
  const last = tokens[lastLetter]!;
  if (latinOrDigit.test(first)) source = `${latinBefore}${source}`;
  if (end === lastLetter && latinOrDigit.test(last)) source = `${source}${latinAfter}`;
  return source;
}

function separatorSource(run: string): string {
  const structure = [...run].filter((char) => char in structuralChars);
  if (structure.length === 0) return joiner;
  return `\\s*${structure.map((char) => structuralChars[char]).join('\\s*')}\\s*`;
}

/** Every occurrence of any of `names` replaced by `mask`; longer names win where names overlap. */
export function maskNames(text: string, names: readonly string[], mask: string = answerMask): string {
  const sources = [...new Set(names)]
    .sort((a, b) => textKey(b).length - textKey(a).length)
    .map(namePatternSource)
    .filter((source): source is string => source !== null);
  if (sources.length === 0) return text;
  const masked = text.normalize('NFC').replace(compiledPattern(sources.join('|'), 'giu'), mask);
  return collapseMasks(masked, mask);
}

/** `＿＿＿(＿＿＿, ＿＿＿)` says no more than `＿＿＿`, and reads better. */
function collapseMasks(text: string, mask: string): string {
  const m = escapeRegExp(mask);
  return text.replace(new RegExp(`${m}\\s*[(（]\\s*${m}(?:\\s*[,/]\\s*${m})*\\s*[)）]`, 'g'), mask);
}

/** How many times `name` occurs in `text`, matched as `maskNames` matches it. */
export function countOccurrences(text: string, name: string): number {
  const source = namePatternSource(name);
  if (source === null) return 0;
  return text.normalize('NFC').match(compiledPattern(source, 'giu'))?.length ?? 0;
}

/**
 * The first of `names` that still shows in `text`, ignoring case, spacing and punctuation; undefined when
 * none does. Strict on purpose: a name that shows only across a word gap still counts. Only one- and
 * two-letter Latin names (`VE`, `OS`) are looked for as whole words, or every `level` would leak `VE`.
 */
export function findLeakedName(text: string, names: readonly string[]): string | undefined {
  const key = textKey(text);
  const folded = text.normalize('NFKC').toLowerCase();
  return names.find((name) => {
    const nameKey = textKey(name);
    if (nameKey === '') return false;
    if (isShortLatin(nameKey)) return compiledPattern(`${latinBefore}${escapeRegExp(nameKey)}${latinAfter}`, 'u').test(folded);
    return key.includes(nameKey);
  });
}

function isShortLatin(key: string): boolean {
  return key.length <= 2 && /^[a-z0-9]+$/.test(key);
}
