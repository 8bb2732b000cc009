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
  return asciiOrHangulKey(text) ?? unicodeKey(text);
}

function unicodeKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * `textKey` of a text of ASCII and Hangul syllables only (most of any note), without Unicode tables: NFKC leaves
 * both as they are and only A-Z change case. The answer mask and full-width brackets and commas (every prompt has
 * a mask) are dropped as their NFKC forms `_ ( ) ,` would be. Undefined for any other character, which goes the
 * Unicode way. The key is asked for every name of every concept and every prompt, 100,000s of times at 10,000
 * concepts.
 */
function asciiOrHangulKey(text: string): string | undefined {
  let key = '';
  let runStart = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (isHangulSyllable(code) || isLowerOrDigit(code)) continue;
    if (code >= 0x80 && !isFullwidthPunctuation(code)) return undefined;
    // An upper-case letter or a character that is dropped ends the run copied as it is.
    key += text.slice(runStart, index);
    if (isUpperAscii(code)) key += String.fromCharCode(code + 0x20);
    runStart = index + 1;
  }
  return runStart === 0 ? text : key + text.slice(runStart);
}

/** `＿` (the answer mask), `（`, `）`, `，`: NFKC turns them into ASCII punctuation, which no key keeps. */
function isFullwidthPunctuation(code: number): boolean {
  return code === 0xff3f || code === 0xff08 || code === 0xff09 || code === 0xff0c;
}

function isHangulSyllable(code: number): boolean {
  return code >= 0xac00 && code <= 0xd7a3;
}

function isLowerOrDigit(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

function isUpperAscii(code: number): boolean {
  return code >= 0x41 && code <= 0x5a;
}

/** Letters and digits in a text, masks and punctuation not counted: how much a prompt really says. */
export function countLetters(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (isHangulSyllable(code) || isLowerOrDigit(code) || isUpperAscii(code)) count++;
    else if (code >= 0x80) {
      // Outside ASCII and Hangul syllables, one code point at a time (a surrogate pair is one letter).
      const char = String.fromCodePoint(text.codePointAt(index)!);
      if (letterOrDigit.test(char)) count++;
      index += char.length - 1;
    }
  }
  return count;
}

const patterns = new Map<string, RegExp>();

/** The same few patterns run against every statement of a concept: compile each once. */
export function compiledPattern(source: string, flags: string): RegExp {
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
const structuralChars: Record<string, string> = {
  '(': '[(（]',
  '（': '[(（]',
  ')': '[)）]',
  '）': '[)）]',
  ',': '[,，]',
  '，': '[,，]',
  '[': '\\[',
  ']': '\\]',
};

/**
 * A regular-expression source matching `name` in running text, or null for a name without letters.
 * Adjacent letters may have one space between them (`가상머신` finds `가상 머신`); a space or hyphen in the
 * name may be any short run of spaces, hyphens, dots or slashes; brackets and commas must be there.
 */
export function namePatternSource(name: string): string | null {
  let source = patternSources.get(name);
  if (source === undefined) {
    if (patternSources.size > 5000) patternSources.clear();
    source = buildPatternSource(name);
    patternSources.set(name, source);
  }
  return source;
}

/** Sources of the names and terms asked for again and again (each blankable term, in each sentence of its concept). */
const patternSources = new Map<string, string | null>();

function buildPatternSource(name: string): string | null {
  const tokens =
    name
      .normalize('NFC')
      .trim()
      .match(/[\p{L}\p{N}]|[^\p{L}\p{N}]+/gu) ?? [];
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
  return createNameMasker(names, mask)(text);
}

/**
 * `maskNames` for one set of names and many texts. It matches on letter keys rather than with one big regular
 * expression: a concept's names compiled into a pattern (a `\s?` between every letter, case-insensitive) cost
 * about 2 ms per concept to compile, which was most of the quiz material's build time at 10,000 concepts.
 * Same rules as `namePatternSource`: between two letters of a name the text may have up to three spaces,
 * hyphens, dots, slashes or brackets, never a line break; a Latin name stands alone as a word.
 */
export function createNameMasker(names: readonly string[], mask: string = answerMask): (text: string) => string {
  const targets = maskTargets(names);
  if (targets.length === 0) return (text) => text;
  return (text) => {
    const keyed = keyText(text);
    let masked = '';
    let cursor = 0;
    for (const { start, end } of findNameSpans(keyed, targets)) {
      masked += keyed.text.slice(cursor, start) + mask;
      cursor = end;
    }
    return collapseMasks(masked + keyed.text.slice(cursor), mask);
  };
}

/** The keys of `names` that `text` shows, as `maskNames` would find them (a longer name wins over its parts). */
export function findShownNameKeys(text: string, names: readonly string[]): string[] {
  return [...new Set(findNameSpans(keyText(text), maskTargets(names)).map((span) => span.key))];
}

interface MaskTarget {
  key: string;
  closesBracket: boolean;
}

function maskTargets(names: readonly string[]): MaskTarget[] {
  return [...new Set(names)]
    .map((name) => ({ key: textKey(name), closesBracket: /[)）]\s*$/u.test(name) }))
    .filter((target) => target.key !== '')
    .sort((a, b) => b.key.length - a.key.length);
}

