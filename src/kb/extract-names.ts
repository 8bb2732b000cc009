// Names out of a heading: `가상 사설망(VPN, Virtual Private Network)` → 가상 사설망, VPN, Virtual Private Network.
import { isCollapsed } from './markdown-text.js';
import { nameKey } from './slug.js';

/** The brackets `maskParenthesised` reads: `(` `（` `[` open, `)` `）` `]` close (any closer closes any opener). */
function isOpener(code: number): boolean {
  return code === 0x28 || code === 0xff08 || code === 0x5b;
}

function isCloser(code: number): boolean {
  return code === 0x29 || code === 0xff09 || code === 0x5d;
}

/**
 * The text with everything inside parentheses replaced by NUL (same length), so that separators
 * are only found at the top level: the comma in `가상 사설망(VPN, Virtual Private Network)` is not one.
 */
export function maskParenthesised(text: string): string {
  // Runs outside parentheses are copied whole (with the outermost brackets); everything between is masked.
  let depth = 0;
  let masked = '';
  let runStart = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (isOpener(code)) {
      if (++depth === 1) {
        masked += text.slice(runStart, index + 1);
        runStart = index + 1;
      }
    } else if (isCloser(code) && depth > 0) {
      if (--depth === 0) {
        masked += '\u0000'.repeat(index - runStart) + text[index];
        runStart = index + 1;
      }
    }
  }
  return masked + (depth > 0 ? '\u0000'.repeat(text.length - runStart) : text.slice(runStart));
}

/** Split `text` where `separator` matches outside parentheses. */
export function splitTopLevel(text: string, separator: RegExp): string[] {
  const masked = maskParenthesised(text);
  const parts: string[] = [];
  let last = 0;
  // `exec` on the one global version rather than `matchAll`, which clones the expression on every call. Nothing
  // else runs it while this loop does, and a finished `exec` loop leaves its `lastIndex` at 0.
  const pattern = globalVersion(separator);
  pattern.lastIndex = 0;
  for (let match = pattern.exec(masked); match; match = pattern.exec(masked)) {
    if (match[0].length === 0) {
      pattern.lastIndex = nextIndex(masked, pattern.lastIndex, /[uv]/.test(pattern.flags));
      continue;
    }
    parts.push(text.slice(last, match.index));
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/** Past an empty match, as `matchAll` moves on: by a whole surrogate pair in a Unicode expression. */
function nextIndex(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const code = text.charCodeAt(index);
  const next = text.charCodeAt(index + 1);
  return code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? index + 2 : index + 1;
}

/** The separator with the `g` flag, made once per separator (every heading and statement is split). */
const globalVersions = new WeakMap<RegExp, RegExp>();
function globalVersion(separator: RegExp): RegExp {
  if (separator.flags.includes('g')) return separator;
  let global = globalVersions.get(separator);
  if (!global) globalVersions.set(separator, (global = new RegExp(separator.source, `${separator.flags}g`)));
  return global;
}

/**
 * Joiners between names in a heading. `/` and `&` only with spaces around them, or `/` between Hangul
 * words: `TCP/IP`, `CI/CD`, `R&D` and `입/출력` are one name, `프로세스/스레드` and `Merge / Rebase` are two.
 * `vs` and a spaced dash join too (`Process vs Thread`, `HTTP 요청 방식 - GET, POST`). Commas are handled
 * apart (see {@link splitCommaList}), and so are the particles 와/과 ({@link splitAtParticleJoiners}).
 */
const headingJoiner = /\s+(?:및|and|또는|or|&|\/|vs\.?|versus|[-–—])\s+|(?<=[\p{Script=Hangul}][\p{Script=Hangul}])\/(?=[\p{Script=Hangul}]{2})/giu;

/** Separators inside one pair of parentheses: `(VE, Virtualization Engine)`, `(Instance / VM)`. */
const innerJoiner = /\s*[,;，]\s*|\s+\/\s+|\s+(?:또는|혹은|or)\s+/giu;

/** Words that introduce the parenthesised term without being part of it: `가상 머신(또는 인스턴스)`. */
const innerLeadIn = /^(?:또는|혹은|즉|or|aka|a\.k\.a\.|i\.e\.,?|also\s+(?:called|known\s+as|referred\s+to\s+as))\s+/iu;

/** Names of a heading, in order, without duplicates (case-insensitive). */
export function extractNames(heading: string): string[] {
  let names = namesByHeading.get(heading);
  if (!names) {
    if (namesByHeading.size >= 20_000) namesByHeading.clear();
    const text = cleanHeading(heading);
    names = uniqueNames(splitTopLevel(text, headingJoiner).flatMap(splitCommaList).flatMap(splitAtParticleJoiners).flatMap(namesOfTerm));
    namesByHeading.set(heading, names);
  }
  return [...names];
}

/** Each heading is read twice, to tell its kind and for its names: its names are worked out once. */
const namesByHeading = new Map<string, readonly string[]>();

/**
 * The heading without what only dresses it: numbering, a date and `[tag]` prefixes of a diary note
 * (`2019.08.26.(월) [스터디] UDP란?`), and a question or topic phrase around the term (`UDP란?`,
 * `정규화에 대해서`, `인덱스(Index)란 무엇인가`, `What is a process?`, `프로세스와 스레드의 차이`).
 */
export function cleanHeading(heading: string): string {
  let text = stripNumbering(heading.normalize('NFC').replace(/\s+/g, ' ').trim());
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text.replace(datePrefix, '').replace(tagPrefix, '').replace(englishQuestionLead, '').trim();
  }
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text.replace(questionTail, '').replace(topicTail, '').replace(copulaTail, '').trim();
    // The tail first: telling whether the heading joins terms splits it twice, and few headings end in a comparison.
    if (comparisonTail.test(text) && joinsTerms(text)) text = text.replace(comparisonTail, '').trim();
  }
  return text === '' ? stripNumbering(heading.normalize('NFC').replace(/\s+/g, ' ').trim()) : text;
}

