// Other names a concept's body states. Not every parenthesis is an alias: `에뮬레이션(복제)` glosses
// a word, it does not rename the concept. The rule is at extractAliases.
import { maskParenthesised, namesOfTerm, splitTopLevel, uniqueNames } from './extract-names.js';
import { containsHangul, isLatinName, nameKey } from './slug.js';

/** Longer "aliases" are sentence fragments caught by a pattern, not names anyone types. */
export const maxAliasLength = 40;
const maxAliasWords = 6;

/**
 * The rule, applied to each statement (paragraph or list item, plain text):
 * 1. An explicit naming statement: `…(이)라고도 부른다/한다`, `…(으)로도 불린다/알려져`, `정식 명칭은 X`,
 *    `줄여서 X`, `약칭은 X`, `also called/known as X`, `aka X`. Every term it lists is an alias,
 *    with the names in its own parentheses: `가상화 엔진(VE, Virtualization Engine)` → three.
 * 2. A parenthesis right after a name or alias of THIS concept: `가상 머신(VM)` in the instance
 *    body → VM. A parenthesis after any other word (`에뮬레이션(복제)`, `도구(tool)`) is a gloss, and
 *    so is one that spells out a longer compound (`웹 애플리케이션 방화벽(WAF, Web Application Firewall)`).
 * 3. A short form the author pairs explicitly: in the body of `컴퓨터 클러스터(Computer Cluster)`,
 *    `클러스터(Cluster)` repeats the last word of both the Korean and the English name, so both short
 *    forms are aliases. The last word alone is never enough (`머신` does not name `가상 머신`).
 * 4. The Hangul word before a parenthesis that holds exactly one of the concept's Latin names is its Korean
 *    name: `뮤텍스(Mutex)` in the body of `Semaphore & Mutex` → 뮤텍스 (as many words as the Latin name has).
 */
export function extractAliases(statements: readonly string[], names: readonly string[]): string[] {
  const found: string[] = [];
  for (const statement of statements) found.push(...aliasesFromNamingStatements(statement));
  for (const statement of statements) found.push(...aliasesFromParentheses(statement, [...names, ...found], names));
  const nameKeys = new Set(names.map(nameKey));
  return uniqueNames(found).filter((alias) => !nameKeys.has(nameKey(alias)) && isPlausibleAlias(alias));
}

function isPlausibleAlias(alias: string): boolean {
  return alias.length <= maxAliasLength && alias.split(/\s+/).length <= maxAliasWords && /[\p{L}\p{N}]/u.test(alias);
}

/** `… (이)라고도 부른다` and friends: the list of terms before it. */
const alsoCalledKorean = /(이)?(?:라고도|라고\s*도)\s*(?:부르|불리|불린|부른|한다|하며|하고|합니다|칭)|(으)?로도\s*(?:불리|불린|알려|부르|부른|칭)/gu;

/**
 * Where the list before `라고도` starts: after the subject/object it renames or a clause break.
 * `^` comes last: at position 0 a lead-in word such as `흔히 ` must win over the empty match.
 */
const clauseStart = /(?:[.!?]\s+|[:;]\s*|(?:이는|이것은|이를|흔히|보통|또한|그래서|며,|고,)\s+|(?<=\p{Script=Hangul})[은는을를]\s+|^)/gu;

/** `정식 명칭은 X`, `줄여서 X`, `also called X`: the term after the lead-in. */
const leadIns =
  /(?:정식\s*명칭은|공식\s*명칭은|원래\s*이름은|영어로는|영문으로는|약칭은|약자로는?|줄여서|also\s+(?:called|known\s+as|referred\s+to\s+as)|a\.k\.a\.?|\baka)\s+/giu;
const leadInEnd = /이며|이다|입니다|이고|이라|라고|(?<=[\p{L}\p{N})])(?:을|를)\s|[.;!?]|\s+(?:which|that|and is|and was)\s/u;

function aliasesFromNamingStatements(statement: string): string[] {
  const masked = maskParenthesised(statement);
  // Collected with their position so the aliases come out in the order the author wrote them.
  const aliases: { at: number; terms: string[] }[] = [];
  for (const match of masked.matchAll(alsoCalledKorean)) {
    let end = match.index;
    // `Jail이라고도`: 이 is the copula after a consonant; after a vowel (`아이라고도`) it belongs to the word.
    const copula = match[1] ?? match[2];
    if (copula && !endsWithConsonant(statement.slice(0, end))) end += copula.length;
    const start = lastClauseStart(masked.slice(0, end));
    aliases.push({ at: start, terms: termsBeforeNamingVerb(statement.slice(start, end)) });
  }
  for (const match of masked.matchAll(leadIns)) {
    const start = match.index + match[0].length;
    const rest = masked.slice(start);
    const stop = rest.search(leadInEnd);
    // `줄여서 ACID를 만족해야 한다`: a term the sentence goes on to use as its object is not being named.
    if (stop >= 0 && /^(?:을|를)\s/u.test(rest.slice(stop))) continue;
    const unmatchedClose = findUnmatchedClose(rest);
    const ends = [stop, unmatchedClose, rest.length].filter((i) => i >= 0);
    aliases.push({ at: start, terms: termsOfList(statement.slice(start, start + Math.min(...ends))) });
  }
  return aliases.sort((a, b) => a.at - b.at).flatMap((found) => found.terms);
}

/** `(also called VM)`: the lead-in sits inside parentheses, whose closing one ends the term. */
function findUnmatchedClose(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    if ('(（'.includes(char)) depth++;
    else if (')）'.includes(char) && --depth < 0) return i;
  }
  return -1;
}

function lastClauseStart(maskedBefore: string): number {
  let start = 0;
  for (const match of maskedBefore.matchAll(clauseStart)) start = match.index + match[0].length;
  return start;
}

