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
  return name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}
