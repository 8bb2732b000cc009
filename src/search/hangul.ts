// Hangul as the keyboard sees it: jamo sequences for mid-syllable prefixes and typo distance, initials for
// chosung queries. es-hangul defines the decomposition; it is tabulated once per syllable because index
// builds disassemble tens of thousands of names.
import { assemble, disassemble, getChoseong } from 'es-hangul';

const firstSyllable = 0xac00;
const syllableCount = 11_172;
let jamoBySyllable: string[] | undefined;
let initialBySyllable: string[] | undefined;

function syllableTables(): { jamo: string[]; initial: string[] } {
  if (!jamoBySyllable || !initialBySyllable) {
    jamoBySyllable = new Array<string>(syllableCount);
    initialBySyllable = new Array<string>(syllableCount);
    for (let i = 0; i < syllableCount; i++) {
      const syllable = String.fromCharCode(firstSyllable + i);
      jamoBySyllable[i] = disassemble(syllable);
      initialBySyllable[i] = getChoseong(syllable);
    }
  }
  return { jamo: jamoBySyllable, initial: initialBySyllable };
}

const compoundJamo = /[\u3131-\u318e]/;

/** `컨테이너` → `ㅋㅓㄴㅌㅔㅇㅣㄴㅓ`; Latin and digits unchanged. Compound vowels and finals split (`값` → `ㄱㅏㅂㅅ`). */
export function toJamo(normalized: string): string {
  // Typed jamo may be compound (ㅘ, ㄳ); es-hangul splits those.
  if (compoundJamo.test(normalized)) return disassemble(normalized);
  const { jamo } = syllableTables();
  let result = '';
  for (let i = 0; i < normalized.length; i++) {
    const offset = normalized.charCodeAt(i) - firstSyllable;
    result += offset >= 0 && offset < syllableCount ? jamo[offset]! : normalized[i]!;
  }
  return result;
}

/** `ㅋㅓㄴㅌ` → `컨ㅌ`: jamo put together the way the Korean keyboard shows them while typing. */
export function assembleJamo(jamo: string): string {
  if (!jamo) return '';
  try {
    return assemble([...jamo]);
  } catch {
    // es-hangul rejects some sequences no keyboard produces; left apart, they are still what was typed.
    return jamo;
  }
}

const trailingJamo = /[\u3131-\u318e]+$/;

/** The whole syllables of a query, without the jamo of one still being typed after them (`컨ㅌ` → `컨`, `ㅋㅌ` → ``). */
export function trimTrailingJamo(normalized: string): string {
  return normalized.replace(trailingJamo, '');
}

const anySyllable = /[\uac00-\ud7a3]/;

/** Initials of a key with Hangul syllables, other characters kept (`가상머신` → `ㄱㅅㅁㅅ`, `도구2` → `ㄷㄱ2`); `undefined` without Hangul. */
export function toChosung(normalized: string): string | undefined {
  if (!anySyllable.test(normalized)) return undefined;
  const { initial } = syllableTables();
  let result = '';
  for (let i = 0; i < normalized.length; i++) {
    const offset = normalized.charCodeAt(i) - firstSyllable;
    result += offset >= 0 && offset < syllableCount ? initial[offset]! : normalized[i]!;
  }
  return result;
}

const consonantsOnly = /^[ㄱ-ㅎ]+$/;

/** A query like `ㅋㅌㅇㄴ`: only initial consonants, as typed with the Korean keyboard. */
export function isChosungQuery(normalized: string): boolean {
  return consonantsOnly.test(normalized);
}
