// Korean particles after a blank. A particle's form follows the final consonant (받침) of the word before it
// (`경계를`, `가상화가`), so a blank shown with the answer's particle gives away which options can fit, and a
// wrong option with another ending reads wrong (`경계을`). When every option takes the same form the sentence
// keeps it; otherwise the neutral form `을(를)` is written, as Korean exams do.
import { hasBatchim } from 'es-hangul';

/** How the particle after a word is chosen: by its 받침, and for `(으)로` a ㄹ 받침 counts as none. */
export type FinalSound = 'consonant' | 'vowel' | 'rieul' | 'unknown';

interface ParticlePair {
  afterConsonant: string;
  afterVowel: string;
  neutral: string;
  /** `물로`, not `물으로`: ㄹ takes the vowel form. */
  rieulTakesVowelForm?: boolean;
}

// Longer forms first: `이라는` must not be read as the subject particle `이` followed by `라는`.
const pairs: readonly ParticlePair[] = [
  { afterConsonant: '이라는', afterVowel: '라는', neutral: '(이)라는' },
  { afterConsonant: '이라고', afterVowel: '라고', neutral: '(이)라고' },
  { afterConsonant: '이라도', afterVowel: '라도', neutral: '(이)라도' },
  { afterConsonant: '이므로', afterVowel: '므로', neutral: '(이)므로' },
  { afterConsonant: '이지만', afterVowel: '지만', neutral: '(이)지만' },
  { afterConsonant: '이어서', afterVowel: '여서', neutral: '(이)어서' },
  { afterConsonant: '이에요', afterVowel: '예요', neutral: '(이)에요' },
  { afterConsonant: '이었', afterVowel: '였', neutral: '(이)었' },
  { afterConsonant: '이란', afterVowel: '란', neutral: '(이)란' },
  { afterConsonant: '이라', afterVowel: '라', neutral: '(이)라' },
  { afterConsonant: '이며', afterVowel: '며', neutral: '(이)며' },
  { afterConsonant: '이면', afterVowel: '면', neutral: '(이)면' },
  { afterConsonant: '이고', afterVowel: '고', neutral: '(이)고' },
  { afterConsonant: '이나', afterVowel: '나', neutral: '(이)나' },
  { afterConsonant: '이다', afterVowel: '다', neutral: '(이)다' },
  { afterConsonant: '으로', afterVowel: '로', neutral: '(으)로', rieulTakesVowelForm: true },
  { afterConsonant: '은', afterVowel: '는', neutral: '은(는)' },
  { afterConsonant: '을', afterVowel: '를', neutral: '을(를)' },
  { afterConsonant: '과', afterVowel: '와', neutral: '와(과)' },
  { afterConsonant: '이', afterVowel: '가', neutral: '이(가)' },
];

/** Particles that read the same after any word (`도커의`, `경계에서`, copula `인`). */
const invariantParticles = [
  '에서',
  '에게',
  '까지',
  '부터',
  '보다',
  '처럼',
  '마다',
  '조차',
  '마저',
  '밖에',
  '의',
  '에',
  '도',
  '만',
  '인',
  '일',
  '임',
  '들',
  '뿐',
];

/** What may follow a particle inside the same word: `으로는`, `과의`, `에서도`, `로써`. */
const tails = ['', '는', '도', '의', '만', '서', '써', '부터', '까지', '다', '요', '고'];

/** `하다`/`되다` right after the blank: the blanked word is the stem of a verb (`＿＿＿한다`), never a noun term. */
const verbEnding = /^(?:하|한|할|함|해|했|되|된|될|됨|돼|됐|시키|시킨|적|적인|적으로|스럽|롭)/u;

export type BlankEnding =
  | { kind: 'none' }
  | { kind: 'invariant' }
  /** `gap`: spaces between the blank and the particle (`＿＿＿ 는`), dropped when the particle is rewritten. */
  | { kind: 'pair'; pair: ParticlePair; particle: string; rest: string; gap: number }
  /** A verb ending or an unknown continuation: the blank sits inside a word or on a verb. */
  | { kind: 'inside-word'; verbal: boolean };

