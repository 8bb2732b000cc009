/** `Computer Cluster` → `computer-cluster`; Hangul and other letters are kept (`가상 머신` → `가상-머신`). */
export function slugify(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** `network/VPN and DNS.md` → `network/vpn-and-dns`: each folder is slugged, `/` is kept. */
export function documentIdFromPath(file: string): string {
  return file
    .replace(/\\/g, '/')
    .replace(/\.md$/i, '')
    .split('/')
    .map(slugify)
    .filter((segment) => segment !== '')
    .join('/');
}

const hangulPattern = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** A name written in Latin letters (`Container`, `VPN`), the kind ids are made from. */
export function isLatinName(name: string): boolean {
  return /[A-Za-z]/.test(name) && !hangulPattern.test(name);
}

export function containsHangul(text: string): boolean {
  return /\p{Script=Hangul}/u.test(text);
}

/** Case, spacing and Unicode form do not make two names different. */
export function nameKey(name: string): string {
  switch (plainNameCase(name)) {
    case 'lower':
      return name;
    case 'upper':
      return name.toLowerCase();
    default:
      return name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  }
}

/**
 * For a name of printable ASCII and Hangul syllables with single spaces between words (nearly every name), the key
 * needs no Unicode tables: NFC leaves such text as it is and only A-Z change case. `lower` when it is its own key,
 * `upper` when lower-casing is all it needs, undefined for anything else. Every name is keyed many times over.
 */
function plainNameCase(name: string): 'lower' | 'upper' | undefined {
  let hasUpper = false;
  const last = name.length - 1;
  for (let index = 0; index <= last; index++) {
    const code = name.charCodeAt(index);
    if (code === 0x20) {
      if (index === 0 || index === last || name.charCodeAt(index - 1) === 0x20) return undefined;
    } else if (code >= 0x41 && code <= 0x5a) hasUpper = true;
    else if (!((code > 0x20 && code < 0x7f) || (code >= 0xac00 && code <= 0xd7a3))) return undefined;
  }
  return hasUpper ? 'upper' : 'lower';
}