/**
 * The list right before `라고도 부른다`, read backwards from the verb: it ends at the first item that
 * is a phrase rather than a name (`…실행되는 흐름의 단위로, 경량 프로세스(LWP)라고도 부른다`).
 */
function termsBeforeNamingVerb(list: string): string[] {
  const items = splitTopLevel(list, listSeparator);
  const names: string[] = [];
  for (const item of items.reverse()) {
    if (!looksLikeName(item)) break;
    names.unshift(item);
  }
  return names.flatMap(namesOfTerm);
}

/** A Korean particle or connective ending on the last word marks a phrase, not a name. */
function looksLikeName(item: string): boolean {
  const head = item.slice(0, maskParenthesised(item).search(/[(（]|$/)).trim();
  const words = head.split(/\s+/);
  const last = words.at(-1) ?? '';
  if (/(?:[은는을를의에며]|에서|으로|로서|로써)$/u.test(last) && last.length > 1) return false;
  if (words.length > 1 && /[로고서]$/u.test(last)) return false;
  return words.length <= maxAliasWords;
}

const listSeparator = /\s*[,，]\s*|\s+(?:또는|혹은|or|and|및)\s+/giu;

function termsOfList(list: string): string[] {
  return splitTopLevel(list, listSeparator).flatMap(namesOfTerm);
}

function endsWithConsonant(text: string): boolean {
  const last = text.at(-1);
  if (last === undefined) return false;
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) return (code - 0xac00) % 28 !== 0;
  // A Latin word or number before 이라고도 is read with a final consonant (`Jail이라고도`).
  return /[A-Za-z0-9)]/.test(last);
}

/** Rules 2 and 3: parentheses right after one of this concept's own names. */
function aliasesFromParentheses(statement: string, known: readonly string[], names: readonly string[]): string[] {
  const masked = maskParenthesised(statement);
  const aliases: string[] = [];
  // Only the end of the text before a parenthesis can name a concept: looking no further keeps a
  // megabyte-long line linear; a closer missing once is missing for every later opener too.
  const lookBehind = 2 * Math.max(0, ...known.map((name) => name.length)) + 16;
  const unclosed = new Set<string>();
  for (const match of masked.matchAll(/[(（]/g)) {
    const closer = masked[match.index] === '(' ? ')' : '）';
    const close = unclosed.has(closer) ? -1 : masked.indexOf(closer, match.index);
    if (close < 0) {
      unclosed.add(closer);
      continue;
    }
    const before = statement.slice(Math.max(0, match.index - lookBehind), match.index).trimEnd();
    const inside = statement.slice(match.index + 1, close).trim();
    const terms = namesOfTerm(`x(${inside})`).slice(1);
    // `웹 애플리케이션 방화벽(WAF, Web Application Firewall)` in the firewall body: the parentheses
    // name the longer compound (a kind of firewall), not the concept.
    const namesCompound = terms.some((term) => known.some((name) => endsWithWord(term, name) && nameKey(term) !== nameKey(name)));
    if (namesCompound) continue;
    // Lower-cased once here: every name below is compared with the end of the same text.
    const lowerBefore = before.toLowerCase();
    if (known.some((name) => endsWithLowerWord(lowerBefore, name.toLowerCase()))) {
      aliases.push(...terms);
      continue;
    }
    const translated = translationBefore(before, terms, names);
    if (translated) {
      aliases.push(translated);
      continue;
    }
    aliases.push(...pairedShortForms(lowerBefore, terms, known));
  }
  return aliases;
}

function pairedShortForms(lowerBefore: string, terms: readonly string[], known: readonly string[]): string[] {
  const koreanNames = known.filter((name) => containsHangul(name) && name.includes(' '));
  const latinNames = known.filter((name) => isLatinName(name) && name.includes(' '));
  for (const korean of koreanNames) {
    const words = korean.split(' ');
    for (let count = 1; count < words.length; count++) {
      const shortKorean = words.slice(-count).join(' ');
      if (!endsWithLowerWord(lowerBefore, shortKorean.toLowerCase())) continue;
      for (const latin of latinNames) {
        const shortLatin = latin.split(' ').slice(-count).join(' ');
        const paired = terms.find((term) => nameKey(term) === nameKey(shortLatin));
        if (paired) return [shortKorean, paired];
      }
    }
  }
  return [];
}

/** `text` ends with `word` as a whole word: `… 가상 머신` ends with `가상 머신`, `슈퍼컴퓨터` does not end with `컴퓨터`. */
export function endsWithWord(text: string, word: string): boolean {
  return endsWithLowerWord(text.toLowerCase(), word.toLowerCase());
}

function endsWithLowerWord(lowerText: string, lowerWord: string): boolean {
  if (lowerWord === '' || !lowerText.endsWith(lowerWord)) return false;
  const before = lowerText.at(-lowerWord.length - 1);
  return before === undefined || !/[\p{L}\p{N}]/u.test(before);
}

/** Rule 4: `뮤텍스(Mutex)`, `가상 메모리(Virtual Memory)` where the Latin name is the concept's and the Korean is not yet. */
function translationBefore(before: string, terms: readonly string[], names: readonly string[]): string | undefined {
  if (terms.length !== 1 || /\s$/u.test(before)) return undefined;
  const term = terms[0] ?? '';
  const latin = names.find((name) => isLatinName(name) && nameKey(name) === nameKey(term));
  if (!latin) return undefined;
  const words = before.split(/\s+/).slice(-latin.split(/\s+/).length);
  // One syllable (`일(Mutex)`) is a word of the sentence, not a name.
  if (words.length === 0 || !words.every((word) => /^\p{Script=Hangul}+$/u.test(word)) || words.join('').length < 2) return undefined;
  return words.join(' ');
}
