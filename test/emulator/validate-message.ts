import { ButtonStyle, ComponentType, MessageFlags } from 'discord-api-types/v10';
import { FormErrors, failWith } from './api-errors.js';

/** Discord counts characters as code points, not UTF-16 units. */
export function countCharacters(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

type Json = Record<string, unknown>;
type Path = (string | number)[];

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isPresent = (value: unknown) => value !== undefined && value !== null;

function checkText(errors: FormErrors, path: Path, value: unknown, max: number, options: { required?: boolean } = {}) {
  if (!isPresent(value) || value === '') {
    if (options.required) errors.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
    return;
  }
  if (typeof value !== 'string') {
    errors.add(path, 'STRING_TYPE_CONVERT', 'Could not interpret value as string.');
    return;
  }
  if (countCharacters(value) > max) errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
}

function checkLength(errors: FormErrors, path: Path, value: unknown, min: number, max: number) {
  if (typeof value !== 'string') {
    errors.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
    return;
  }
  const length = countCharacters(value);
  if (length < min || length > max) errors.add(path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${max} in length.`);
}

function checkUrl(errors: FormErrors, path: Path, value: unknown) {
  if (!isPresent(value)) return;
  const ok = typeof value === 'string' && /^(https?|attachment):\/\/\S+$/.test(value);
  if (!ok) errors.add(path, 'URL_TYPE_INVALID_URL', 'Not a well formed URL.');
}

function embedCharacters(embed: Json): number {
  const texts: unknown[] = [embed.title, embed.description];
  if (isRecord(embed.footer)) texts.push(embed.footer.text);
  if (isRecord(embed.author)) texts.push(embed.author.name);
  if (Array.isArray(embed.fields)) for (const field of embed.fields) if (isRecord(field)) texts.push(field.name, field.value);
  return texts.reduce<number>((sum, text) => sum + (typeof text === 'string' ? countCharacters(text) : 0), 0);
}

function checkEmbeds(errors: FormErrors, embeds: unknown) {
  if (!isPresent(embeds)) return;
  if (!Array.isArray(embeds)) {
    errors.add(['embeds'], 'LIST_TYPE_CONVERT', 'Must be an array.');
    return;
  }
  if (embeds.length > 10) errors.add(['embeds'], 'BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.');
  let total = 0;
  embeds.forEach((embed, index) => {
    const at = ['embeds', index];
    if (!isRecord(embed)) {
      errors.add(at, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
      return;
    }
    total += embedCharacters(embed);
    checkText(errors, [...at, 'title'], embed.title, 256);
    checkText(errors, [...at, 'description'], embed.description, 4096);
    checkUrl(errors, [...at, 'url'], embed.url);
    if (isPresent(embed.color) && !(Number.isInteger(embed.color) && (embed.color as number) >= 0 && (embed.color as number) <= 0xffffff)) {
      errors.add([...at, 'color'], 'NUMBER_TYPE_MAX', 'int value should be less than or equal to 16777215.');
    }
    if (isPresent(embed.footer)) {
      const footer = isRecord(embed.footer) ? embed.footer : {};
      checkText(errors, [...at, 'footer', 'text'], footer.text, 2048, { required: true });
      checkUrl(errors, [...at, 'footer', 'icon_url'], footer.icon_url);
    }
    if (isPresent(embed.author)) {
      const author = isRecord(embed.author) ? embed.author : {};
      checkText(errors, [...at, 'author', 'name'], author.name, 256, { required: true });
      checkUrl(errors, [...at, 'author', 'url'], author.url);
      checkUrl(errors, [...at, 'author', 'icon_url'], author.icon_url);
    }
    for (const image of ['image', 'thumbnail'] as const) {
      if (isPresent(embed[image])) checkUrl(errors, [...at, image, 'url'], isRecord(embed[image]) ? embed[image].url : undefined);
    }
    if (isPresent(embed.fields)) {
      if (!Array.isArray(embed.fields)) errors.add([...at, 'fields'], 'LIST_TYPE_CONVERT', 'Must be an array.');
      else {
        if (embed.fields.length > 25) errors.add([...at, 'fields'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
        embed.fields.forEach((field, fieldIndex) => {
          const fieldAt = [...at, 'fields', fieldIndex];
          const record = isRecord(field) ? field : {};
          checkText(errors, [...fieldAt, 'name'], record.name, 256, { required: true });
          checkText(errors, [...fieldAt, 'value'], record.value, 1024, { required: true });
        });
      }
    }
  });
  if (total > 6000) errors.add(['embeds'], 'MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000');
}

const selectTypes = new Set<number>([
  ComponentType.StringSelect,
  ComponentType.UserSelect,
  ComponentType.RoleSelect,
  ComponentType.MentionableSelect,
  ComponentType.ChannelSelect,
]);

function checkCustomId(errors: FormErrors, path: Path, value: unknown, seen: Set<string>) {
  checkLength(errors, path, value, 1, 100);
  if (typeof value !== 'string') return;
  if (seen.has(value)) errors.add(path, 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated');
  seen.add(value);
}

function checkButton(errors: FormErrors, at: Path, button: Json, seen: Set<string>) {
  const style = button.style;
  if (typeof style !== 'number' || style < ButtonStyle.Primary || style > ButtonStyle.Premium) {
    errors.add([...at, 'style'], 'BASE_TYPE_CHOICES', 'Value must be one of {1, 2, 3, 4, 5, 6}.');
    return;
  }
  checkText(errors, [...at, 'label'], button.label, 80);
  if (style === ButtonStyle.Link) {
    if (!isPresent(button.url)) errors.add([...at, 'url'], 'BASE_TYPE_REQUIRED', 'This field is required');
    else checkUrl(errors, [...at, 'url'], button.url);
    if (isPresent(button.custom_id))
      errors.add([...at, 'custom_id'], 'BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED', 'A custom id is not allowed for link buttons');
  } else if (style !== ButtonStyle.Premium) {
    checkCustomId(errors, [...at, 'custom_id'], button.custom_id, seen);
  }
  if (style !== ButtonStyle.Premium && !isPresent(button.label) && !isPresent(button.emoji)) {
    errors.add(at, 'BUTTON_COMPONENT_INVALID_LABEL_OR_EMOJI', 'A label or an emoji is required');
  }
}

function checkSelect(errors: FormErrors, at: Path, select: Json, seen: Set<string>) {
  checkCustomId(errors, [...at, 'custom_id'], select.custom_id, seen);
  checkText(errors, [...at, 'placeholder'], select.placeholder, 150);
  if (select.type !== ComponentType.StringSelect) return;
  const options = select.options;
  if (!Array.isArray(options) || options.length < 1 || options.length > 25) {
    errors.add([...at, 'options'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 25 in length.');
    return;
  }
  options.forEach((option, index) => {
    const record = isRecord(option) ? option : {};
    checkLength(errors, [...at, 'options', index, 'label'], record.label, 1, 100);
    checkLength(errors, [...at, 'options', index, 'value'], record.value, 1, 100);
    checkText(errors, [...at, 'options', index, 'description'], record.description, 100);
  });
}

function checkComponents(errors: FormErrors, components: unknown, flags: number) {
  if (!isPresent(components)) return;
  if (!Array.isArray(components)) {
    errors.add(['components'], 'LIST_TYPE_CONVERT', 'Must be an array.');
    return;
  }
  // Components V2 layouts have their own, much larger rules; the bot does not use them.
  if (flags & MessageFlags.IsComponentsV2) return;
  if (components.length > 5) errors.add(['components'], 'BASE_TYPE_MAX_LENGTH', 'Must be 5 or fewer in length.');
  const seen = new Set<string>();
  components.forEach((row, rowIndex) => {
    const at = ['components', rowIndex];
    if (!isRecord(row) || row.type !== ComponentType.ActionRow) {
      errors.add([...at, 'type'], 'BASE_TYPE_CHOICES', 'Value must be one of {1}.');
      return;
    }
    const children = row.components;
    if (!Array.isArray(children) || children.length < 1 || children.length > 5) {
      errors.add([...at, 'components'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 5 in length.');
      return;
    }
    const hasSelect = children.some((child) => isRecord(child) && selectTypes.has(child.type as number));
    if (hasSelect && children.length > 1) {
      errors.add([...at, 'components'], 'COMPONENT_LAYOUT_WIDTH_EXCEEDED', 'The specified component exceeds the maximum width');
    }
    children.forEach((child, childIndex) => {
      const childAt = [...at, 'components', childIndex];
      if (!isRecord(child)) {
        errors.add(childAt, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
      } else if (child.type === ComponentType.Button) {
        checkButton(errors, childAt, child, seen);
      } else if (selectTypes.has(child.type as number)) {
        checkSelect(errors, childAt, child, seen);
      } else {
        errors.add([...childAt, 'type'], 'BASE_TYPE_CHOICES', 'Value must be one of {2, 3, 5, 6, 7, 8}.');
      }
    });
  });
}

const mentionKinds = ['users', 'roles', 'everyone'];

function checkAllowedMentions(errors: FormErrors, allowed: unknown) {
  if (!isPresent(allowed)) return;
  if (!isRecord(allowed)) {
    errors.add(['allowed_mentions'], 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
    return;
  }
  const parse = allowed.parse ?? [];
  if (!Array.isArray(parse)) errors.add(['allowed_mentions', 'parse'], 'LIST_TYPE_CONVERT', 'Must be an array.');
  else {
    parse.forEach((kind, index) => {
      if (!mentionKinds.includes(kind as string)) {
        errors.add(['allowed_mentions', 'parse', index], 'BASE_TYPE_CHOICES', "Value must be one of ('users', 'roles', 'everyone').");
      }
    });
  }
  for (const kind of ['users', 'roles'] as const) {
    const list = allowed[kind];
    if (!isPresent(list)) continue;
    if (!Array.isArray(list)) {
      errors.add(['allowed_mentions', kind], 'LIST_TYPE_CONVERT', 'Must be an array.');
      continue;
    }
    if (list.length > 100) errors.add(['allowed_mentions', kind], 'BASE_TYPE_MAX_LENGTH', 'Must be 100 or fewer in length.');
    if (list.length > 0 && Array.isArray(parse) && parse.includes(kind)) {
      errors.add(['allowed_mentions'], 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE', `parse:["${kind}"] and ${kind}: [ids...] are mutually exclusive.`);
    }
  }
}

const allowedFlags = MessageFlags.SuppressEmbeds | MessageFlags.Ephemeral | MessageFlags.SuppressNotifications | MessageFlags.IsComponentsV2;

/**
 * Checks one message body as Discord does for channel posts, webhook messages and interaction
 * responses. `prefix` nests the errors (`['data']` for interaction callbacks).
 */
export function validateMessageBody(body: unknown, options: { prefix?: string[]; partial?: boolean } = {}): void {
  const errors = new FormErrors();
  if (!isRecord(body)) {
    errors.add([], 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
    errors.throwIfAny(options.prefix);
    return;
  }
  const flags = typeof body.flags === 'number' ? body.flags : 0;
  checkText(errors, ['content'], body.content, 2000);
  checkEmbeds(errors, body.embeds);
  checkComponents(errors, body.components, flags);
  checkAllowedMentions(errors, body.allowed_mentions);
  if (isPresent(body.flags) && (typeof body.flags !== 'number' || (body.flags & ~allowedFlags) !== 0)) {
    errors.add(['flags'], 'MESSAGE_FLAGS_INVALID', 'Invalid message flags');
  }
  errors.throwIfAny(options.prefix);
}

/** A post's `nonce`: an integer or a string of at most 25 characters; `enforce_nonce` a boolean. */
export function validateNonce(body: Json): void {
  const errors = new FormErrors();
  const { nonce } = body;
  if (isPresent(nonce)) {
    if (typeof nonce === 'string') {
      if (countCharacters(nonce) > 25) errors.add(['nonce'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
    } else if (typeof nonce !== 'number' || !Number.isInteger(nonce)) {
      errors.add(['nonce'], 'STRING_TYPE_CONVERT', 'Could not interpret value as string.');
    }
  }
  if (isPresent(body.enforce_nonce) && typeof body.enforce_nonce !== 'boolean') {
    errors.add(['enforce_nonce'], 'BASE_TYPE_BOOLEAN', 'Must be either true or false.');
  }
  errors.throwIfAny();
}

/** What Discord answers when nothing would be visible: content, embeds, components, files, stickers and polls all empty. */
export function assertMessageNotEmpty(message: {
  content?: unknown;
  embeds?: unknown;
  components?: unknown;
  attachments?: unknown;
  sticker_ids?: unknown;
  poll?: unknown;
}): void {
  const nonEmpty = (value: unknown) => Array.isArray(value) && value.length > 0;
  const visible =
    (typeof message.content === 'string' && message.content.trim() !== '') ||
    nonEmpty(message.embeds) ||
    nonEmpty(message.components) ||
    nonEmpty(message.attachments) ||
    nonEmpty(message.sticker_ids) ||
    isPresent(message.poll);
  if (!visible) failWith(400, 50006);
}

/** Autocomplete results: at most 25 choices, names and string values 1-100 characters. */
export function validateAutocompleteChoices(data: unknown): void {
  const errors = new FormErrors();
  const choices = isRecord(data) ? data.choices : undefined;
  if (!Array.isArray(choices)) {
    errors.add(['choices'], 'BASE_TYPE_REQUIRED', 'This field is required');
  } else {
    if (choices.length > 25) errors.add(['choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
    choices.forEach((choice, index) => {
      const record = isRecord(choice) ? choice : {};
      checkLength(errors, ['choices', index, 'name'], record.name, 1, 100);
      if (typeof record.value === 'string') checkLength(errors, ['choices', index, 'value'], record.value, 1, 100);
      else if (typeof record.value !== 'number') errors.add(['choices', index, 'value'], 'BASE_TYPE_REQUIRED', 'This field is required');
      if (isRecord(record.name_localizations)) {
        for (const [locale, name] of Object.entries(record.name_localizations)) {
          checkLength(errors, ['choices', index, 'name_localizations', locale], name, 1, 100);
        }
      }
    });
  }
  errors.throwIfAny(['data']);
}

/** Modals: a title of at most 45 characters, a custom id, one to five rows. */
export function validateModal(data: unknown): void {
  const errors = new FormErrors();
  const record = isRecord(data) ? data : {};
  checkLength(errors, ['title'], record.title, 1, 45);
  checkLength(errors, ['custom_id'], record.custom_id, 1, 100);
  if (!Array.isArray(record.components) || record.components.length < 1 || record.components.length > 5) {
    errors.add(['components'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 5 in length.');
  }
  errors.throwIfAny(['data']);
}
