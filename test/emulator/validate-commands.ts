import { ApplicationCommandOptionType, ApplicationCommandType, Locale } from 'discord-api-types/v10';
import { FormErrors } from './api-errors.js';
import { countCharacters } from './validate-message.js';

type Json = Record<string, unknown>;
type Path = (string | number)[];

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const locales = new Set<string>(Object.values(Locale));
const chatInputName = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function checkName(errors: FormErrors, path: Path, name: unknown, chatInput: boolean) {
  if (typeof name !== 'string') {
    errors.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
    return;
  }
  if (!chatInput) {
    if (countCharacters(name) < 1 || countCharacters(name) > 32) errors.add(path, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 32 in length.');
    return;
  }
  // Discord rejects upper case wherever a lower-case form exists (Korean has none, so it passes).
  if (!chatInputName.test(name) || name !== name.toLowerCase()) {
    errors.add(path, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
  }
}

function checkDescription(errors: FormErrors, path: Path, description: unknown) {
  if (typeof description !== 'string' || countCharacters(description) < 1 || countCharacters(description) > 100) {
    errors.add(path, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
  }
}

function checkLocalizations(errors: FormErrors, path: Path, localizations: unknown, checkValue: (path: Path, value: unknown) => void) {
  if (localizations === undefined || localizations === null) return;
  if (!isRecord(localizations)) {
    errors.add(path, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
    return;
  }
  for (const [locale, value] of Object.entries(localizations)) {
    if (!locales.has(locale)) errors.add([...path, locale], 'LOCALE_INVALID', `Invalid Locale: ${locale}`);
    else if (value !== null) checkValue([...path, locale], value);
  }
}

function sizeOfOptions(options: unknown): number {
  if (!Array.isArray(options)) return 0;
  let size = 0;
  for (const option of options) {
    if (!isRecord(option)) continue;
    for (const text of [option.name, option.description]) if (typeof text === 'string') size += countCharacters(text);
    if (Array.isArray(option.choices)) {
      for (const choice of option.choices) {
        if (isRecord(choice)) size += countCharacters(String(choice.name ?? '')) + countCharacters(String(choice.value ?? ''));
      }
    }
    size += sizeOfOptions(option.options);
  }
  return size;
}

function checkOptions(errors: FormErrors, path: Path, options: unknown, depth: number) {
  if (options === undefined || options === null) return;
  if (!Array.isArray(options)) {
    errors.add(path, 'LIST_TYPE_CONVERT', 'Must be an array.');
    return;
  }
  if (options.length > 25) errors.add(path, 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  const names = new Set<string>();
  let sawOptional = false;
  options.forEach((option, index) => {
    const at = [...path, index];
    if (!isRecord(option)) {
      errors.add(at, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
      return;
    }
    const type = option.type;
    if (typeof type !== 'number' || type < ApplicationCommandOptionType.Subcommand || type > ApplicationCommandOptionType.Attachment) {
      errors.add([...at, 'type'], 'BASE_TYPE_CHOICES', 'Value must be one of {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}.');
      return;
    }
    checkName(errors, [...at, 'name'], option.name, true);
    checkDescription(errors, [...at, 'description'], option.description);
    checkLocalizations(errors, [...at, 'name_localizations'], option.name_localizations, (p, v) => checkName(errors, p, v, true));
    checkLocalizations(errors, [...at, 'description_localizations'], option.description_localizations, (p, v) => checkDescription(errors, p, v));
    if (typeof option.name === 'string') {
      if (names.has(option.name)) errors.add([...at, 'name'], 'APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS', 'Option names must be unique');
      names.add(option.name);
    }
    const isGroup = type === ApplicationCommandOptionType.SubcommandGroup;
    const isSubcommand = type === ApplicationCommandOptionType.Subcommand;
    if (isGroup || isSubcommand) {
      const allowedDepth = isGroup ? 0 : 1;
      if (depth > allowedDepth) errors.add([...at, 'type'], 'APPLICATION_COMMAND_OPTION_TYPE_INVALID', 'Sub-command nesting is too deep');
      if (isGroup && Array.isArray(option.options)) {
        option.options.forEach((child, childIndex) => {
          if (isRecord(child) && child.type !== ApplicationCommandOptionType.Subcommand) {
            errors.add([...at, 'options', childIndex, 'type'], 'APPLICATION_COMMAND_OPTION_TYPE_INVALID', 'Groups may only contain sub-commands');
          }
        });
      }
      checkOptions(errors, [...at, 'options'], option.options, depth + 1);
      return;
    }
    if (option.required === true && sawOptional) {
      errors.add(at, 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', 'Required options must be placed before non-required options');
    }
    if (option.required !== true) sawOptional = true;
    if (Array.isArray(option.choices)) {
      if (option.autocomplete === true) {
        errors.add([...at, 'autocomplete'], 'APPLICATION_COMMAND_AUTOCOMPLETE_INVALID', 'Autocomplete cannot be set when choices are present');
      }
      if (option.choices.length > 25) errors.add([...at, 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
      option.choices.forEach((choice, choiceIndex) => {
        const record = isRecord(choice) ? choice : {};
        const name = typeof record.name === 'string' ? countCharacters(record.name) : 0;
        if (name < 1 || name > 100)
          errors.add([...at, 'choices', choiceIndex, 'name'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
        if (typeof record.value === 'string' && countCharacters(record.value) > 100) {
          errors.add([...at, 'choices', choiceIndex, 'value'], 'BASE_TYPE_MAX_LENGTH', 'Must be 100 or fewer in length.');
        }
      });
    }
  });
}

/** One command as `POST/PUT /applications/.../commands` checks it; `path` places the errors in a bulk body. */
export function collectCommandErrors(errors: FormErrors, command: unknown, path: Path): void {
  if (!isRecord(command)) {
    errors.add(path, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
    return;
  }
  const type = command.type ?? ApplicationCommandType.ChatInput;
  const chatInput = type === ApplicationCommandType.ChatInput;
  checkName(errors, [...path, 'name'], command.name, chatInput);
  checkLocalizations(errors, [...path, 'name_localizations'], command.name_localizations, (p, v) => checkName(errors, p, v, chatInput));
  if (chatInput) {
    checkDescription(errors, [...path, 'description'], command.description);
    checkLocalizations(errors, [...path, 'description_localizations'], command.description_localizations, (p, v) => checkDescription(errors, p, v));
    checkOptions(errors, [...path, 'options'], command.options, 0);
    const size = countCharacters(String(command.name ?? '')) + countCharacters(String(command.description ?? '')) + sizeOfOptions(command.options);
    if (size > 8000) errors.add(path, 'APPLICATION_COMMAND_TOO_LARGE', 'Command exceeds maximum size (8000)');
  } else if (command.description !== undefined && command.description !== '') {
    errors.add([...path, 'description'], 'APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION', 'Context menu commands cannot have description');
  }
  const permissions = command.default_member_permissions;
  if (permissions !== undefined && permissions !== null && !(typeof permissions === 'string' && /^\d+$/.test(permissions))) {
    errors.add([...path, 'default_member_permissions'], 'NUMBER_TYPE_COERCE', `Value "${String(permissions)}" is not snowflake.`);
  }
}

export function validateCommandList(body: unknown): void {
  const errors = new FormErrors();
  if (!Array.isArray(body)) {
    errors.add([], 'LIST_TYPE_CONVERT', 'Must be an array.');
    errors.throwIfAny();
    return;
  }
  if (body.length > 100) errors.add([], 'BASE_TYPE_MAX_LENGTH', 'Must be 100 or fewer in length.');
  const seen = new Set<string>();
  body.forEach((command, index) => {
    collectCommandErrors(errors, command, [index]);
    if (isRecord(command) && typeof command.name === 'string') {
      const key = `${String(command.type ?? 1)}:${command.name}`;
      if (seen.has(key)) errors.add([index, 'name'], 'APPLICATION_COMMANDS_DUPLICATE_NAME', 'Application command names must be unique');
      seen.add(key);
    }
  });
  errors.throwIfAny();
}

export function validateCommand(body: unknown): void {
  const errors = new FormErrors();
  collectCommandErrors(errors, body, []);
  errors.throwIfAny();
}
