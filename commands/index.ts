import type { Command } from '../src/discord/command.js';
import concepts from './concepts.js';
import explain from './explain.js';
import leaderboard from './leaderboard.js';
import quizAdmin from './quiz-admin.js';
import quiz from './quiz.js';

/** Every slash command. Registration and the interaction router both read this one list. */
export const commands: readonly Command[] = [explain, concepts, quiz, quizAdmin, leaderboard];
