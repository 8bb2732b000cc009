import type { Language } from './locale.js';

/**
 * What `/explain`, `/concepts` and the error boundary say, per language. Arguments that came from a
 * user (`query`, `note`) arrive already quoted for Discord (see `quoteUserInput`), so these strings
 * never decide how user text is escaped.
 */
export interface Messages {
  explain: {
    notFound(quotedQuery: string, conceptCount: number): string;
    guess(quotedQuery: string): string;
    otherNamesField: string;
    sourceField: string;
    referencesField: string;
    /** Where a concept's heading is in the notes, e.g. `` `docker-kubernetes.md`, line 23 ``. */
    location(file: string, line: number): string;
    /** Appended when a body did not fit into Discord's limits: where to read the rest (`location`). */
    trimmed(location: string): string;
    conceptGone: string;
  };
  concepts: {
    title(conceptCount: number): string;
    continued: string;
    page(page: number, pageCount: number): string;
    previous: string;
    next: string;
    empty: string;
    unknownNote(quotedNote: string): string;
  };
  errors: {
    generic: string;
    unknownAction: string;
    /** Options that do not fit the command (a crafted or broken request): nothing was done. */
    invalidInput: string;
  };
}

const english: Messages = {
  explain: {
    notFound: (query, count) =>
      `I couldn't find ${query} in the notes. Check the spelling, or browse all ${count} concepts with \`/concepts\`. Korean, English and initials like \`ㅋㅌㅇㄴ\` all work.`,
    guess: (query) => `Not sure which one you mean by ${query} — did you mean:`,
    otherNamesField: 'Also called',
    sourceField: 'Source',
    referencesField: 'References',
    location: (file, line) => `\`${file}\`, line ${line}`,
    trimmed: (location) => `(trimmed — the full text is in ${location})`,
    conceptGone: 'That concept is no longer in the notes. Browse the current ones with `/concepts`.',
  },
  concepts: {
    title: (count) => `Concepts in the notes (${count})`,
    continued: '(continued)',
    page: (page, count) => `Page ${page}/${count}`,
    previous: '◀ Previous',
    next: 'Next ▶',
    empty: 'No notes are loaded yet: add markdown files to the docs folder (`DOCS_DIR`) and restart the bot.',
    unknownNote: (note) => `There is no note ${note}. Leave \`note\` empty to list every note.`,
  },
  errors: {
    generic: 'Sorry, something went wrong on my side. Please try again in a moment.',
    unknownAction: 'This button or command is no longer available. Try the command again.',
    invalidInput: 'That input isn\'t valid, so nothing was changed. Run the command again and pick the options from the list Discord shows.',
  },
};

const korean: Messages = {
  explain: {
    notFound: (query, count) =>
      `노트에서 ${query}에 해당하는 개념을 찾지 못했어요. 철자를 확인하거나 \`/개념목록\`으로 전체 개념 ${count}개를 둘러보세요. 한글, 영어, \`ㅋㅌㅇㄴ\` 같은 초성으로도 찾을 수 있어요.`,
    // `…만으로는` reads right after any word, so no 이/가 guess is needed for what the user typed.
    guess: (query) => `${query}만으로는 어떤 개념인지 확실하지 않아요. 혹시 이 중 하나인가요?`,
    otherNamesField: '다른 이름',
    sourceField: '출처',
    referencesField: '참고 자료',
    location: (file, line) => `\`${file}\` ${line}번째 줄`,
    trimmed: (location) => `(일부 생략 — 전체 내용은 ${location}에 있어요)`,
    conceptGone: '그 개념은 이제 노트에 없어요. `/개념목록`으로 지금 있는 개념을 둘러보세요.',
  },
  concepts: {
    title: (count) => `노트의 개념 (${count}개)`,
    continued: '(이어서)',
    page: (page, count) => `${page}/${count} 페이지`,
    previous: '◀ 이전',
    next: '다음 ▶',
    empty: '아직 불러온 노트가 없어요. 문서 폴더(`DOCS_DIR`)에 마크다운 파일을 추가하고 봇을 다시 시작하세요.',
    unknownNote: (note) => `${note} 노트가 없어요. \`노트\` 옵션을 비워 두면 모든 노트를 볼 수 있어요.`,
  },
  errors: {
    generic: '죄송해요, 처리 중에 문제가 생겼어요. 잠시 후 다시 시도해 주세요.',
    unknownAction: '더 이상 사용할 수 없는 버튼이나 명령어예요. 명령어를 다시 실행해 주세요.',
    invalidInput: '올바르지 않은 입력이라 아무것도 바꾸지 않았어요. 명령어를 다시 실행하고 Discord가 보여 주는 목록에서 옵션을 골라 주세요.',
  },
};

const messagesByLanguage: Record<Language, Messages> = { en: english, ko: korean };

export function messagesFor(language: Language): Messages {
  return messagesByLanguage[language];
}
