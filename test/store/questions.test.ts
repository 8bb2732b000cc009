import { describe, expect, it } from 'vitest';
import { openQuizStore } from '../../src/store/sqlite-quiz-store.js';
import { channelId, createDatabasePath, guildId, hour, makeGenerated, openTestStore, postQuestion } from './store-test-kit.js';

const slot = new Date('2026-03-02T00:00:00.000Z');

function newQuestionAt(slotKey: string, conceptId = 'container') {
  return {
    guildId,
    channelId,
    slotKey,
    question: makeGenerated(conceptId, 2),
    createdAt: slot,
    closesAt: new Date(slot.getTime() + hour),
  };
}

describe('questions', () => {
  it('stores a question with everything the post and the reveal need', () => {
    const store = openTestStore();

    const { created, question } = store.createQuestion(newQuestionAt(slot.toISOString()));

    expect(created).toBe(true);
    expect(question.id).toMatch(/^[A-Za-z0-9]{1,20}$/);
    expect(store.getQuestion(question.id)).toEqual(question);
    expect(question).toMatchObject({
      guildId,
      channelId,
      slotKey: slot.toISOString(),
      conceptId: 'container',
      kind: 'which-concept',
      options: ['Alpha', 'Bravo', 'Charlie', 'Delta'],
      answer: 2,
      optionConceptIds: ['alpha', 'bravo', 'charlie', 'delta'],
      practiceUserId: null,
      messageId: null,
      status: 'open',
      createdAt: slot,
      closesAt: new Date(slot.getTime() + hour),
      closedAt: null,
    });
  });

  it('when a slot is triggered twice, the second trigger gets the first question back', () => {
    const store = openTestStore();

    const first = store.createQuestion(newQuestionAt(slot.toISOString(), 'container'));
    const second = store.createQuestion(newQuestionAt(slot.toISOString(), 'pod'));

    expect(second.created).toBe(false);
    expect(second.question).toEqual(first.question);
    expect(store.getLatestQuestion(guildId, channelId)?.conceptId).toBe('container');
  });

  it('after a restart (a second store on the same file) the slot is still taken', () => {
    const file = createDatabasePath();
    const beforeRestart = openTestStore(file);
    const afterRestart = openTestStore(file);

    const first = beforeRestart.createQuestion(newQuestionAt(slot.toISOString(), 'container'));
    const second = afterRestart.createQuestion(newQuestionAt(slot.toISOString(), 'pod'));

    expect(first.created).toBe(true);
    expect(second).toEqual({ created: false, question: first.question });
  });

  it('the same slot in another channel is a different question', () => {
    const store = openTestStore();

    const here = store.createQuestion(newQuestionAt(slot.toISOString()));
    const there = store.createQuestion({ ...newQuestionAt(slot.toISOString()), channelId: '200000000000000002' });

    expect(there.created).toBe(true);
    expect(there.question.id).not.toBe(here.question.id);
  });

  it('remembers the message of the post', () => {
    const store = openTestStore();
    const { question } = store.createQuestion(newQuestionAt(slot.toISOString()));

    store.setQuestionMessage(question.id, '300000000000000001');

    expect(store.getQuestion(question.id)?.messageId).toBe('300000000000000001');
  });

  it('an unposted question can be discarded so its slot can be tried again; a posted one cannot', () => {
    const store = openTestStore();
    const unposted = store.createQuestion(newQuestionAt('2026-03-02T00:00:00.000Z')).question;
    const posted = store.createQuestion(newQuestionAt('2026-03-03T00:00:00.000Z')).question;
    store.setQuestionMessage(posted.id, '300000000000000001');

    expect(store.discardUnpostedQuestion(unposted.id)).toBe(true);
    expect(store.discardUnpostedQuestion(posted.id)).toBe(false);
    expect(store.getQuestion(unposted.id)).toBeNull();
    expect(store.createQuestion(newQuestionAt('2026-03-02T00:00:00.000Z')).created).toBe(true);
  });

  it('an unposted question that already has an answer is kept', () => {
    const store = openTestStore();
    const question = store.createQuestion(newQuestionAt(slot.toISOString())).question;
    store.recordAnswer(question.id, 'u1', 'One', 0, slot);

    expect(store.discardUnpostedQuestion(question.id)).toBe(false);
    expect(store.getQuestion(question.id)).not.toBeNull();
  });

  it('finds the open post of a channel, ignoring practice questions and closed posts', () => {
    const store = openTestStore();
    const closed = postQuestion(store, { postedAt: new Date('2026-03-01T00:00:00Z') });
    store.closeQuestion(closed.id, new Date('2026-03-01T01:00:00Z'));
    const open = postQuestion(store, { postedAt: new Date('2026-03-02T00:00:00Z') });
    postQuestion(store, { postedAt: new Date('2026-03-02T05:00:00Z'), practiceUserId: 'u1' });

    expect(store.getOpenQuestion(guildId, channelId)?.id).toBe(open.id);
    expect(store.getLatestQuestion(guildId, channelId)?.id).toBe(open.id);
    expect(store.getOpenQuestion(guildId, '200000000000000009')).toBeNull();
  });

  it('lists questions that are past their close time, practice included, oldest first', () => {
    const store = openTestStore();
    const early = postQuestion(store, { postedAt: new Date('2026-03-01T00:00:00Z') });
    const practice = postQuestion(store, { postedAt: new Date('2026-03-01T02:00:00Z'), practiceUserId: 'u1' });
    const notYet = postQuestion(store, { postedAt: new Date('2026-03-01T10:00:00Z') });
    const alreadyClosed = postQuestion(store, { postedAt: new Date('2026-03-01T01:00:00Z') });
    store.closeQuestion(alreadyClosed.id, new Date('2026-03-01T01:30:00Z'));

    const overdue = store.listOverdueQuestions(new Date('2026-03-01T03:00:00Z'));

    expect(overdue.map((question) => question.id)).toEqual([early.id, practice.id]);
    expect(store.listOpenQuestions().map((question) => question.id)).toEqual([early.id, practice.id, notYet.id]);
  });

  it('keeps questions when the file is closed and opened again', () => {
    const file = createDatabasePath();
    const store = openQuizStore(file);
    const { question } = store.createQuestion(newQuestionAt(slot.toISOString()));
    store.close();

    const reopened = openTestStore(file);

    expect(reopened.getQuestion(question.id)).toEqual(question);
  });
});
