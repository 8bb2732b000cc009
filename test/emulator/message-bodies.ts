import type { APIAttachment } from 'discord-api-types/v10';
import { createSnowflake } from './ids.js';
import type { UploadedFile } from './rest-server.js';

export type MessageBody = Record<string, unknown>;

export function asMessageBody(body: unknown): MessageBody {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as MessageBody) : {};
}

/** Uploaded `files[n]` become attachments; `attachments[].description` from the body is kept. */
export function toAttachments(files: readonly UploadedFile[], body: MessageBody, channelId: string): APIAttachment[] {
  const described = Array.isArray(body.attachments) ? (body.attachments as { id?: unknown; description?: unknown }[]) : [];
  return files.map((file, index) => {
    const id = createSnowflake();
    const description = described.find((attachment) => String(attachment.id) === String(index))?.description;
    return {
      id,
      filename: file.filename,
      size: file.size,
      url: `https://cdn.discordapp.com/attachments/${channelId}/${id}/${encodeURIComponent(file.filename)}`,
      proxy_url: `https://media.discordapp.net/attachments/${channelId}/${id}/${encodeURIComponent(file.filename)}`,
      ...(file.contentType ? { content_type: file.contentType } : {}),
      ...(typeof description === 'string' ? { description } : {}),
    };
  });
}

/** Attachments referenced by a new body that are not uploads of this request are references to kept ones. */
export function keptAttachmentBody(body: MessageBody, files: readonly UploadedFile[]): MessageBody {
  if (!Array.isArray(body.attachments) || files.length === 0) return body;
  const uploadedIndexes = new Set(files.map((_, index) => String(index)));
  return { ...body, attachments: (body.attachments as { id?: unknown }[]).filter((attachment) => !uploadedIndexes.has(String(attachment.id))) };
}
