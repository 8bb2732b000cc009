import type { APIAttachment } from 'discord-api-types/v10';
import { FormErrors } from './api-errors.js';
import type { EmulatorContext } from './context.js';
import { createSnowflake } from './ids.js';
import type { UploadedFile } from './rest-server.js';

export type MessageBody = Record<string, unknown>;

export function asMessageBody(body: unknown): MessageBody {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as MessageBody) : {};
}

/** Discord's limit on the attachments of one message. */
const maxAttachments = 10;
const filePartName = /^files\[([^\]]+)\]$/;

export interface AcceptedUploads {
  /** New attachments made from this request's `files[n]`, to add to the message. */
  readonly uploaded: APIAttachment[];
  /** The body with `attachments` holding only references to attachments the message already has. */
  readonly body: MessageBody;
}

/**
 * Checks a request's uploads against its `attachments` as Discord does and turns them into attachments.
 * Each file part is named `files[n]`; `n` is the placeholder id an `attachments[]` entry uses to describe it.
 * When the body lists `attachments`, the message ends up with exactly those: uploads it does not list are
 * not attached (Discord's documented edit rule), and an id that is neither an upload of this request nor an
 * attachment the message already has is 50035 ATTACHMENT_NOT_FOUND. Without `attachments`, every upload is added.
 */
export function acceptUploads(
  context: EmulatorContext,
  input: { files: readonly UploadedFile[]; body: MessageBody; channelId: string; existing?: readonly APIAttachment[]; prefix?: string[] },
): AcceptedUploads {
  const { files, body, channelId, existing = [], prefix = [] } = input;
  const errors = new FormErrors();
  const byPlaceholder = new Map<string, UploadedFile>();
  for (const file of files) {
    const placeholder = filePartName.exec(file.field)?.[1];
    if (placeholder === undefined) errors.add([file.field], 'FILE_FIELD_NAME_INVALID', 'File fields must be named files[n].');
    else if (byPlaceholder.has(placeholder)) errors.add([file.field], 'FILE_FIELD_NAME_DUPLICATED', 'File field names must be unique.');
    else byPlaceholder.set(placeholder, file);
  }

  const listed = body.attachments;
  const entries = Array.isArray(listed) ? (listed as unknown[]) : undefined;
  if (listed !== undefined && listed !== null && !entries) errors.add(['attachments'], 'LIST_TYPE_CONVERT', 'Must be an array.');
  const described = new Map<string, Record<string, unknown>>();
  const kept: Record<string, unknown>[] = [];
  entries?.forEach((entry, index) => {
    const record = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
    const id = record.id === undefined || record.id === null ? undefined : String(record.id);
    if (id !== undefined && byPlaceholder.has(id)) described.set(id, record);
    else if (id !== undefined && existing.some((attachment) => attachment.id === id)) kept.push(record);
    else errors.add(['attachments', index], 'ATTACHMENT_NOT_FOUND', 'Attachment data not found');
  });

  const attaching = entries ? [...described.keys()] : [...byPlaceholder.keys()];
  const total = (entries ? kept.length : existing.length) + attaching.length;
  if (total > maxAttachments) errors.add(['attachments'], 'BASE_TYPE_MAX_LENGTH', `Must be ${maxAttachments} or fewer in length.`);
  errors.throwIfAny(prefix);

  const uploaded = attaching.map((placeholder) => {
    const file = byPlaceholder.get(placeholder)!;
    const description = described.get(placeholder);
    const filename = typeof description?.filename === 'string' && description.filename !== '' ? description.filename : file.filename;
    return storeAttachment(context, channelId, file, filename, typeof description?.description === 'string' ? description.description : undefined);
  });
  return { uploaded, body: entries ? { ...body, attachments: kept } : body };
}

function storeAttachment(
  context: EmulatorContext,
  channelId: string,
  file: UploadedFile,
  filename: string,
  description: string | undefined,
): APIAttachment {
  const id = createSnowflake();
  const path = `attachments/${channelId}/${id}/${encodeURIComponent(filename)}`;
  context.world.files.set(id, { filename, contentType: file.contentType || undefined, bytes: file.bytes });
  return {
    id,
    filename,
    size: file.size,
    url: `${context.baseUrl()}/${path}`,
    proxy_url: `${context.baseUrl()}/media/${path}`,
    ...(file.contentType ? { content_type: file.contentType } : {}),
    ...pngDimensions(file.bytes),
    ...(description !== undefined ? { description } : {}),
  };
}

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Discord reports `width`/`height` for images; a PNG keeps them in its first (IHDR) chunk. */
function pngDimensions(bytes: Buffer): { width?: number; height?: number } {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(pngSignature) || bytes.toString('latin1', 12, 16) !== 'IHDR') return {};
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
