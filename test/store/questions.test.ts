import { describe, expect, it } from 'vitest';
import {
  channelId,
  guildId,
  hour,
  makeGenerated,
  openTestDatabase,
  openTestStore,
  postQuestion,
  storeBackends,
  startStoreBackends,
} from './store-test-kit.js';

startStoreBackends();

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

describe.each(storeBackends)('questions ($name)', (backend) => {
  it('stores a question with everything the post and the reveal need', async () => {
    const store = await openTestStore(backend);

    const { created, question } = await store.createQuestion(newQuestionAt(slot.toISOString()));

    expect(created).toBe(true);
    expect(question.id).toMatch(/^[A-Za-z0-9]{1,20}$/);
    expect(await store.getQuestion(question.id)).toEqual(question);
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

  it('when a slot is triggered twice, the second trigger gets the first question back', async () => {
    const store = await openTestStore(backend);

    const first = await store.createQuestion(newQuestionAt(slot.toISOString(), 'container'));
    const second = await store.createQuestion(newQuestionAt(slot.toISOString(), 'pod'));

    expect(second.created).toBe(false);
    expect(second.question).toEqual(first.question);
    expect((await store.getLatestQuestion(guildId, channelId))?.conceptId).toBe('container');
  });

  it('after a restart (a second store on the same database) the slot is still taken', async () => {
    const database = await openTestDatabase(backend);
    const beforeRestart = database.store;
    const afterRestart = await database.reopen();

    const first = await beforeRestart.createQuestion(newQuestionAt(slot.toISOString(), 'container'));
    const second = await afterRestart.createQuestion(newQuestionAt(slot.toISOString(), 'pod'));

    expect(first.created).toBe(true);
    expect(second).toEqual({ created: false, question: first.question });
  });

  it('the same slot in another channel is a different question', async () => {
    const store = await openTestStore(backend);

    const here = await store.createQuestion(newQuestionAt(slot.toISOString()));
    const there = await store.createQuestion({ ...newQuestionAt(slot.toISOString()), channelId: '200000000000000002' });

    expect(there.created).toBe(true);
    expect(there.question.id).not.toBe(here.question.id);
  });

  it('remembers the message of the post', async () => {
    const store = await openTestStore(backend);
    const { question } = await store.createQuestion(newQuestionAt(slot.toISOString()));

    await store.setQuestionMessage(question.id, '300000000000000001');

    expect((await store.getQuestion(question.id))?.messageId).toBe('300000000000000001');
  });

  it('an unposted question can be discarded so its slot can be tried again; a posted one cannot', async () => {
    const store = await openTestStore(backend);
    const unposted = (await store.createQuestion(newQuestionAt('2026-03-02T00:00:00.000Z'))).question;
    const posted = (await store.createQuestion(newQuestionAt('2026-03-03T00:00:00.000Z'))).question;
    await store.setQuestionMessage(posted.id, '300000000000000001');

    expect(await store.discardUnpostedQuestion(unposted.id)).toBe(true);
    expect(await store.discardUnpostedQuestion(posted.id)).toBe(false);
    expect(await store.getQuestion(unposted.id)).toBeNull();
    expect((await store.createQuestion(newQuestionAt('2026-03-02T00:00:00.000Z'))).created).toBe(true);
  });

  it('an unposted question that already has an answer is kept', async () => {
    const store = await openTestStore(backend);
    const question = (await store.createQuestion(newQuestionAt(slot.toISOString()))).question;
    await store.recordAnswer(question.id, 'u1', 'One', 0, slot);

    expect(await store.discardUnpostedQuestion(question.id)).toBe(false);
    expect(await store.getQuestion(question.id)).not.toBeNull();
  });

  it('finds the open post of a channel, ignoring practice questions and closed posts', async () => {
    const store = await openTestStore(backend);
    const closed = await postQuestion(store, { postedAt: new Date('2026-03-01T00:00:00Z') });
    await store.closeQuestion(closed.id, new Date('2026-03-01T01:00:00Z'));
    const open = await postQuestion(store, { postedAt: new Date('2026-03-02T00:00:00Z') });
    await postQuestion(store, { postedAt: new Date('2026-03-02T05:00:00Z'), practiceUserId: 'u1' });

    expect((await store.getOpenQuestion(guildId, channelId))?.id).toBe(open.id);
    expect((await store.getLatestQuestion(guildId, channelId))?.id).toBe(open.id);
    expect(await store.getOpenQuestion(guildId, '200000000000000009')).toBeNull();
  });

  it('lists questions that are past their close time, practice included, oldest first', async () => {
    const store = await openTestStore(backend);
    const early = await postQuestion(store, { postedAt: new Date('2026-03-01T00:00:00Z') });
    const practice = await postQuestion(store, { postedAt: new Date('2026-03-01T02:00:00Z'), practiceUserId: 'u1' });
    const notYet = await postQuestion(store, { postedAt: new Date('2026-03-01T10:00:00Z') });
    const alreadyClosed = await postQuestion(store, { postedAt: new Date('2026-03-01T01:00:00Z') });
    await store.closeQuestion(alreadyClosed.id, new Date('2026-03-01T01:30:00Z'));

    const overdue = await store.listOverdueQuestions(new Date('2026-03-01T03:00:00Z'));

    expect(overdue.map((question) => question.id)).toEqual([early.id, practice.id]);
    expect((await store.listOpenQuestions()).map((question) => question.id)).toEqual([early.id, practice.id, notYet.id]);
  });

  it('keeps questions when the store is closed and opened again', async () => {
    const database = await openTestDatabase(backend);
    const { store } = database;
    const { question } = await store.createQuestion(newQuestionAt(slot.toISOString()));
    await store.close();

    const reopened = await database.reopen();

    expect(await reopened.getQuestion(question.id)).toEqual(question);
  });
});
