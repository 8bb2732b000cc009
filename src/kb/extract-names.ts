// Names out of a heading: `가상 사설망(VPN, Virtual Private Network)` → 가상 사설망, VPN, Virtual Private Network.
import { nameKey } from './slug.js';

const openers = '(（[';
const closers = ')）]';

/**
 * The text with everything inside parentheses replaced by NUL (same length), so that separators
 * are only found at the top level: the comma in `가상 사설망(VPN, Virtual Private Network)` is not one.
 */
export function maskParenthesised(text: string): string {
  let depth = 0;
  let masked = '';
  for (const char of text) {
    if (openers.includes(char)) {
      depth++;
      masked += depth === 1 ? char : '\u0000'.repeat(char.length);
    } else if (closers.includes(char) && depth > 0) {
      depth--;
      masked += depth === 0 ? char : '\u0000'.repeat(char.length);
    } else {
      masked += depth > 0 ? '\u0000'.repeat(char.length) : char;
    }
  }
  return masked;
}

/** Split `text` where `separator` matches outside parentheses. */
export function splitTopLevel(text: string, separator: RegExp): string[] {
  const masked = maskParenthesised(text);
  const flags = separator.flags.includes('g') ? separator.flags : separator.flags + 'g';
  const parts: string[] = [];
  let last = 0;
  for (const match of masked.matchAll(new RegExp(separator.source, flags))) {
    if (match[0].length === 0) continue;
    parts.push(text.slice(last, match.index));
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/**
 * Joiners between names in a heading. `/` and `&` only with spaces around them, or `/` between Hangul
 * words: `TCP/IP`, `CI/CD`, `R&D` and `입/출력` are one name, `프로세스/스레드` and `Merge / Rebase` are two.
 */
const headingJoiner = /\s+(?:및|and|또는|or|&|\/)\s+|\s*,\s*|(?<=[\p{Script=Hangul}][\p{Script=Hangul}])\/(?=[\p{Script=Hangul}]{2})/giu;

/** Separators inside one pair of parentheses: `(VE, Virtualization Engine)`, `(Instance / VM)`. */
const innerJoiner = /\s*[,;，]\s*|\s+\/\s+|\s+(?:또는|혹은|or)\s+/giu;

/** Words that introduce the parenthesised term without being part of it: `가상 머신(또는 인스턴스)`. */
const innerLeadIn = /^(?:또는|혹은|즉|or|aka|a\.k\.a\.|i\.e\.,?|also\s+(?:called|known\s+as|referred\s+to\s+as))\s+/iu;

/** Names of a heading, in order, without duplicates (case-insensitive). */
export function extractNames(heading: string): string[] {
  const text = stripNumbering(heading.normalize('NFC').replace(/\s+/g, ' ').trim());
  return uniqueNames(splitTopLevel(text, headingJoiner).flatMap(namesOfTerm));
}

/**
 * One term with optional parenthesised other names: `컨테이너(Container)` → 컨테이너, Container.
 * When text follows the parentheses (`DNS(Domain Name System) 레코드`) the parenthesised words only
 * name part of the term, so the term is kept whole without them.
 */
export function namesOfTerm(term: string): string[] {
  const masked = maskParenthesised(term);
  const open = [...openers].map((o) => masked.indexOf(o)).filter((i) => i >= 0).sort((a, b) => a - b)[0];
  if (open === undefined) return [cleanName(term)].filter(Boolean);
  const close = [...closers].map((c) => masked.indexOf(c, open)).filter((i) => i >= 0).sort((a, b) => a - b)[0];
  if (close === undefined) return [cleanName(term.replace(/[(（[]/g, ' '))].filter(Boolean);
  const before = cleanName(term.slice(0, open));
  const inside = term.slice(open + 1, close);
  const after = cleanName(term.slice(close + 1));
  if (after !== '') return [cleanName(`${before} ${after}`)].filter(Boolean);
  const innerNames = splitTopLevel(inside.trim().replace(innerLeadIn, ''), innerJoiner).flatMap(namesOfTerm);
  return [before, ...innerNames].filter(Boolean);
}

/** `1. 도커` / `2) 도커` / `1.2 도커` → `도커`: numbering is layout, not part of the name. */
function stripNumbering(text: string): string {
  return text.replace(/^(?:\d+(?:\.\d+)*[.)]?|[IVX]+\.)\s+(?=\S)/, '');
}

function cleanName(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["'`“‘「『]+|["'`”’」』]+$/g, '')
    .replace(/[\s:：.,;!?]+$/u, '')
    .trim();
}

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
