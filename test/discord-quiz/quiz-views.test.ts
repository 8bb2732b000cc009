import { ButtonStyle } from 'discord.js';
import { describe, expect, it } from 'vitest';
import {
  buildPracticeQuestion,
  buildPracticeResult,
  buildQuestionPost,
  buildRevealPost,
  createAnswerCustomId,
  formatResultTime,
  formatMemberName,
  formatTallyBar,
  parseAnswerArgs,
} from '../../src/discord/quiz-views.js';
import { buildKnowledgeBase } from '../../src/kb/load-knowledge-base.js';
import type { ClosedQuestion, StoredQuestion } from '../../src/quiz/types.js';
import { askAbout, buttonsOf, conceptOf, expectWithinDiscordLimits, openTestStore, realKb, storeQuestion } from './discord-quiz-kit.js';

const container = conceptOf(realKb, 'docker-kubernetes/container');
const note = realKb.getDocument('docker-kubernetes');

async function closeWithAnswers(choices: Record<string, number>, names: Record<string, string> = {}): Promise<ClosedQuestion> {
  const store = openTestStore();
  const question = await storeQuestion(store, askAbout(realKb, container.id, 1));
  let second = 0;
  for (const [userId, choice] of Object.entries(choices)) {
    await store.recordAnswer(
      question.id,
      userId,
      names[userId] ?? `member ${userId}`,
      choice,
      new Date(question.createdAt.getTime() + ++second * 1000),
    );
  }
  const closed = await store.closeQuestion(question.id, question.closesAt);
  if (!closed) throw new Error('the question vanished');
  return closed;
}

describe('the quiz post', () => {
  it('shows the prompt, every option and the close time as Discord timestamps, with buttons A–D carrying the question id', async () => {
    const store = openTestStore();
    const question = await storeQuestion(store, askAbout(realKb, container.id, 2));

    const view = buildQuestionPost({ question, concept: container, document: note, language: 'en' });

    const [embed] = view.embeds;
    const closesAt = Math.floor(question.closesAt.getTime() / 1000);
    expect(embed?.description).toContain(question.prompt);
    for (const option of question.options) expect(embed?.description).toContain(option);
    const closeField = embed?.fields?.find((field) => field.value.includes('<t:'));
    expect(closeField?.value).toContain(`<t:${closesAt}:t>`);
    expect(closeField?.value).toContain(`<t:${closesAt}:R>`);
    expect(embed?.fields?.map((field) => field.value)).toContain(note?.title);
    expect(buttonsOf(view).map((button) => button.custom_id)).toEqual([0, 1, 2, 3].map((choice) => `quiz:answer:${question.id}:${choice}`));
    expect(buttonsOf(view).every((button) => !button.disabled)).toBe(true);
    expectWithinDiscordLimits(view);
  });

  it('labels buttons with short options but shows long options only in the embed, the buttons keeping just A–D', async () => {
    const store = openTestStore();
    const short = await storeQuestion(store, askAbout(realKb, container.id, 0));
    const long = await storeQuestion(
      store,
      { ...askAbout(realKb, container.id, 0), options: ['가'.repeat(90), 'b'.repeat(120), 'Option C', 'Option D'] },
      new Date('2026-11-28T00:00:00.000Z'),
    );

    const shortLabels = buttonsOf(buildQuestionPost({ question: short, concept: container, document: note, language: 'en' })).map(
      (button) => button.label,
    );
    const longView = buildQuestionPost({ question: long, concept: container, document: note, language: 'en' });

    expect(shortLabels).toEqual(short.options.map((option, index) => `${'ABCD'[index]}. ${option}`));
    expect(buttonsOf(longView).map((button) => button.label)).toEqual(['A', 'B', 'C', 'D']);
    expect(longView.embeds[0]?.description).toContain('가'.repeat(90));
    expectWithinDiscordLimits(longView);
  });

  it('speaks Korean to a Korean guild', async () => {
    const store = openTestStore();
    const question = await storeQuestion(store, askAbout(realKb, container.id));

    const view = buildQuestionPost({ question, concept: container, document: note, language: 'ko' });

    expect(view.embeds[0]?.title).toBe('다음 설명에 해당하는 개념은?');
    expect(view.embeds[0]?.footer?.text).toBe('처음 누른 답만 인정돼요.');
  });
});