/** What follows the blank in `prompt` (the Hangul attached to it, up to the next space or punctuation). */
export function readBlankEnding(prompt: string, mask: string): BlankEnding {
  const at = prompt.indexOf(mask);
  if (at < 0) return { kind: 'none' };
  const after = prompt.slice(at + mask.length);
  const attached = /^[\p{Script=Hangul}]+/u.exec(after)?.[0] ?? '';
  if (attached === '') {
    // Notes often write `**UDP** 는`: a particle standing alone after a space still belongs to the blank.
    const spaced = /^ ([\p{Script=Hangul}]+)(?=[\s,.!?]|$)/u.exec(after)?.[1];
    const ending = spaced === undefined ? null : readParticle(spaced);
    // A lone `이`, `나`, `고` after a space is more often a word of its own (`이 방식`) than a particle.
    const unambiguous = ending?.kind === 'pair' && (ending.particle.length >= 2 || '은는을를과와가로'.includes(ending.particle));
    return ending?.kind === 'pair' && unambiguous ? { ...ending, gap: 1 } : { kind: 'none' };
  }
  return readParticle(attached) ?? { kind: 'inside-word', verbal: verbEnding.test(attached) };
}

function readParticle(attached: string): BlankEnding | null {
  for (const pair of pairs) {
    for (const particle of [pair.afterConsonant, pair.afterVowel]) {
      if (attached.startsWith(particle) && tails.includes(attached.slice(particle.length)))
        return { kind: 'pair', pair, particle, rest: attached.slice(particle.length), gap: 0 };
    }
  }
  if (invariantParticles.some((particle) => attached.startsWith(particle) && attached.length <= particle.length + 2)) return { kind: 'invariant' };
  return null;
}

/**
 * The sound a particle after `option` follows: the last Hangul syllable before any bracketed gloss
 * (`도커(Docker)` is read 도커). Latin letters and digits are read aloud in too many ways to tell.
 */
export function finalSoundOf(option: string): FinalSound {
  const spoken = option.replace(/\s*[(（][^)）]*[)）]\s*$/u, '').trim();
  const last = [...spoken].at(-1) ?? '';
  if (!/\p{Script=Hangul}/u.test(last)) return 'unknown';
  if (!hasBatchim(last)) return 'vowel';
  return last.normalize('NFD').endsWith('\u11af') ? 'rieul' : 'consonant';
}

function formFor(pair: ParticlePair, sound: FinalSound): string | null {
  if (sound === 'unknown') return null;
  if (sound === 'vowel') return pair.afterVowel;
  if (sound === 'rieul') return pair.rieulTakesVowelForm ? pair.afterVowel : pair.afterConsonant;
  return pair.afterConsonant;
}

export interface AgreedPrompt {
  prompt: string;
  /** The particle was rewritten to its neutral form because the options end differently. */
  neutralized: boolean;
}

/**
 * The prompt with the particle after the blank reading right for every option: the one form they all take,
 * or the neutral form. Null when the blank is followed by something that is not a particle (a verb ending,
 * the rest of a compound): no option set can make that a fair noun blank.
 */
export function agreeParticle(prompt: string, mask: string, options: readonly string[]): AgreedPrompt | null {
  const ending = readBlankEnding(prompt, mask);
  if (ending.kind === 'inside-word') return null;
  if (ending.kind !== 'pair') return { prompt, neutralized: false };
  const forms = new Set(options.map((option) => formFor(ending.pair, finalSoundOf(option))));
  const shared = forms.size === 1 ? [...forms][0] : null;
  const written = shared ?? ending.pair.neutral;
  const at = prompt.indexOf(mask) + mask.length;
  return {
    prompt: prompt.slice(0, at) + written + prompt.slice(at + ending.gap + ending.particle.length),
    neutralized: shared === null || shared === undefined,
  };
}

/** Every particle right after a mask in its neutral form: a masked concept name must not hint at its 받침. */
export function neutralizeAllParticles(prompt: string, mask: string): string {
  const parts = prompt.split(mask);
  return parts
    .map((part, index) => {
      if (index === 0) return part;
      const ending = readBlankEnding(mask + part, mask);
      return ending.kind === 'pair' ? ending.pair.neutral + part.slice(ending.gap + ending.particle.length) : part;
    })
    .join(mask);
}
