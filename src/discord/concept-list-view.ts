import { type APIButtonComponent, ButtonStyle, ComponentType, escapeMarkdown } from 'discord.js';
import { type Language, messagesFor } from '../i18n/locale.js';
import type { Concept, KnowledgeBase, NoteDocument } from '../kb/types.js';
import { formatConceptLabel } from '../search/format-concept-name.js';
import { conceptEmbedColor, createExplainButtons } from './concept-view.js';
import { discordLimits } from './discord-limits.js';
import { truncateText } from './discord-text.js';
import { arrangeButtons, createMessageView, type MessageView } from './message-view.js';

/** Page buttons `concepts:<noteId|*>:<page>` (page 0-based) carry everything, so paging survives a restart. */
export const conceptsButtonPrefix = 'concepts';
export const allNotesKey = '*';
/** Four rows of explain buttons, the fifth row is for paging. */
export const conceptsPerPage = 20;

interface ListedConcept {
  document: NoteDocument;
  concept: Concept;
  firstOfDocument: boolean;
}

function listConcepts(kb: KnowledgeBase, documents: readonly NoteDocument[]): ListedConcept[] {
  const listed: ListedConcept[] = [];
  for (const document of documents) {
    let first = true;
    for (const conceptId of document.conceptIds) {
      const concept = kb.getConcept(conceptId);
      if (!concept) continue;
      listed.push({ document, concept, firstOfDocument: first });
      first = false;
    }
  }
  return listed;
}

function pageButton(noteKey: string, page: number, label: string, disabled: boolean): APIButtonComponent {
  return { type: ComponentType.Button, style: ButtonStyle.Secondary, label, custom_id: `${conceptsButtonPrefix}:${noteKey}:${page}`, disabled };
}

/**
 * `/concepts`: every concept grouped by note, one page at a time, each with a button to open it. `noteId`
 * null = every note. A page out of range shows the nearest page (a list that shrank after a restart).
 */
export function buildConceptListView(kb: KnowledgeBase, options: { noteId: string | null; page: number }, language: Language): MessageView {
  const text = messagesFor(language);
  const documents = options.noteId === null ? kb.documents : kb.documents.filter((document) => document.id === options.noteId);
  const listed = listConcepts(kb, documents);
  if (listed.length === 0) {
    return createMessageView({ embeds: [{ color: conceptEmbedColor, title: text.concepts.title(0), description: text.concepts.empty }] });
  }

  const pageCount = Math.ceil(listed.length / conceptsPerPage);
  const page = Math.min(Math.max(0, Math.trunc(options.page) || 0), pageCount - 1);
  const onPage = listed.slice(page * conceptsPerPage, (page + 1) * conceptsPerPage);

  const lines: string[] = [];
  let currentDocument: NoteDocument | null = null;
  for (const entry of onPage) {
    if (entry.document !== currentDocument) {
      currentDocument = entry.document;
      if (lines.length > 0) lines.push('');
      const continued = entry.firstOfDocument ? '' : ` ${text.concepts.continued}`;
      const file = entry.document.file.replace(/`/g, 'ˋ');
      lines.push(`**${escapeMarkdown(truncateText(entry.document.title, 200))}** · \`${file}\`${continued}`);
    }
    lines.push(`• ${escapeMarkdown(formatConceptLabel(entry.concept))}`);
  }

  const components = arrangeButtons(
    createExplainButtons(
      onPage.map((entry) => entry.concept),
      { limit: conceptsPerPage },
    ),
  );
  if (pageCount > 1) {
    // The noteId may be too long for a custom id; paging then falls back to every note.
    const noteKey = options.noteId !== null && options.noteId.length <= 80 ? options.noteId : allNotesKey;
    components.push({
      type: ComponentType.ActionRow,
      components: [
        pageButton(noteKey, Math.max(0, page - 1), text.concepts.previous, page === 0),
        pageButton(noteKey, Math.min(pageCount - 1, page + 1), text.concepts.next, page === pageCount - 1),
      ],
    });
  }

  return createMessageView({
    embeds: [
      {
        color: conceptEmbedColor,
        title: truncateText(text.concepts.title(listed.length), discordLimits.embedTitle),
        description: truncateText(lines.join('\n'), discordLimits.embedDescription),
        ...(pageCount > 1 ? { footer: { text: text.concepts.page(page + 1, pageCount) } } : {}),
      },
    ],
    components,
  });
}