describe('the reveal', () => {
  it('disables every button, marks the correct one green and tallies each option with a count, percent and bar', async () => {
    const closed = await closeWithAnswers({ '1': 0, '2': 1, '3': 1, '4': 1, '5': 2 });

    const view = buildRevealPost({ closed, concept: container, document: note, language: 'en' });

    const answers = buttonsOf(view).filter((button) => button.custom_id.startsWith('quiz:answer:'));
    expect(answers.every((button) => button.disabled)).toBe(true);
    expect(answers.map((button) => button.style)).toEqual([ButtonStyle.Secondary, ButtonStyle.Success, ButtonStyle.Secondary, ButtonStyle.Secondary]);
    expect(answers[1]?.label).toMatch(/^✅ B/);
    const description = view.embeds[0]?.description ?? '';
    expect(description).toContain('`██░░░░░░░░` 1 · 20%');
    expect(description).toContain('`██████░░░░` 3 · 60%');
    expect(description).toContain('`░░░░░░░░░░` 0 · 0%');
    expect(view.embeds[0]?.fields?.find((field) => field.name === 'Participants')?.value).toBe('5');
    expectWithinDiscordLimits(view);
  });

  it('explains the answer from the note with its source and offers a button that opens the concept', async () => {
    const closed = await closeWithAnswers({ '1': 1 });

    const view = buildRevealPost({ closed, concept: container, document: note, language: 'en' });

    const explanation = view.embeds[0]?.fields?.find((field) => field.name === 'Explanation')?.value ?? '';
    expect(explanation).toContain('운영 체제 수준 가상화');
    expect(explanation).toContain('Source:');
    expect(explanation).toContain('docker-kubernetes.md:');
    const open = buttonsOf(view).find((button) => button.custom_id === `quiz:explain:${container.id}`);
    expect(open?.disabled).toBeFalsy();
    expect(open?.label).toContain('컨테이너');
  });

  it('lists who answered right by name as plain text: markdown escaped, mentions broken, nobody pinged', async () => {
    const closed = await closeWithAnswers(
      { '1': 1, '2': 1, '3': 1, '4': 0 },
      { '1': '@everyone', '2': '<@220000000000000009>', '3': '**Bold** _kim_', '4': 'wrong one' },
    );

    const view = buildRevealPost({ closed, concept: container, document: note, language: 'en' });

    const right = view.embeds[0]?.fields?.find((field) => field.name.startsWith('Answered right'));
    expect(right?.name).toBe('Answered right (3)');
    expect(right?.value).not.toMatch(/@everyone|<@\d/);
    expect(right?.value).toContain('\\@\u200beveryone');
    expect(right?.value).toContain('\\*\\*Bold\\*\\* \\_kim\\_');
    expect(right?.value).not.toContain('wrong one');
    expect(view.allowedMentions).toEqual({ parse: [] });
    expect(view.content).toBeUndefined();
  });

  it('says nobody answered when nobody did, with empty bars at 0%', async () => {
    const closed = await closeWithAnswers({});

    const view = buildRevealPost({ closed, concept: container, document: note, language: 'en' });

    expect(view.embeds[0]?.fields?.find((field) => field.name.startsWith('Answered right'))?.value).toBe('Nobody answered.');
    expect(view.embeds[0]?.description?.match(/`░{10}` 0 · 0%/g)).toHaveLength(4);
  });

  it('fits a thousand right answers into one field, counting the rest as "and N more"', async () => {
    const choices = Object.fromEntries(Array.from({ length: 1000 }, (_, index) => [String(index + 1), 1]));
    const closed = await closeWithAnswers(choices);

    const view = buildRevealPost({ closed, concept: container, document: note, language: 'en' });

    const right = view.embeds[0]?.fields?.find((field) => field.name.startsWith('Answered right'));
    expect(right?.name).toBe('Answered right (1000)');
    expect(right?.value).toMatch(/member 1, member 2, .* and \d+ more$/);
    expectWithinDiscordLimits(view);
  });
});

describe('views of extreme notes', () => {
  it('stay within every Discord limit: huge prompt and options, long names, a concept id too long for a button', async () => {
    const heading = `Extremely long concept heading ${'word '.repeat(40)}`.trim();
    const body = Array.from({ length: 30 }, (_, index) => `- Statement ${index} ${'lorem ipsum '.repeat(80)}`).join('\n');
    const kb = buildKnowledgeBase('docs', [{ file: 'long.md', markdown: `# ${'Title '.repeat(80)}\n\n## ${heading}\n\n${body}\n` }]);
    const concept = kb.concepts[0];
    if (!concept) throw new Error('the note has no concept');
    const store = openTestStore();
    const question = await storeQuestion(store, {
      conceptId: concept.id,
      kind: 'cloze',
      prompt: 'p'.repeat(5000),
      options: ['x'.repeat(500), 'y'.repeat(500), 'z'.repeat(500), 'w'.repeat(500)],
      answer: 3,
    });
    for (let member = 1; member <= 300; member += 1)
      await store.recordAnswer(question.id, String(member), 'N'.repeat(100), member % 4, question.createdAt);
    const closed = await store.closeQuestion(question.id, question.closesAt);
    if (!closed) throw new Error('the question vanished');
    const document = kb.getDocument(concept.documentId);

    const views = [
      buildQuestionPost({ question, concept, document, language: 'en' }),
      buildQuestionPost({ question, concept, document, language: 'ko' }),
      buildRevealPost({ closed, concept, document, language: 'en' }),
      buildRevealPost({ closed, concept, document, language: 'ko' }),
      buildPracticeQuestion({ question, concept, document, language: 'en' }),
      buildPracticeResult({ question, concept, document, language: 'ko', choice: 0 }),
    ];

    expect(`quiz:explain:${concept.id}`.length).toBeGreaterThan(100);
    for (const view of views) expectWithinDiscordLimits(view);
    expect(buttonsOf(views[2]!).some((button) => button.custom_id.startsWith('quiz:explain:'))).toBe(false);
  });
});

