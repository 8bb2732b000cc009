// Flashcard practice through the runner: scope, self-grades stored in the real store, and the order of cards
// as a member works through them.
import { describe, expect, it } from 'vitest';
import { createCardKey } from '../../src/quiz/flashcard-practice.js';
import { deadlockWithCard, fillerConcepts, makeKnowledgeBase, tcpWithCards } from '../quiz/quiz-test-kit.js';
import { channelId, createRunner, guildId, minute, otherChannelId, scheduleDefault } from './runner-test-kit.js';

const kb = makeKnowledgeBase({
  network: [tcpWithCards(), ...fillerConcepts()],
  os: [deadlockWithCard(), ...fillerConcepts().map((spec, index) => ({ ...spec, slug: `filler-${index}` }))],
});

describe('flashcard practice', () => {
  it('a member works through the cards of a note; each grade is stored and moves the card out of the way', async () => {
    const { runner, store, clock } = await createRunner({ kb });

    const first = await runner.drawFlashcard(guildId, channelId, 'u1', 'network');
    const graded = await runner.gradeFlashcard(guildId, 'u1', first!.key, 'didnt');
    const second = await runner.drawFlashcard(guildId, channelId, 'u1', 'network');
    await runner.gradeFlashcard(guildId, 'u1', second!.key, 'knew');
    const thenNone = await runner.drawFlashcard(guildId, channelId, 'u1', 'network');
    clock.advance(10 * minute);
    const backAgain = await runner.drawFlashcard(guildId, channelId, 'u1', 'network');

    expect(first?.question).toBe('TCP 3-way handshake의 세 단계는?');
    expect(graded).toMatchObject({ ok: true, grade: { conceptId: 'network/tcp', cardKey: first!.key, grade: 'didnt', userId: 'u1' } });
    expect(second?.question).toBe('TCP가 흐름 제어에 쓰는 것은?');
    expect(thenNone).toBeNull();
    expect(backAgain?.key).toBe(first!.key);
    expect((await store.listLatestFlashcardGrades(guildId, 'u1')).map((grade) => grade.grade).sort()).toEqual(['didnt', 'knew']);
  });

  it('another member starts from the top: grades are their own', async () => {
    const { runner } = await createRunner({ kb });
    const first = (await runner.drawFlashcard(guildId, channelId, 'u1', 'network'))!;
    await runner.gradeFlashcard(guildId, 'u1', first.key, 'knew');

    expect((await runner.drawFlashcard(guildId, channelId, 'u2', 'network'))?.key).toBe(first.key);
  });

  it('without a note, practice keeps to the note the channel is scheduled for, else every note', async () => {
    const { runner } = await createRunner({ kb });
    await scheduleDefault(runner, channelId, { noteId: 'os' });

    expect((await runner.drawFlashcard(guildId, channelId, 'u1'))?.conceptId).toBe('os/deadlock');
    expect((await runner.drawFlashcard(guildId, otherChannelId, 'u1'))?.conceptId).toBe('network/tcp');
  });

  it('a note without cards has no card, and practice falls back to a generated question', async () => {
    const { runner } = await createRunner({ kb: makeKnowledgeBase({ network: fillerConcepts() }) });

    expect(await runner.drawFlashcard(guildId, channelId, 'u1')).toBeNull();
    expect(await runner.createPractice(guildId, channelId, 'u1')).not.toBeNull();
  });

  it('grading a card the notes no longer hold stores nothing', async () => {
    const { runner, store } = await createRunner({ kb });

    const outcome = await runner.gradeFlashcard(guildId, 'u1', createCardKey('network/tcp', 'a question since removed'), 'knew');

    expect(outcome).toEqual({ ok: false, reason: 'unknown-card' });
    expect(await store.listLatestFlashcardGrades(guildId, 'u1')).toEqual([]);
  });
});
