import type { QuizStore } from './quiz-store.js';

/**
 * The store as one process of several sees it: the sweeps that find work to do (schedules to run, questions to
 * close, reveals owed, posts a crash left unrecorded, reminders, reports) only see the guilds this process looks
 * after, so every guild's timers run in exactly one process. Reads and writes by id pass through untouched: a
 * member can only reach them through an interaction, which Discord delivers to the guild's own shard.
 */
export function scopeStoreToGuilds(store: QuizStore, ownsGuild: (guildId: string) => boolean): QuizStore {
  const owned = <T extends { guildId: string }>(rows: T[]): T[] => rows.filter((row) => ownsGuild(row.guildId));
  const ownedQuestions = <T extends { question: { guildId: string } }>(rows: T[]): T[] => rows.filter((row) => ownsGuild(row.question.guildId));
  const scoped: Partial<QuizStore> = {
    listSchedules: async (guildId) => (guildId === undefined ? owned(await store.listSchedules()) : store.listSchedules(guildId)),
    listOverdueQuestions: async (now) => owned(await store.listOverdueQuestions(now)),
    listOpenQuestions: async () => owned(await store.listOpenQuestions()),
    listUnpostedQuestions: async () => owned(await store.listUnpostedQuestions()),
    listDueReveals: async (now) => ownedQuestions(await store.listDueReveals(now)),
    // The earliest owed reveal of this process's guilds: another process's would wake this one for nothing.
    getNextRevealDue: async () => {
      const owed = ownedQuestions(await store.listDueReveals(new Date(8.64e15)));
      return owed.reduce<Date | null>((earliest, reveal) => (earliest === null || reveal.dueAt < earliest ? reveal.dueAt : earliest), null);
    },
    listEnabledReminders: async () => owned(await store.listEnabledReminders()),
    listReportSchedules: async () => owned(await store.listReportSchedules()),
  };
  return new Proxy(store, {
    get(target, property, receiver) {
      if (typeof property === 'string' && property in scoped) return scoped[property as keyof QuizStore];
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