/** `2019.08.26.(월)`, `2020-03-02`, `2021년 4월 5일`, with the day of the week in parentheses or not. */
const datePrefix =
  /^(?:\d{2,4}\s*[.\-/년]\s*\d{1,2}\s*[.\-/월]\s*\d{1,2}\s*[.일]?|\d{4}\s*[.\-/]\s*\d{1,2}\s*[.]?)\s*(?:\((?:[월화수목금토일]|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\)|[월화수목금토일]요일)?\s*[:\-–]?\s*/iu;
/** `[스터디]`, `[TIL]`, `【OS】`. */
const tagPrefix = /^(?:\[[^\]]{1,20}\]|【[^】]{1,20}】)\s*[:\-–]?\s*/u;
const englishQuestionLead = /^(?:what\s+(?:is|are)|what's)\s+(?:an?\s+|the\s+)?(?=\S)/iu;
/**
 * `UDP란?`, `인덱스(Index)란 무엇인가`, `정규화란 무엇일까요?`. A bare `란` without a question goes only
 * after Latin letters, digits or a closing parenthesis: in Hangul it ends real words (`혼란`, `계란`).
 */
const questionTail =
  /(?:(?:이란|란)\s*(?:무엇(?:인가요?|일까요?|입니까|이야)?|뭘까요?|뭐야)?\s*[?？]+|(?<=[A-Za-z0-9)）])\s*(?:이란|란)(?:\s*(?:무엇(?:인가요?|일까요?|입니까|이야)?|뭘까요?|뭐야))?|(?:이란|란)\s+(?:무엇(?:인가요?|일까요?|입니까|이야)?|뭘까요?|뭐야)|\s*[?？]+)$/u;
/** `정규화에 대해서`, `캐시에 대하여 알아보자`. */
const topicTail = /\s*에\s*(?:대해서?|대하여|관해서?|관하여)(?:\s*(?:알아보자|알아보기|정리|공부))?$/u;
/** `트랜잭션은 무엇인가`: the subject particle before a question word goes with it. */
const copulaTail = /\s*(?:(?<=\p{Script=Hangul})(?:은|는|이|가)\s+)?무엇(?:인가요?|일까요?|입니까)$/u;
/** `프로세스와 스레드의 차이`: with two terms joined, the comparison is about them, not a third name. */
const comparisonTail = /(?:의)?\s*(?:차이점?|비교)$/u;

function joinsTerms(text: string): boolean {
  return splitTopLevel(text, headingJoiner).length > 1 || splitTopLevel(text, particleJoiner).length > 1;
}

/**
 * `와`/`과` join two terms when they are the particle of the word before: spelled right for its last
 * syllable (`스레드와`, `트랜잭션(Transaction)과`, `TCP 와`) and after a word of two syllables at least, so
 * that `결과 분석` or `효과 측정` stay one name.
 */
const particleJoiner = /(?<=(?:[\p{L}\p{N}]{2}|[)）]))\s?[와과]\s+/gu;
const particleBeforeSpace = /[와과]\s/u;

function splitAtParticleJoiners(term: string): string[] {
  // Every joiner holds 와 or 과 before a space. `particleJoiner` opens with a look-behind, which it tries at every
  // position of the term; most terms have no such particle at all, found with one quick search.
  if (!particleBeforeSpace.test(term)) return [term];
  const masked = maskParenthesised(term);
  const parts: string[] = [];
  let last = 0;
  for (const match of masked.matchAll(particleJoiner)) {
    const before = term.slice(last, match.index);
    const particle = match[0].trim();
    if (!particleAgrees(before, particle)) continue;
    parts.push(before);
    last = match.index + match[0].length;
  }
  parts.push(term.slice(last));
  const names = parts.map((part) => part.trim()).filter((part) => part !== '');
  return names.length > 1 && names.every(isNameLike) ? names : [term];
}

