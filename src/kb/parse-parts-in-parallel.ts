// The parts of one big note parsed on two threads: a worker thread takes a share while this one parses the rest.
// Parsing is most of a big note's load (micromark over every character), and a bot or `kb check` with 10,000
// concepts otherwise waits on one core while another idles.
//
// The worker runs plain JavaScript (an `eval` worker with no loader flags): it imports the same micromark packages
// this module resolves, by absolute URL, so it works the same under tsx, vitest, the built `dist` and the Docker
// image, and never needs TypeScript compiled inside the thread. The caller stays synchronous: this thread blocks on
// an `Atomics.wait` for the worker's trees and takes them with `receiveMessageOnPort`. Whatever goes wrong with the
// worker (it cannot start, it throws, it is slow) only costs time: its parts are then parsed here.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { Root } from 'mdast';

/**
 * Below this many characters (all parts together) a note is parsed on this thread alone: starting a worker and
 * copying trees back costs about 0.1 s, more than a note of this size takes to parse (about 1 MB/s).
 */
export const parallelParseMinChars = 500_000;

/**
 * The share of the characters the worker parses. The worker also pays for starting (about 0.15 s) and for
 * serializing its trees (0.4 s for the 10,000-concept note), this thread for copying them in (0.5 s for all of
 * it): a bit less than half is where both finish together.
 */
const defaultWorkerShare = 0.45;

/** The worker's young generation (MB): micromark's short-lived events then rarely reach a scavenge. */
const workerYoungGenerationMb = 64;

/** How long this thread waits for the worker's trees before parsing its parts itself (the worker is then ended). */
const workerTimeoutMs = 60_000;

/** Which front matter the parse reads; the same list goes to both threads. */
export const frontMatterKinds = ['yaml' as const];

const packages = ['mdast-util-from-markdown', 'micromark-extension-frontmatter', 'mdast-util-frontmatter'] as const;

/**
 * The worker, CommonJS as `eval` workers are: it gets the parts and a shared flag, parses, posts the trees (or
 * the error) on its port, then raises the flag. Kept to what the parse needs; it changes together with `options`
 * in parse-markdown.ts.
 */
const workerSource = `
const { workerData } = require('node:worker_threads');
const { texts, port, signal, moduleUrls, frontMatterKinds } = workerData;
const done = () => { Atomics.store(signal, 0, 1); Atomics.notify(signal, 0); };
Promise.all(moduleUrls.map((url) => import(url)))
  .then(([{ fromMarkdown }, { frontmatter }, { frontmatterFromMarkdown }]) => {
    const options = { extensions: [frontmatter(frontMatterKinds)], mdastExtensions: [frontmatterFromMarkdown(frontMatterKinds)] };
    port.postMessage({ trees: texts.map((text) => fromMarkdown(text, options)) });
  })
  .catch((error) => port.postMessage({ error: String(error && error.stack || error) }))
  .finally(done);
`;

let moduleUrls: string[] | undefined;
function resolveModuleUrls(): string[] {
  const require = createRequire(import.meta.url);
  moduleUrls ??= packages.map((name) => pathToFileURL(require.resolve(name)).href);
  return moduleUrls;
}

export interface ParallelParseOptions {
  /** Below this many characters in all, no worker: {@link parallelParseMinChars} unless a test says otherwise. */
  minChars?: number;
  /** The worker's share of the characters (it always leaves this thread the first text). */
  workerShare?: number;
}

export interface ParsedParts {
  trees: Root[];
  /** How many of the trees the worker made (0 when the input was small or the worker failed). */
  parsedByWorker: number;
}

/**
 * `parse` applied to every text, in order, the later texts parsed by a worker thread when there is enough to
 * share. The trees are the same either way: the worker runs the same parser with the same options.
 */
export function parsePartsInParallel(
  texts: readonly string[],
  parse: (text: string) => Root,
  { minChars = parallelParseMinChars, workerShare = defaultWorkerShare }: ParallelParseOptions = {},
): ParsedParts {
  const totalChars = texts.reduce((sum, text) => sum + text.length, 0);
  if (texts.length < 2 || totalChars < minChars) return { trees: texts.map(parse), parsedByWorker: 0 };

  // The worker takes the last parts: this thread starts at once on the first ones while the worker starts up.
  let split = texts.length;
  for (let chars = 0; split > 1 && chars < totalChars * workerShare;) chars += texts[--split]!.length;
  const workerTexts = texts.slice(split);

  const started = startWorker(workerTexts);
  const trees = texts.slice(0, split).map(parse);
  const fromWorker = started ? awaitTrees(started) : undefined;
  if (fromWorker?.length !== workerTexts.length) return { trees: [...trees, ...workerTexts.map(parse)], parsedByWorker: 0 };
  return { trees: [...trees, ...fromWorker], parsedByWorker: fromWorker.length };
}

interface StartedWorker {
  worker: Worker;
  port: MessagePortLike;
  signal: Int32Array;
}

type MessagePortLike = Parameters<typeof receiveMessageOnPort>[0];

function startWorker(texts: readonly string[]): StartedWorker | undefined {
  try {
    const { port1, port2 } = new MessageChannel();
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(workerSource, {
      eval: true,
      // No `--import tsx` or other loader of the parent: the worker is plain JavaScript.
      execArgv: [],
      workerData: { texts, port: port2, signal, moduleUrls: resolveModuleUrls(), frontMatterKinds },
      transferList: [port2],
      resourceLimits: { maxYoungGenerationSizeMb: workerYoungGenerationMb },
      stdout: false,
      stderr: false,
    });
    // Errors reach us through the port; an exit or error event must not become an unhandled one.
    worker.on('error', () => {});
    worker.unref();
    return { worker, port: port1, signal };
  } catch {
    return undefined;
  }
}

/**
 * The worker's trees, or undefined when it failed, took too long, or made trees too deep to copy in here (lists
 * nested thousands deep overflow the stack of the copy): its parts are then parsed here.
 */
function awaitTrees({ worker, port, signal }: StartedWorker): Root[] | undefined {
  try {
    Atomics.wait(signal, 0, 0, workerTimeoutMs);
    const message = receiveMessageOnPort(port)?.message as { trees?: Root[]; error?: string } | undefined;
    return message?.trees;
  } catch {
    return undefined;
  } finally {
    port.close();
    void worker.terminate();
  }
}
