import fs from 'node:fs';
import type { Nodes } from 'mdast';
import path from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';
import { describe, expect, it } from 'vitest';
import { guardMarkdown } from '../../src/kb/guard-markdown.js';
import { parseMarkdown, splitAtTopLevelHeadings } from '../../src/kb/parse-markdown.js';
import { parallelParseMinChars, parsePartsInParallel } from '../../src/kb/parse-parts-in-parallel.js';
import { deepListNote, deepQuoteNote, largeProseNote, manyConceptsNote, oneLineNote } from '../bench/hostile-notes.js';

const fixturesDir = path.join(import.meta.dirname, '../fixtures');

function parseOnThisThread(markdown: string) {
  return fromMarkdown(markdown, { extensions: [frontmatter(['yaml'])], mdastExtensions: [frontmatterFromMarkdown(['yaml'])] });
}

/** How deep the tree goes, counted without recursion. */
function nestingOf(root: Nodes): number {
  let deepest = 0;
  const stack: [Nodes, number][] = [[root, 0]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, depth] = item;
    deepest = Math.max(deepest, depth);
    if ('children' in node) for (const child of node.children) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Every note under test/fixtures (good, broken, real and team notes), in a stable order. */
function fixtureNotes(): string[] {
  return fs
    .readdirSync(fixturesDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => fs.readFileSync(path.join(fixturesDir, file), 'utf8'));
}

describe('parsePartsInParallel', () => {
  it('makes in the worker the same trees as this thread, for every fixture note', () => {
    const notes = fixtureNotes();
    expect(notes.length).toBeGreaterThan(10);

    // A share of 1: the worker parses every note but the first.
    const parsed = parsePartsInParallel(notes, parseOnThisThread, { minChars: 0, workerShare: 1 });

    expect(parsed.parsedByWorker).toBe(notes.length - 1);
    expect(parsed.trees).toStrictEqual(notes.map(parseOnThisThread));
  });

  it('makes in the worker the same trees as this thread, for the hostile notes of the start-up bench', () => {
    const notes = [manyConceptsNote(300), largeProseNote(200_000), oneLineNote(100_000), deepListNote(2_000), deepQuoteNote(200)];
    // As the knowledge base reads them: nesting cut to a sane depth first.
    const guarded = notes.map((note) => guardMarkdown(note, 'hostile.md').markdown);
    const parts = guarded.flatMap((note) => splitAtTopLevelHeadings(note).map((part) => part.text));

    const parsed = parsePartsInParallel(parts, parseOnThisThread, { minChars: 0, workerShare: 1 });

    expect(parsed.parsedByWorker).toBe(parts.length - 1);
    expect(parsed.trees).toStrictEqual(parts.map(parseOnThisThread));
  });

  it('parses here what the worker made too deep to copy back: lists nested thousands deep', () => {
    const parts = [largeProseNote(10_000), deepListNote(2_000)];

    const parsed = parsePartsInParallel(parts, parseOnThisThread, { minChars: 0, workerShare: 1 });

    expect(parsed.parsedByWorker).toBe(0);
    expect(parsed.trees[0]).toStrictEqual(parseOnThisThread(parts[0]!));
    // Too deep for a recursive comparison: the nesting is walked with a loop.
    expect(nestingOf(parsed.trees[1]!)).toBe(nestingOf(parseOnThisThread(parts[1]!)));
    expect(nestingOf(parsed.trees[1]!)).toBeGreaterThan(2_000);
  });

  it('parses a usual note on this thread alone, without starting a worker', () => {
    const notes = fixtureNotes();

    const parsed = parsePartsInParallel(notes, parseOnThisThread);

    expect(notes.join('').length).toBeLessThan(parallelParseMinChars);
    expect(parsed.parsedByWorker).toBe(0);
    expect(parsed.trees).toStrictEqual(notes.map(parseOnThisThread));
  });

  it('gives a note big enough to share the same tree as one parse of the whole note', () => {
    const note = largeProseNote(parallelParseMinChars * 2);
    const parts = splitAtTopLevelHeadings(note).map((part) => part.text);

    expect(parsePartsInParallel(parts, parseOnThisThread).parsedByWorker).toBeGreaterThan(0);
    expect(parseMarkdown(note)).toStrictEqual(parseOnThisThread(note));
  });
});