function particleAgrees(before: string, particle: string): boolean {
  const last = before.trimEnd().at(-1) ?? '';
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) return ((code - 0xac00) % 28 === 0) === (particle === '와');
  // After Latin letters, digits or a parenthesis the reader's pronunciation decides; both are accepted.
  return /[A-Za-z0-9)）]/.test(last);
}

/** One object for every call: `splitTopLevel` keeps the global version of a separator per object. */
const commaSeparator = /\s*[,，]\s*/u;

/**
 * Commas list names only when every item reads as one: `GET, POST` or `데이터 모델, 스키마` are lists,
 * `장점, 단점` or `데이터를 읽고, 쓰는 방법` are a plain heading that keeps its one name.
 */
function splitCommaList(term: string): string[] {
  const items = splitTopLevel(term, commaSeparator);
  return items.length > 1 && items.every(isNameLike) ? items : [term];
}

/** Words that name a part of any topic, never a concept of their own. */
export const genericWords: ReadonlySet<string> = new Set([
  '장점',
  '단점',
  '특징',
  '예시',
  '예제',
  '정의',
  '개념',
  '종류',
  '방식',
  '방법',
  '원리',
  '구조',
  '역할',
  '목적',
  '차이',
  '차이점',
  '비교',
  '개요',
  '소개',
  '기타',
  '사용법',
  'pros',
  'cons',
  'overview',
  'example',
  'examples',
  'definition',
  'features',
  'usage',
]);

function isNameLike(item: string): boolean {
  const bare = item.replace(/[(（][^)）]*[)）]/gu, '').trim();
  // `네트워크 기초: VPN, DNS`: a colon introduces the list of a plain heading, whose topic is no name.
  if (/[:：]/u.test(bare)) return false;
  const words = bare.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 4) return false;
  if (words.some((word) => genericWords.has(word.toLowerCase()))) return false;
  const last = words.at(-1) ?? '';
  // A particle or verb ending on the last word makes it a phrase: `데이터를 읽고`, `쓰는 방법을`.
  return !(/\p{Script=Hangul}/u.test(last) && last.length > 1 && /(?:[은는을를의에며고]|에서|으로|하는|하기|한다)$/u.test(last));
}

/**
 * One term with optional parenthesised other names: `컨테이너(Container)` → 컨테이너, Container.
 * When text follows the parentheses (`DNS(Domain Name System) 레코드`) the parenthesised words only
 * name part of the term, so the term is kept whole without them.
 */
export function namesOfTerm(term: string): string[] {
  const masked = maskParenthesised(term);
  const open = indexOfFirst(masked, 0, isOpener);
  if (open === undefined) return [cleanName(term)].filter(Boolean);
  const close = indexOfFirst(masked, open, isCloser);
  if (close === undefined) return [cleanName(term.replace(/[(（[]/g, ' '))].filter(Boolean);
  const before = cleanName(term.slice(0, open));
  const inside = term.slice(open + 1, close);
  const after = cleanName(term.slice(close + 1));
  if (after !== '') return [cleanName(`${before} ${after}`)].filter(Boolean);
  const innerNames = splitTopLevel(inside.trim().replace(innerLeadIn, ''), innerJoiner).flatMap(namesOfTerm);
  return [before, ...innerNames].filter(Boolean);
}

/** The first position from `from` on whose character is one `wanted` accepts, or undefined when none is. */
function indexOfFirst(text: string, from: number, wanted: (code: number) => boolean): number | undefined {
  for (let index = from; index < text.length; index++) if (wanted(text.charCodeAt(index))) return index;
  return undefined;
}

/** `1. 도커` / `2) 도커` / `1.2 도커` → `도커`: numbering is layout, not part of the name. */
function stripNumbering(text: string): string {
  return text.replace(/^(?:\d+(?:\.\d+)*[.)]?|[IVX]+\.)\s+(?=\S)/, '');
}

function cleanName(text: string): string {
  // Most names are clean already (collapsed, no quotes or punctuation at the ends): no four new strings for them.
  if (isCollapsed(text) && !quoteAtEnd.test(text) && !trailingPunctuation.test(text)) return text;
  return text.replace(/\s+/g, ' ').trim().replace(quotesAtEnds, '').replace(trailingPunctuation, '').trim();
}

const quotesAtEnds = /^["'`“‘「『]+|["'`”’」』]+$/g;
/** {@link quotesAtEnds} without the `g` flag, for a `test` that keeps no `lastIndex`. */
const quoteAtEnd = /^["'`“‘「『]|["'`”’」』]$/;
const trailingPunctuation = /[\s:：.,;!?]+$/u;

export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const name of names) {
    const key = nameKey(name);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    unique.push(name);
  }
  return unique;
}