describe('a practice question', () => {
  async function practiceQuestion(): Promise<StoredQuestion> {
    const store = openTestStore();
    return (
      await store.createQuestion({
        guildId: '110000000000000001',
        channelId: '220000000000000001',
        slotKey: 'practice:1',
        question: askAbout(realKb, container.id, 2),
        practiceUserId: '330000000000000001',
        createdAt: new Date('2026-11-27T00:00:00.000Z'),
        closesAt: new Date('2026-11-27T00:10:00.000Z'),
      })
    ).question;
  }

  it('uses the same answer buttons as a post and says it does not count', async () => {
    const question = await practiceQuestion();

    const view = buildPracticeQuestion({ question, concept: container, document: note, language: 'en' });

    expect(buttonsOf(view).map((button) => button.custom_id)).toEqual([0, 1, 2, 3].map((choice) => createAnswerCustomId(question.id, choice)));
    expect(view.embeds[0]?.footer?.text).toContain('does not count');
    expectWithinDiscordLimits(view);
  });

  it('answered wrongly, shows the pick in red, the answer in green and the explanation at once', async () => {
    const question = await practiceQuestion();

    const view = buildPracticeResult({ question, concept: container, document: note, language: 'en', choice: 0 });

    expect(view.embeds[0]?.title).toBe('❌ Not quite: the answer is C.');
    expect(view.embeds[0]?.description).toContain(`✅ **C.** ${question.options[2]}`);
    const answers = buttonsOf(view).filter((button) => button.custom_id.startsWith('quiz:answer:'));
    expect(answers.map((button) => button.style)).toEqual([ButtonStyle.Danger, ButtonStyle.Secondary, ButtonStyle.Success, ButtonStyle.Secondary]);
    expect(answers.every((button) => button.disabled)).toBe(true);
    expect(view.embeds[0]?.fields?.[0]?.value).toContain('Source:');
  });

  it('answered rightly, says so', async () => {
    const view = buildPracticeResult({ question: await practiceQuestion(), concept: container, document: note, language: 'ko', choice: 2 });

    expect(view.embeds[0]?.title).toBe('✅ 정답이에요!');
  });
});

describe('small formats', () => {
  it('draws tally bars as the share of all answers, always the same width', () => {
    expect(formatTallyBar(0, 0)).toBe('░░░░░░░░░░');
    expect(formatTallyBar(3, 4, 8)).toBe('██████░░');
    expect(formatTallyBar(5, 5)).toBe('██████████');
    expect(formatTallyBar(1, 3)).toBe('███░░░░░░░');
  });

  it('keeps a member name readable but inert', () => {
    expect(formatMemberName('  kim   min ')).toBe('kim min');
    expect(formatMemberName('@here')).toBe('\\@\u200bhere');
    expect(formatMemberName('a'.repeat(200)).length).toBeLessThanOrEqual(64);
  });

  it('reads answer buttons back and refuses ids that were not made by the bot, leaving the range of a choice to the quiz', () => {
    expect(parseAnswerArgs(['Ab12', '3'])).toEqual({ questionId: 'Ab12', choice: 3 });
    // Whether 4 is an option depends on the question: the store answers that with `invalid-choice`.
    expect(parseAnswerArgs(['Ab12', '4'])).toEqual({ questionId: 'Ab12', choice: 4 });
    expect(parseAnswerArgs(['Ab12', '-1'])).toBeNull();
    expect(parseAnswerArgs(['Ab12', '1e3'])).toBeNull();
    expect(parseAnswerArgs(['Ab12', '1', 'extra'])).toBeNull();
    expect(parseAnswerArgs(['../x', '1'])).toBeNull();
    expect(parseAnswerArgs(['Ab12'])).toBeNull();
  });
});

describe('when the result comes', () => {
  it('shows only the time when the result comes the same day, and the date too when it is days away', () => {
    const postedFriday = new Date('2026-11-27T00:00:00.000Z');
    const inAnHour = new Date('2026-11-27T01:00:00.000Z');
    const nextMonday = new Date('2026-11-30T00:00:00.000Z');

    expect(formatResultTime(inAnHour, postedFriday)).toBe(`<t:${inAnHour.getTime() / 1000}:t> (<t:${inAnHour.getTime() / 1000}:R>)`);
    expect(formatResultTime(nextMonday, postedFriday)).toBe(`<t:${nextMonday.getTime() / 1000}:f> (<t:${nextMonday.getTime() / 1000}:R>)`);
  });
});
