// The one text form every search key and query is compared in.

// NFKC folds full-width Latin and digits, but it also turns compatibility jamo (ㄱ, U+3131: what a
// Korean keyboard types) into conjoining jamo (ᄀ, U+1100) that would then glue onto neighbouring vowels.
// So Hangul is only NFC-composed and everything else gets NFKC.
const hangulRun = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]+/g;
const notHangulRun = /[^\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]+/g;

const choseongToCompatibility = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const jungseongToCompatibility = 'ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ';
const jongseongToCompatibility = 'ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ';

/** Conjoining jamo left over from decomposed input (macOS file names, some IMEs) become the keyboard's jamo. */
function toCompatibilityJamo(char: string): string {
  const code = char.codePointAt(0)!;
  if (code >= 0x1100 && code <= 0x1112) return choseongToCompatibility[code - 0x1100]!;
  if (code >= 0x1161 && code <= 0x1175) return jungseongToCompatibility[code - 0x1161]!;
  if (code >= 0x11a8 && code <= 0x11c2) return jongseongToCompatibility[code - 0x11a8]!;
  return char;
}

// Most text is ASCII, composed syllables and keyboard jamo, which NFKC would not change (or must not):
// skipping the per-run work keeps index builds fast.
// eslint-disable-next-line no-control-regex -- the ASCII range starts at U+0000 on purpose: every ASCII character passes.
const needsCompatibilityFolding = /[^\u0000-\u007f\u3131-\u318e\uac00-\ud7a3]/;

/** Unicode-folded and lower-cased, spacing kept: the form that is split into words. */
export function foldText(text: string): string {
  const composed = text.normalize('NFC');
  if (!needsCompatibilityFolding.test(composed)) return composed.toLowerCase();
  return composed
    .replace(notHangulRun, (run) => run.normalize('NFKC'))
    .replace(hangulRun, (run) => run.replace(/[\u1100-\u11ff]/g, toCompatibilityJamo))
    .toLowerCase();
}

const nonWordCharacters = /[^\p{L}\p{N}]+/gu;

/** Case, spaces, hyphens and punctuation do not matter: `가상 머신` = `가상머신`, `Operating-System` = `operatingsystem`. */
export function normalizeText(text: string): string {
  if (!needsCompatibilityFolding.test(text)) return splitPlainWords(text.toLowerCase()).join('');
  return foldText(text).replace(nonWordCharacters, '');
}

// Korean attaches particles straight to English terms (`WireGuard가`, `Docker를`): a change of script ends a word.
const scriptChange = /(?<=[a-z0-9])(?=[\u3131-\u318e\uac00-\ud7a3])|(?<=[\u3131-\u318e\uac00-\ud7a3])(?=[a-z0-9])/g;

/** Words of a text in normalized form: split on anything that is not a letter or digit, and where Latin meets Hangul. */
export function splitWords(text: string): string[] {
  if (!needsCompatibilityFolding.test(text)) return splitPlainWords(text.toLowerCase());
  return foldText(text)
    .replace(scriptChange, ' ')
    .split(nonWordCharacters)
    .filter((word) => word.length > 0);
}

const otherCharacter = 0;
const latinOrDigit = 1;
const hangul = 2;

/**
 * `splitWords` for lower-cased text of ASCII, keyboard jamo and syllables only (nearly every note), in one pass
 * without regular expressions: NFC and NFKC leave such text as it is, its letters and digits are `a-z0-9` and
 * Hangul, and a word is a run of one of the two. Every concept body goes through here when the search index is built.
 */
function splitPlainWords(text: string): string[] {
  const words: string[] = [];
  let start = 0;
  let runClass = otherCharacter;
  for (let index = 0; index <= text.length; index++) {
    const code = index < text.length ? text.charCodeAt(index) : -1;
    const charClass =
      (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)
        ? latinOrDigit
        : (code >= 0x3131 && code <= 0x318e) || (code >= 0xac00 && code <= 0xd7a3)
          ? hangul
          : otherCharacter;
    if (charClass === runClass) continue;
    if (runClass !== otherCharacter) words.push(text.slice(start, index));
    start = index;
    runClass = charClass;
  }
  return words;
}

const hangulAny = /[\u3131-\u318e\uac00-\ud7a3]/;
const latinLetter = /[a-z]/i;

export function containsHangul(text: string): boolean {
  return hangulAny.test(text);
}

export function containsLatin(text: string): boolean {
  return latinLetter.test(text);
}
