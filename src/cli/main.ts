import { statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import dotenv from 'dotenv';
import { ConfigError, loadNoteReadLimits } from '../config.js';
import { type CliCommand, UsageError } from './cli-context.js';

type CommandModule = () => Promise<Record<string, CliCommand>>;
const kbModule: CommandModule = async () => (await import('./kb-commands.js')).kbCommands;
const quizModule: CommandModule = async () => (await import('./quiz-commands.js')).quizCommands;
const learningModule: CommandModule = async () => (await import('./learning-commands.js')).learningCommands;

/**
 * Each command's module, imported only when that command runs: `kb check` need not load the report renderer
 * (canvas, fonts) or the SQLite store, which took about a third of a second of every start.
 */
export const commandModules: Record<string, CommandModule> = {
  explain: kbModule,
  search: kbModule,
  concepts: kbModule,
  'kb check': kbModule,
  'quiz sample': quizModule,
  'quiz review': quizModule,
  demo: learningModule,
  report: learningModule,
};

const usage = `concept-bot CLI: the bot's knowledge base and quiz, without Discord.

Usage: npm run cli -- <command> [arguments] [--docs DIR] [--json]

  explain <query>            explain a concept from the notes
  search <query> [--limit N] list matching concepts, best first
  concepts [--note ID]       list every concept by note
  kb check                   list every problem in the notes (exit 1 if any)
  quiz sample [--seed N] [--note ID]
                             generate one quiz question
  quiz review [--count N] [--seed N] [--note ID]
                             the questions the bot would ask, with source file:line and score
  demo --db FILE [--members N] [--days N] [--seed N] [--at DATE] [--timezone TZ]
                             fill a new database with a simulated team's month
  report --db FILE --guild ID --out FILE.png [--member ID] [--lang ko|en] [--team NAME] [--at DATE]
                             render the weekly team report (or, with --member, that member's chart)

--docs DIR  notes folder (default: DOCS_DIR or data/docs)
--json      machine-readable output (use npm run --silent to get only the JSON)`;

/** Split argv into command words, positional arguments and flags. Two-word commands (`kb check`) win. */
export function parseArguments(argv: string[]): { name: string | undefined; positional: string[]; flags: Map<string, string | true> } {
  const words: string[] = [];
  const flags = new Map<string, string | true>();
  const valueFlags = new Set([
    'docs',
    'limit',
    'seed',
    'note',
    'count',
    'db',
    'guild',
    'out',
    'member',
    'members',
    'days',
    'at',
    'lang',
    'team',
    'timezone',
  ]);
  const switches = new Set(['json', 'help']);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--')) {
      const [key, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
      // A misspelt --json must not quietly print text to a script that expects JSON.
      if (!valueFlags.has(key) && !switches.has(key)) throw new UsageError(`unknown option --${key}`);
      if (inline !== undefined) flags.set(key, inline);
      else if (valueFlags.has(key) && i + 1 < argv.length) flags.set(key, argv[++i]!);
      else flags.set(key, true);
    } else {
      words.push(arg);
    }
  }
  const twoWords = words.slice(0, 2).join(' ');
  if (twoWords in commandModules) return { name: twoWords, positional: words.slice(2), flags };
  return { name: words[0], positional: words.slice(1), flags };
}

export async function runCli(
  argv: string[],
  out: (text: string) => void = (text) => process.stdout.write(text + '\n'),
  err: (text: string) => void = (text) => process.stderr.write(text + '\n'),
): Promise<number> {
  try {
    const { name, positional, flags } = parseArguments(argv);
    if (!name || flags.has('help') || name === 'help') {
      out(usage);
      return name ? 0 : 2;
    }
    const commandModule = Object.hasOwn(commandModules, name) ? commandModules[name] : undefined;
    if (!commandModule) throw new UsageError(`Unknown command "${name}".`);
    const docs = flags.get('docs');
    if (docs === true) throw new UsageError('--docs takes a folder, e.g. --docs data/docs');
    const docsDir = docs ?? (process.env.DOCS_DIR?.trim() || 'data/docs');
    // Every command reads the notes: a folder that is not there is an error for all of them alike.
    if (!isDirectory(docsDir)) {
      err(`docs directory not found: ${docsDir} (pass --docs DIR or set DOCS_DIR)`);
      return 1;
    }
    let noteReadLimits;
    try {
      noteReadLimits = loadNoteReadLimits();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      err(error.message);
      return 1;
    }
    const command = (await commandModule())[name];
    if (!command) throw new Error(`the module of command "${name}" does not define it`);
    return await command({ positional, flags, json: flags.has('json'), docsDir, noteReadLimits, out, err });
  } catch (error) {
    if (error instanceof UsageError) {
      err(`${error.message}\n\n${usage}`);
      return 2;
    }
    throw error;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // quiet: dotenv would otherwise print a banner, and `--json` output must be the only thing on stdout.
  dotenv.config({ quiet: true });
  process.exitCode = await runCli(process.argv.slice(2));
}
