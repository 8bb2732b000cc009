import { readFileSync } from 'node:fs';
import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { buildConceptView, buildGuessView, buildNotFoundView } from '../../src/discord/concept-view.js';
import { discordLimits } from '../../src/discord/discord-limits.js';
import type { MessageView } from '../../src/discord/message-view.js';
import { buildKnowledgeBase } from '../../src/kb/load-knowledge-base.js';
import type { KnowledgeBase } from '../../src/kb/types.js';
import { expectWithinDiscordLimits } from './message-view-checks.js';

const realNote = readFileSync(new URL('../fixtures/team-note/docker-kubernetes.md', import.meta.url), 'utf8');
const realKb = buildKnowledgeBase('test/fixtures/team-note', [{ file: 'docker-kubernetes.md', markdown: realNote }]);

function conceptOf(kb: KnowledgeBase, id: string) {
  const concept = kb.getConcept(id);
  if (!concept) throw new Error(`fixture lacks ${id}: ${kb.concepts.map((c) => c.id).join(', ')}`);
  return concept;
}

function textOf(embeds: APIEmbed[]): string {
  return embeds
    .map((embed) => [embed.title, embed.description, ...(embed.fields ?? []).flatMap((field) => [field.name, field.value])].join('\n'))
    .join('\n');
}

function customIdsOf(view: MessageView): string[] {
  return view.components.flatMap((row) => row.components.map((button) => (button as { custom_id: string }).custom_id));
}

describe('buildConceptView on the team note', () => {
  it('shows 컨테이너 with its other names, source note, references and related concepts as buttons', () => {
    const view = buildConceptView(conceptOf(realKb, 'docker-kubernetes/container'), realKb, 'en');

    const [embed] = view.embeds;
    expect(embed?.title).toBe('컨테이너 (Container)');
    expect(embed?.description).toContain('**커널**');
    expect(embed?.description).toMatch(/^• 정식 명칭은/);
    expect(embed?.fields?.map((field) => field.name)).toEqual(['Also called', 'Source', 'References']);
    expect(embed?.fields?.[0]?.value).toContain('운영 체제 수준 가상화');
    expect(embed?.fields?.[0]?.value).toContain('Jail');
    expect(embed?.fields?.[1]?.value).toBe('도커(Docker)와 쿠버네티스(Kubernates) 개념 이해하기 · `docker-kubernetes.md`, line 23');
    expect(embed?.fields?.[2]?.value).toContain('[Docker](https://www.docker.com/why-docker)');
    expect(embed?.footer?.text).toBe('docker-kubernetes/container');
    expect(customIdsOf(view)).toContain('explain:docker-kubernetes/kernel');
    expectWithinDiscordLimits(view);
  });

  it('uses Korean field names for a Korean reader', () => {
    const view = buildConceptView(conceptOf(realKb, 'docker-kubernetes/container'), realKb, 'ko');

    expect(view.embeds[0]?.fields?.map((field) => field.name)).toEqual(['다른 이름', '출처', '참고 자료']);
    expect(view.embeds[0]?.fields?.[1]?.value).toBe('도커(Docker)와 쿠버네티스(Kubernates) 개념 이해하기 · `docker-kubernetes.md` 23번째 줄');
  });

  it('shows the section image as the embed image instead of a link in the text', () => {
    const kernel = conceptOf(realKb, 'docker-kubernetes/kernel');

    const view = buildConceptView(kernel, realKb, 'en');

    expect(view.embeds.at(-1)?.image?.url).toBe(kernel.image?.url);
    expect(textOf(view.embeds)).not.toContain('.png');
  });
});

function noteWith(sections: string[]): KnowledgeBase {
  return buildKnowledgeBase('fixtures', [{ file: 'long/long-note.md', markdown: ['# 긴 노트 (Long Note)', '', ...sections].join('\n') }]);
}

function paragraphs(count: number, word: string): string {
  return Array.from({ length: count }, (_, index) => `- ${word} ${index}: ${'컨테이너 가상화 커널 '.repeat(12)}`).join('\n');
}

