import { describe, expect, it } from 'vitest';
import { buildConceptListView, conceptsPerPage } from '../../src/discord/concept-list-view.js';
import type { MessageView } from '../../src/discord/message-view.js';
import { buildKnowledgeBase } from '../../src/kb/load-knowledge-base.js';

function noteOf(file: string, title: string, names: string[]) {
  const sections = names.map((name, index) => `## ${name}\n\n- ${name}의 설명 ${index}번째 문장이다.`);
  return { file, markdown: [`# ${title}`, '', ...sections].join('\n') };
}

const alphaNames = Array.from({ length: 27 }, (_, index) => `알파 개념 ${index}호(Alpha Concept ${index})`);
const betaNames = Array.from({ length: 8 }, (_, index) => `베타 개념 ${index}호(Beta Concept ${index})`);
const kb = buildKnowledgeBase('fixtures', [noteOf('alpha.md', '알파 노트', alphaNames), noteOf('beta.md', '베타 노트', betaNames)]);

function buttonsOf(view: MessageView) {
  return view.components.flatMap((row) => row.components as { custom_id: string; label: string; disabled?: boolean }[]);
}

describe('buildConceptListView', () => {
  it('shows the first page grouped by note with a button per concept and paging buttons', () => {
    const view = buildConceptListView(kb, { noteId: null, page: 0 }, 'en');

    const embed = view.embeds[0]!;
    expect(embed.title).toBe('Concepts in the notes (35)');
    expect(embed.description?.split('\n')[0]).toBe('**알파 노트** · `alpha.md`');
    expect(embed.footer?.text).toBe('Page 1/2');
    expect(view.components).toHaveLength(5);
    const buttons = buttonsOf(view);
    expect(buttons.filter((button) => button.custom_id.startsWith('explain:'))).toHaveLength(conceptsPerPage);
    expect(buttons.slice(-2)).toMatchObject([
      { custom_id: 'concepts:*:0', disabled: true },
      { custom_id: 'concepts:*:1', disabled: false },
    ]);
    expect(view.allowedMentions).toEqual({ parse: [] });
  });

  it('marks a note that continues from the previous page and starts the next note under its own heading', () => {
    const view = buildConceptListView(kb, { noteId: null, page: 1 }, 'ko');

    const lines = view.embeds[0]!.description!.split('\n');
    expect(lines[0]).toBe('**알파 노트** · `alpha.md` (이어서)');
    expect(lines).toContain('**베타 노트** · `beta.md`');
    expect(view.embeds[0]?.footer?.text).toBe('2/2 페이지');
    expect(buttonsOf(view).slice(-2)).toMatchObject([
      { custom_id: 'concepts:*:0', disabled: false, label: '◀ 이전' },
      { custom_id: 'concepts:*:1', disabled: true, label: '다음 ▶' },
    ]);
  });

  it('lists one note without paging buttons when it fits on one page', () => {
    const view = buildConceptListView(kb, { noteId: 'beta', page: 0 }, 'en');

    expect(view.embeds[0]?.title).toBe('Concepts in the notes (8)');
    expect(view.embeds[0]?.description).not.toContain('알파');
    expect(view.embeds[0]?.footer).toBeUndefined();
    expect(buttonsOf(view).every((button) => button.custom_id.startsWith('explain:beta/'))).toBe(true);
  });

  it('shows the last page for a page number beyond the end (a list that shrank since the buttons were sent)', () => {
    const view = buildConceptListView(kb, { noteId: null, page: 9 }, 'en');

    expect(view.embeds[0]?.footer?.text).toBe('Page 2/2');
  });

  it('explains how to add notes when none are loaded', () => {
    const empty = buildKnowledgeBase('nowhere', []);

    const view = buildConceptListView(empty, { noteId: null, page: 0 }, 'en');

    expect(view.embeds[0]?.description).toContain('DOCS_DIR');
    expect(view.components).toEqual([]);
  });
});
