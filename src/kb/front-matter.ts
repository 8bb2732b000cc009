// Optional YAML front matter: what the text of a note cannot say (ids, extra aliases such as `k8s`).
import type { Yaml } from 'mdast';
import YAML, { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { KbProblem } from './types.js';

export interface FrontMatterEntry {
  /** A concept name or id (slug or full id), as the author wrote it. */
  key: string;
  values: string[];
  line: number;
}

export interface FrontMatter {
  id?: string;
  title?: string;
  /** `aliases: { kubernates: [k8s, Kubernetes] }` */
  aliases: FrontMatterEntry[];
  /** `ids: { 컨테이너: container-virtualization }`: pins a concept's id slug. */
  ids: FrontMatterEntry[];
}

export function emptyFrontMatter(): FrontMatter {
  return { aliases: [], ids: [] };
}

/** Never throws: a broken block is reported with its file line and ignored, the note still loads. */
export function readFrontMatter(node: Yaml, file: string): { frontMatter: FrontMatter; problems: KbProblem[] } {
  const frontMatter = emptyFrontMatter();
  const problems: KbProblem[] = [];
  // The YAML text starts on the line after the opening `---`.
  const firstLine = (node.position?.start.line ?? 1) + 1;
  const lineAt = (offset: number | undefined): number =>
    firstLine + (offset === undefined ? 0 : (node.value.slice(0, offset).match(/\n/g)?.length ?? 0));
  const warn = (line: number, message: string): void => {
    problems.push({ severity: 'warning', file, line, message });
  };

  const document = YAML.parseDocument(node.value, { prettyErrors: true, uniqueKeys: false });
  const error = document.errors[0];
  if (error) {
    const line = firstLine + (error.linePos?.[0].line ?? 1) - 1;
    // yaml's message counts lines from the block's start; the problem already carries the file line.
    const reason = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    warn(line, `front matter is not valid YAML and was ignored: ${reason}`);
    return { frontMatter, problems };
  }
  const root = document.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { frontMatter, problems };
  if (!isMap(root)) {
    warn(firstLine, 'front matter must be a mapping (key: value) and was ignored');
    return { frontMatter, problems };
  }

  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as YamlNode | null;
    const line = lineAt(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
    if (key === 'id' || key === 'title') {
      const text = isScalar(value) ? (scalarText(value.value) ?? '').trim() : '';
      if (text === '') warn(line, `front matter "${key}" must be a non-empty text`);
      else frontMatter[key] = text;
    } else if (key === 'aliases' || key === 'ids') {
      if (!isMap(value)) {
        warn(
          line,
          `front matter "${key}" must map a concept name or id to ${key === 'ids' ? 'an id' : 'a list of aliases'}, e.g. "${key === 'ids' ? 'ids: { 컨테이너: container }' : 'aliases: { kubernates: [k8s] }'}"`,
        );
        continue;
      }
      for (const entry of value.items) {
        const entryKey = isScalar(entry.key) ? (scalarText(entry.key.value) ?? '').trim() : '';
        const entryLine = lineAt(isScalar(entry.key) ? entry.key.range?.[0] : undefined);
        const values = readTexts(entry.value as YamlNode | null);
        if (entryKey === '' || values === null) {
          warn(entryLine, `front matter "${key}" entry "${entryKey}" must be ${key === 'ids' ? 'one id' : 'a text or a list of texts'}`);
          continue;
        }
        if (key === 'ids' && values.length !== 1) {
          warn(entryLine, `front matter "ids" entry "${entryKey}" must be one id`);
          continue;
        }
        frontMatter[key].push({ key: entryKey, values, line: entryLine });
      }
    }
    // Other keys (tags, date, …) belong to the author's tools; they are not our business.
  }
  return { frontMatter, problems };
}

function readTexts(node: YamlNode | null): string[] | null {
  const single = isScalar(node) ? scalarText(node.value) : null;
  if (single !== null) return [single.trim()].filter(Boolean);
  if (isSeq(node)) {
    const texts: string[] = [];
    for (const item of node.items) {
      const value = isScalar(item) ? scalarText(item.value) : null;
      if (value === null) return null;
      const text = value.trim();
      if (text !== '') texts.push(text);
    }
    return texts;
  }
  return null;
}

/** A YAML scalar as text: `k8s`, `42` and `true` are texts an author typed; a date, binary or null is not a name. */
function scalarText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return null;
}