describe('buildConceptView on long notes', () => {
  it('splits a body longer than one description over two embeds when the message total allows', () => {
    const kb = noteWith(['## 중간 개념(Medium Concept)', '', paragraphs(35, 'part')]);
    const concept = kb.concepts[0]!;

    const view = buildConceptView(concept, kb, 'en');

    expect(view.embeds.length).toBe(2);
    expect(view.embeds[0]?.title).toBe('중간 개념 (Medium Concept)');
    expect(view.embeds[1]?.title).toBeUndefined();
    expect(textOf(view.embeds)).toContain('part 34:');
    expect(textOf(view.embeds)).not.toContain('trimmed');
    expectWithinDiscordLimits(view);
  });

  it('trims a body beyond the 6000 total and says where the full text is', () => {
    const kb = noteWith(['## 아주 긴 개념(Very Long Concept)', '', paragraphs(400, 'item'), '', '```', 'code', '```']);
    const concept = kb.concepts[0]!;

    const view = buildConceptView(concept, kb, 'en');

    const lastDescription = view.embeds
      .map((embed) => embed.description ?? '')
      .filter(Boolean)
      .at(-1);
    // A member cannot run the CLI; the note and line are where anyone can read on.
    expect(lastDescription).toMatch(/\(trimmed — the full text is in `long\/long-note\.md`, line 3\)$/);
    expect(textOf(view.embeds)).toContain('item 0:');
    expect(textOf(view.embeds)).not.toContain('item 399:');
    expectWithinDiscordLimits(view);
  });

  it('stays within every limit with a 300-character heading, a long note title, many aliases, references and related concepts', () => {
    const longName = '가'.repeat(150) + '(' + 'L'.repeat(150) + ')';
    const related = Array.from({ length: 30 }, (_, index) => `## 관련 개념 ${index}번(Related ${index})\n\n- 설명 ${index}`);
    const unreachable = `## 너무 긴 개념(${'Very Long English Name '.repeat(5)})\n\n- 설명`;
    const mentions = ['너무 긴 개념', ...Array.from({ length: 30 }, (_, index) => `관련 개념 ${index}번`)].join(', ');
    const aliases = Array.from({ length: 120 }, (_, index) => `alias-${index}-${'y'.repeat(10)}`);
    const references = Array.from({ length: 60 }, (_, index) => `- Reference ${index}(https://example.com/${'r'.repeat(40)}/${index})`);
    const markdown = [
      '---',
      'aliases:',
      `  ${'가'.repeat(150)}:`,
      ...aliases.map((alias) => `    - ${alias}`),
      '---',
      `# ${'Huge Title '.repeat(150)}`,
      '',
      `## ${longName}`,
      '',
      `- ${mentions}`,
      paragraphs(300, 'p'),
      '',
      unreachable,
      '',
      ...related,
      '',
      '## References',
      '',
      ...references,
    ].join('\n');
    const kb = buildKnowledgeBase('fixtures', [{ file: 'huge.md', markdown }]);
    const concept = kb.concepts.find((candidate) => candidate.names[0]?.startsWith('가가'))!;
    expect(concept.aliases.length).toBeGreaterThan(100);
    expect(concept.relatedIds.length).toBeGreaterThan(25);
    expect(`explain:${concept.relatedIds[0]}`.length).toBeGreaterThan(discordLimits.customId);

    const view = buildConceptView(concept, kb, 'ko');

    expect(view.embeds[0]?.title?.length).toBeGreaterThan(50);
    expect(view.embeds.at(-1)?.fields?.find((field) => field.name === '출처')?.value).toMatch(/^Huge Title .*… · `huge\.md` 127번째 줄$/);
    expect(view.embeds.at(-1)?.fields?.[0]?.value.endsWith('…')).toBe(true);
    expect(customIdsOf(view).length).toBe(10);
    expect(customIdsOf(view).every((id) => !id.includes('very-long'))).toBe(true);
    expectWithinDiscordLimits(view);
  });
});

describe('guess and not-found views', () => {
  it('offers at most five concepts as buttons when the match is only a guess', () => {
    const candidates = realKb.concepts.slice(0, 6);

    const view = buildGuessView(candidates, 'kontainr', 'en');

    expect(view.content).toBe('Not sure which one you mean by `kontainr` — did you mean:');
    expect(customIdsOf(view)).toEqual(candidates.slice(0, 5).map((concept) => `explain:${concept.id}`));
    expectWithinDiscordLimits(view);
  });

  it('with no notes loaded, says the notes folder is empty instead of offering to browse 0 concepts', () => {
    const view = buildNotFoundView('container', 0, 'en');

    expect(view.content).toContain('DOCS_DIR');
    expect(view.content).not.toContain('0 concepts');
  });

  it('quotes the query as inert inline code, so @everyone or markdown cannot escape it', () => {
    const view = buildNotFoundView('@everyone `**boom**`', 6, 'ko');

    expect(view.content).toContain('`@everyone ˋ**boom**ˋ`');
    // A Korean client shows the command by its Korean name.
    expect(view.content).toContain('`/개념목록`');
    expect(view.allowedMentions).toEqual({ parse: [] });
  });
});
