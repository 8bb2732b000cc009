import { type APIButtonComponent, type APIEmbed, type APIEmbedField, ButtonStyle, ComponentType, escapeMarkdown } from 'discord.js';
import { type Language, messagesFor } from '../i18n/locale.js';
import type { Messages } from '../i18n/messages.js';
import type { Concept, KnowledgeBase, NoteDocument, Reference } from '../kb/types.js';
import { formatConceptLabel } from '../search/format-concept-name.js';
import { discordLimits } from './discord-limits.js';
import { isWebUrl, maskedLink, quoteUserInput, splitText, toDiscordMarkdown, truncateText } from './discord-text.js';
import { arrangeButtons, createMessageView, type MessageView } from './message-view.js';

/** Buttons `explain:<conceptId>` open a concept; the id is all they need, so they keep working after a restart. */
export const explainButtonPrefix = 'explain';
export const conceptEmbedColor = 0x2496ed;
const maxRelatedButtons = 10;
const maxGuessButtons = 5;

/** A button that opens a concept, or null when its id cannot fit into a custom id. */
export function createExplainButton(
  concept: Concept,
  style: ButtonStyle.Primary | ButtonStyle.Secondary = ButtonStyle.Secondary,
): APIButtonComponent | null {
  const customId = `${explainButtonPrefix}:${concept.id}`;
  if (customId.length > discordLimits.customId) return null;
  return {
    type: ComponentType.Button,
    style,
    label: truncateText(formatConceptLabel(concept), discordLimits.buttonLabel),
    custom_id: customId,
  };
}

/** Buttons for concepts, skipping duplicates and `excludeId` (the concept on screen). */
export function createExplainButtons(
  concepts: readonly Concept[],
  options: { limit: number; excludeId?: string; highlightFirst?: boolean },
): APIButtonComponent[] {
  const { limit, excludeId, highlightFirst = false } = options;
  const seen = new Set<string>(excludeId ? [excludeId] : []);
  const buttons: APIButtonComponent[] = [];
  for (const concept of concepts) {
    if (buttons.length >= limit) break;
    if (seen.has(concept.id)) continue;
    seen.add(concept.id);
    const button = createExplainButton(concept, highlightFirst && buttons.length === 0 ? ButtonStyle.Primary : ButtonStyle.Secondary);
    if (button) buttons.push(button);
  }
  return buttons;
}

/** Items joined while they fit into `max` characters; the rest is replaced by `…`. */
function joinWithin(items: readonly string[], separator: string, max: number): string {
  let joined = '';
  for (const item of items) {
    const next = joined === '' ? item : joined + separator + item;
    if (next.length > max) return joined === '' ? truncateText(item, max) : truncateText(joined + separator + '…', max);
    joined = next;
  }
  return joined;
}

function formatReference(reference: Reference): string {
  if (reference.url && isWebUrl(reference.url)) {
    const label = reference.text
      .replace(reference.url, '')
      .replace(/\(\s*\)|<\s*>/g, '')
      .replace(/[\s:–—-]+$/, '')
      .trim();
    return `• ${maskedLink(truncateText(label || reference.url, 200), reference.url)}`;
  }
  return `• ${escapeMarkdown(truncateText(reference.text, 300))}`;
}

function buildFields(concept: Concept, document: NoteDocument | undefined, title: string, text: Messages): APIEmbedField[] {
  const fields: APIEmbedField[] = [];
  // The title already shows the names of the label; repeat only the others.
  const shown = new Set(title.split(/[()]/).map((part) => part.trim().toLowerCase()));
  const otherNames = [...new Set([...concept.names, ...concept.aliases])].filter((name) => !shown.has(name.trim().toLowerCase()));
  if (otherNames.length > 0) {
    fields.push({
      name: text.explain.otherNamesField,
      value: joinWithin(
        otherNames.map((name) => escapeMarkdown(name)),
        ', ',
        discordLimits.embedFieldValue,
      ),
    });
  }
  const location = locateConcept(concept, text);
  // A long title is cut, never the place in the note that follows it.
  const source = document ? `${escapeMarkdown(truncateText(document.title, 200))} · ${location}` : location;
  fields.push({ name: text.explain.sourceField, value: truncateText(source, discordLimits.embedFieldValue) });
  if (document && document.references.length > 0) {
    fields.push({
      name: text.explain.referencesField,
      value: joinWithin(document.references.map(formatReference), '\n', discordLimits.embedFieldValue),
    });
  }
  return fields;
}

