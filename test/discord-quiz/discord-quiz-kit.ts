// Shared arrangement for the quiz's Discord tests: the real note, a real store in a temp dir, and a check of
// every limit Discord enforces on a message.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { APIButtonComponentWithCustomId } from 'discord.js';
import { afterEach, expect } from 'vitest';
import { discordLimits } from '../../src/discord/discord-limits.js';
import { measureEmbeds, type MessageView } from '../../src/discord/message-view.js';
import { buildKnowledgeBase } from '../../src/kb/load-knowledge-base.js';
import type { Concept, KnowledgeBase } from '../../src/kb/types.js';
import type { GeneratedQuestion, StoredQuestion } from '../../src/quiz/types.js';
import { openQuizStore, type SqliteQuizStore } from '../../src/store/sqlite-quiz-store.js';

const realNote = fs.readFileSync(new URL('../../data/docs/docker-kubernetes.md', import.meta.url), 'utf8');
export const realKb: KnowledgeBase = buildKnowledgeBase('data/docs', [{ file: 'docker-kubernetes.md', markdown: realNote }]);

export function conceptOf(kb: KnowledgeBase, id: string): Concept {
  const concept = kb.getConcept(id);
  if (!concept) throw new Error(`the note lacks ${id}: ${kb.concepts.map((c) => c.id).join(', ')}`);
  return concept;
}

const openedStores: SqliteQuizStore[] = [];
const createdDirectories: string[] = [];

afterEach(() => {
  for (const store of openedStores.splice(0)) store.close();
  for (const directory of createdDirectories.splice(0)) fs.rmSync(directory, { recursive: true, force: true });
});

export function createTempDirectory(prefix = 'concept-bot-discord-quiz-'): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  createdDirectories.push(directory);
  return directory;
}

export function openTestStore(): SqliteQuizStore {
  const store = openQuizStore(path.join(createTempDirectory(), 'quiz.sqlite'));
  openedStores.push(store);
  return store;
}

export const guildId = '110000000000000001';
export const channelId = '220000000000000001';

/** A "which concept" question about `concept` whose options are the names of real concepts of the note. */
export function askAbout(kb: KnowledgeBase, conceptId: string, answer = 1): GeneratedQuestion {
  const others = kb.concepts.filter((concept) => concept.id !== conceptId).slice(0, 3);
  const ids = others.map((concept) => concept.id);
  ids.splice(answer, 0, conceptId);
  return {
    conceptId,
    kind: 'which-concept',
    prompt: conceptOf(kb, conceptId).statements[1] ?? 'Which concept is this?',
    options: ids.map((id) => conceptOf(kb, id).names[0] ?? id),
    answer,
    optionConceptIds: ids,
  };
}

export function storeQuestion(store: SqliteQuizStore, question: GeneratedQuestion, createdAt = new Date('2026-11-27T00:00:00.000Z')): StoredQuestion {
  return store.createQuestion({
    guildId,
    channelId,
    slotKey: createdAt.toISOString(),
    question,
    createdAt,
    closesAt: new Date(createdAt.getTime() + 60 * 60_000),
  }).question;
}

export function buttonsOf(view: MessageView): APIButtonComponentWithCustomId[] {
  return view.components.flatMap((row) => row.components) as APIButtonComponentWithCustomId[];
}

/** Every limit Discord enforces on a message: a view that passes cannot be rejected with 50035. */
export function expectWithinDiscordLimits(view: MessageView): void {
  expect(view.allowedMentions).toEqual({ parse: [] });
  expect(view.content?.length ?? 0).toBeLessThanOrEqual(discordLimits.content);
  expect(view.embeds.length).toBeLessThanOrEqual(discordLimits.embedsPerMessage);
  expect(measureEmbeds(view.embeds)).toBeLessThanOrEqual(discordLimits.embedTotal);
  for (const embed of view.embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(discordLimits.embedTitle);
    expect(embed.author?.name.length ?? 0).toBeLessThanOrEqual(256);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(discordLimits.embedDescription);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(discordLimits.embedFields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(discordLimits.embedFieldName);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(discordLimits.embedFieldValue);
    }
  }
  expect(view.components.length).toBeLessThanOrEqual(discordLimits.rowsPerMessage);
  const customIds = new Set<string>();
  for (const row of view.components) {
    expect(row.components.length).toBeGreaterThan(0);
    expect(row.components.length).toBeLessThanOrEqual(discordLimits.buttonsPerRow);
  }
  for (const button of buttonsOf(view)) {
    expect(button.label?.length ?? 0).toBeGreaterThan(0);
    expect(button.label?.length ?? 0).toBeLessThanOrEqual(discordLimits.buttonLabel);
    expect(button.custom_id.length).toBeLessThanOrEqual(discordLimits.customId);
    expect(customIds.has(button.custom_id)).toBe(false);
    customIds.add(button.custom_id);
  }
}