/** Where the names stand in the text, longest names first, never overlapping, in text order. */
function findNameSpans(keyed: KeyedText, targets: readonly MaskTarget[]): { start: number; end: number; key: string }[] {
  const taken = new Uint8Array(keyed.key.length);
  const spans: { start: number; end: number; key: string }[] = [];
  for (const { key, closesBracket } of targets) {
    for (let at = keyed.key.indexOf(key); at >= 0; at = keyed.key.indexOf(key, at + 1)) {
      const last = at + key.length - 1;
      if (isAnyTaken(taken, at, last) || !joinsUp(keyed, at, last)) continue;
      const start = keyed.starts[at]!;
      let end = keyed.ends[last]!;
      if (latinOrDigit.test(key[0]!) && latinOrDigit.test(keyed.text[start - 1] ?? '')) continue;
      if (latinOrDigit.test(key[key.length - 1]!) && latinOrDigit.test(keyed.text[end] ?? '')) continue;
      // `도커(Docker)` as one name: its closing bracket goes with it.
      if (closesBracket) end += /^\s*[)）]/u.exec(keyed.text.slice(end))?.[0].length ?? 0;
      taken.fill(1, at, last + 1);
      spans.push({ start, end, key });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Whether a longer name already holds any key character from `at` to `last` (a loop: no view per occurrence). */
function isAnyTaken(taken: Uint8Array, at: number, last: number): boolean {
  for (let index = at; index <= last; index++) if (taken[index] === 1) return true;
  return false;
}

interface KeyedText {
  text: string;
  /** The text's letters and digits, folded as `textKey` folds them. */
  key: string;
  /** For each key character, where its source character starts and ends in `text`. */
  starts: number[];
  ends: number[];
}

function keyText(raw: string): KeyedText {
  const text = raw.normalize('NFC');
  let key = '';
  const starts: number[] = [];
  const ends: number[] = [];
  // Key characters that are the text's own (lower-case ASCII, digits, Hangul syllables) are copied a run at a
  // time: a string per character, and a one-character string per Hangul syllable read, was most of this.
  let runStart = 0;
  let offset = 0;
  while (offset < text.length) {
    const code = text.charCodeAt(offset);
    // ASCII and Hangul syllables, most of any note, fold without Unicode tables: only A-Z change (to lower case).
    if (isHangulSyllable(code) || isLowerOrDigit(code)) {
      starts.push(offset);
      ends.push(offset + 1);
      offset += 1;
      continue;
    }
    key += text.slice(runStart, offset);
    if (code < 0x80) {
      if (isUpperAscii(code)) {
        key += String.fromCharCode(code + 0x20);
        starts.push(offset);
        ends.push(offset + 1);
      }
      offset += 1;
    } else {
      const char = String.fromCodePoint(text.codePointAt(offset)!);
      const folded = char.normalize('NFKC').toLowerCase();
      for (const part of folded) {
        if (!letterOrDigit.test(part)) continue;
        key += part;
        starts.push(offset);
        ends.push(offset + char.length);
      }
      offset += char.length;
    }
    runStart = offset;
  }
  return { text, key: key + text.slice(runStart), starts, ends };
}

const allowedGap = /^[ \t\u00a0\-\u2010-\u2015_.·/()（）]{0,3}$/u;

/** Whether the key characters at..last stand close enough in the text to be one name. */
function joinsUp(keyed: KeyedText, at: number, last: number): boolean {
  for (let index = at; index < last; index++) {
    const gap = keyed.text.slice(keyed.ends[index], keyed.starts[index + 1]);
    if (gap !== '' && !allowedGap.test(gap)) return false;
  }
  return true;
}

/** `＿＿＿(＿＿＿, ＿＿＿)` says no more than `＿＿＿`, and reads better. */
function collapseMasks(text: string, mask: string): string {
  // Only a text with a mask can hold masks to collapse; the masker calls this for every text it is given.
  if (!text.includes(mask)) return text;
  const m = escapeRegExp(mask);
  return text.replace(compiledPattern(`${m}\\s*[(（]\\s*${m}(?:\\s*[,/]\\s*${m})*\\s*[)）]`, 'g'), mask);
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
  return createLeakFinder(names)(foldText(text));
}

/** A text as the leak checks read it: its key (`textKey`) and its folded form (for whole-word checks). */
export interface FoldedText {
  key: string;
  folded: string;
}

export function foldText(text: string): FoldedText {
  return { key: textKey(text), folded: text.normalize('NFKC').toLowerCase() };
}

/** `findLeakedName` for one set of names and many texts: each name's key is worked out once. */
export function createLeakFinder(names: readonly string[]): (text: FoldedText) => string | undefined {
  const checks = names.flatMap((name) => {
    const nameKey = textKey(name);
    if (nameKey === '') return [];
    const word = isShortLatin(nameKey) ? compiledPattern(`${latinBefore}${escapeRegExp(nameKey)}${latinAfter}`, 'u') : null;
    return [{ name, nameKey, word }];
  });
  return ({ key, folded }) => checks.find(({ nameKey, word }) => (word ? word.test(folded) : key.includes(nameKey)))?.name;
}

function isShortLatin(key: string): boolean {
  return key.length <= 2 && /^[a-z0-9]+$/.test(key);
}