/** Where the concept's heading is, so a reader (or the author) can open the note at that line. */
function locateConcept(concept: Concept, text: Messages): string {
  return text.explain.location(concept.location.file.replace(/`/g, 'ˋ'), concept.location.line);
}

/**
 * The body as one description when it fits; else split over several embeds while the message total
 * allows; else cut, ending with a note that says where the full text is.
 */
function fitDescription(body: string, budget: number, trimmedNote: string): string[] {
  const max = discordLimits.embedDescription;
  if (body === '') return [];
  if (body.length <= Math.min(max, budget)) return [body];
  const chunks = splitText(body, max);
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  if (total <= budget && chunks.length <= discordLimits.embedsPerMessage) return chunks;

  const suffix = `\n\n${trimmedNote}`;
  let room = budget - suffix.length;
  const fitted: string[] = [];
  for (const chunk of splitText(body, max - suffix.length)) {
    if (chunk.length <= room) {
      fitted.push(chunk);
      room -= chunk.length;
      continue;
    }
    // A sliver of a paragraph reads worse than an earlier cut.
    if (room >= 200) fitted.push(splitText(chunk, room)[0] ?? '');
    break;
  }
  if (fitted.length === 0) fitted.push('');
  fitted[fitted.length - 1] = (fitted[fitted.length - 1] + suffix).trim();
  return fitted;
}

/** `/explain` found a concept: its names, the explanation, image, source, references, and related concepts. */
export function buildConceptView(concept: Concept, kb: KnowledgeBase, language: Language): MessageView {
  const text = messagesFor(language);
  const document = kb.getDocument(concept.documentId);
  const title = truncateText(formatConceptLabel(concept), discordLimits.embedTitle);
  const fields = buildFields(concept, document, title, text);
  const footer = { text: truncateText(concept.id, discordLimits.embedFooter) };
  const imageUrl = concept.image && isWebUrl(concept.image.url) ? concept.image.url : undefined;
  const body = toDiscordMarkdown(concept.body, imageUrl ? { omitImageUrl: imageUrl } : {});

  const fixedLength = title.length + footer.text.length + fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  const descriptions = fitDescription(body, discordLimits.embedTotal - fixedLength, text.explain.trimmed(locateConcept(concept, text)));

  const embeds: APIEmbed[] = descriptions.map((description, index) => ({
    color: conceptEmbedColor,
    ...(index === 0 ? { title } : {}),
    ...(description === '' ? {} : { description }),
  }));
  if (embeds.length === 0) embeds.push({ color: conceptEmbedColor, title });
  const last = embeds[embeds.length - 1]!;
  if (fields.length > 0) last.fields = fields;
  if (imageUrl) last.image = { url: imageUrl };
  last.footer = footer;

  const related = concept.relatedIds.map((id) => kb.getConcept(id)).filter((found): found is Concept => found !== undefined);
  return createMessageView({
    embeds,
    components: arrangeButtons(createExplainButtons(related, { limit: maxRelatedButtons, excludeId: concept.id })),
  });
}

/** The best hit was only a guess: say so and let the user pick instead of answering wrongly. */
export function buildGuessView(candidates: readonly Concept[], query: string, language: Language): MessageView {
  return createMessageView({
    content: messagesFor(language).explain.guess(quoteUserInput(query)),
    components: arrangeButtons(createExplainButtons(candidates, { limit: maxGuessButtons, highlightFirst: true })),
  });
}

export function buildNotFoundView(query: string, conceptCount: number, language: Language): MessageView {
  const messages = messagesFor(language);
  // With no notes loaded, "browse all 0 concepts" would send the member looking; say what the operator must do.
  if (conceptCount === 0) return createMessageView({ content: messages.concepts.empty });
  return createMessageView({ content: messages.explain.notFound(quoteUserInput(query), conceptCount) });
}
