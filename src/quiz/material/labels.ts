// How a concept reads as an option and which names of it a prompt must not show: labels, names, name keys.
import type { Concept } from '../../kb/types.js';
import { formatConceptLabel } from '../../search/format-concept-name.js';
import { commandWords } from '../key-terms.js';
import { escapeRegExp, textKey, type FoldedText } from '../mask-names.js';

const maxLabelLength = 80;

/**
 * A concept as an option: every term of a joined heading (`Process / Thread`, `스택 / 큐`), since a prompt about
 * threads must not have an answer that reads only "Process"; a Korean name keeps its English translation
 * (`컨테이너 (Container)`), an acronym its expansion only when it is all there is.
 */
export function formatQuizLabel(concept: Pick<Concept, 'names' | 'title'>): string {
  const groups: { head: string; translation?: string }[] = [];
  // A translation is what the heading puts in brackets after the name (`해시 테이블(Hash Table)`); a Latin term that
  // merely follows a Korean one (`HTTP 요청 방식 - GET, POST`) is a term of its own.
  const compactTitle = concept.title.replace(/\s+/gu, '');
  const bracketedAfter = (head: string, name: string): boolean => compactTitle.includes(`${head}(${name}`.replace(/\s+/gu, ''));
  for (const name of concept.names) {
    const last = groups.at(-1);
    const latinOnly = !/\p{Script=Hangul}/u.test(name);
    const translates =
      last !== undefined && (/\p{Script=Hangul}/u.test(last.head) || isAcronymOf(last.head, name)) && bracketedAfter(last.head, name);
    if (last && last.translation === undefined && latinOnly && translates) last.translation = name;
    else groups.push({ head: name });
  }
  if (groups.length <= 1) return formatConceptLabel(concept);
  const label = groups
    .map((group) => (group.translation && /\p{Script=Hangul}/u.test(group.head) ? `${group.head} (${group.translation})` : group.head))
    .join(' / ');
  return label.length <= maxLabelLength ? label : formatConceptLabel(concept);
}

/** `DNS` and `Domain Name System`. */
function isAcronymOf(short: string, long: string): boolean {
  const initials = long
    .split(/[\s-]+/u)
    .map((word) => word[0] ?? '')
    .join('');
  return short.length >= 2 && initials.toLowerCase() === short.toLowerCase();
}

const nameJoinerSource = String.raw`\/|&|\+|,|\bvs\.?(?=\s)|\band\b|\s(?:와|과|및)\s`;
const nameJoiner = new RegExp(nameJoinerSource, 'iu');
const nameSeparator = new RegExp(String.raw`\s*(?:${nameJoinerSource})\s*`, 'iu');

/** Joined names hide each term too: `TCP/IP` hides TCP and IP, `Semaphore & Mutex` each of the two. */
export function splitJoinedName(name: string): string[] {
  // Most names join nothing: one test without the surrounding spaces (which the engine tries at every space) says so.
  if (!nameJoiner.test(name)) return [];
  const parts = name.split(nameSeparator).map((part) => part.trim());
  return parts.length > 1 ? parts.filter((part) => textKey(part).length >= 2) : [];
}

/** A name of exactly two words, each captured (matched rather than split: most names are not two words). */
const twoWords = /^\s*(\S+)\s+(\S+)\s*$/u;

export function namesOf(concept: Concept, label: string): string[] {
  const whole = [...concept.names, ...concept.aliases, label, concept.title];
  // `git rebase` is called `rebase` in its own text: a command's name hides without the command too.
  const commands: string[] = [];
  for (const name of whole) {
    const words = twoWords.exec(name);
    if (words && commandWords.test(words[1]!)) commands.push(words[2]!);
  }
  return [...new Set([...whole, ...whole.flatMap(splitJoinedName), ...commands])].filter((name) => textKey(name) !== '');
}

/** Keys of names, ready for `shows`. */
export interface NameKeys {
  keys: string[];
}

export function keysOf(names: readonly string[]): string[] {
  return [...new Set(names.map(textKey).filter((key) => key.length > 0))];
}

/**
 * Whether `key` is one of `own`, or the same name with a short word more: `rebase` and `git rebase` name one
 * thing, `HTTP` and `HTTP 요청 방식` two.
 */
export function isOwnKey(key: string, own: ReadonlySet<string>): boolean {
  if (own.has(key)) return true;
  if (key.length < 3) return false;
  for (const ownKey of own) {
    if (ownKey.length < 3 || Math.abs(ownKey.length - key.length) > 3) continue;
    if (ownKey.includes(key) || key.includes(ownKey)) return true;
  }
  return false;
}

function isShortLatin(key: string): boolean {
  return key.length <= 2 && /^[a-z0-9]+$/u.test(key);
}

/** Whether any of `keys` shows in the prompt, as `findLeakedName` judges it (short Latin keys only as words). */
export function showsAny(prompt: FoldedText, keys: readonly string[]): boolean {
  return keys.some((key) => (isShortLatin(key) ? wordPattern(key).test(prompt.folded) : prompt.key.includes(key)));
}

/**
 * `showsAny` for one prompt and many sets of keys (every neighbour's names, for each sentence of a concept). A key
 * of two or more characters can only be inside the prompt's key when its first two characters are, so the pairs
 * of the prompt are marked once in a small bit set and most keys are turned away by one bit instead of a
 * substring search. Pairs share bits (a key let through by another pair's bit is still searched for), but a clear
 * bit is always right; bits rather than a set of pair numbers, which were a hash lookup of a boxed number per key.
 */
export function createShowsAny(prompt: FoldedText): (keys: readonly string[]) => boolean {
  const pairBits = new Uint32Array(pairBitCount / 32);
  for (let index = 0; index + 1 < prompt.key.length; index++) {
    const bit = pairBitAt(prompt.key, index);
    pairBits[bit >>> 5]! |= 1 << (bit & 31);
  }
  return (keys) => {
    for (const key of keys) {
      if (isShortLatin(key)) {
        if (wordPattern(key).test(prompt.folded)) return true;
      } else if (key.length < 2 || hasPairBit(pairBits, pairBitAt(key, 0))) {
        if (prompt.key.includes(key)) return true;
      }
    }
    return false;
  };
}

const pairBitCount = 4096;

/** The bit of the two characters at `index`: a cheap hash of both into `pairBitCount` bits. */
function pairBitAt(text: string, index: number): number {
  return ((text.charCodeAt(index) * 31) ^ text.charCodeAt(index + 1)) & (pairBitCount - 1);
}

function hasPairBit(pairBits: Uint32Array, bit: number): boolean {
  return (pairBits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
}

const wordPatterns = new Map<string, RegExp>();
function wordPattern(key: string): RegExp {
  let pattern = wordPatterns.get(key);
  if (!pattern) wordPatterns.set(key, (pattern = new RegExp(`(?<![a-z0-9])${escapeRegExp(key)}(?![a-z0-9])`, 'u')));
  return pattern;
}
