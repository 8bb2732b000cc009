import type { RESTError, RESTErrorData, RESTErrorFieldInformation, RESTRateLimit } from 'discord-api-types/v10';

/** An answer other than 2xx; route code throws it and the server turns it into Discord's JSON error. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: RESTError | RESTRateLimit | { message: string; code: number; retry_after?: number; global?: boolean },
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${body.code ?? ''} ${body.message}`);
    this.name = 'ApiFailure';
  }
}

const knownMessages: Record<number, string> = {
  0: 'General error',
  10003: 'Unknown Channel',
  10004: 'Unknown Guild',
  10008: 'Unknown Message',
  10013: 'Unknown User',
  10015: 'Unknown Webhook',
  10062: 'Unknown interaction',
  10063: 'Unknown application command',
  40005: 'Request entity too large',
  40060: 'Interaction has already been acknowledged.',
  50001: 'Missing Access',
  50005: 'Cannot edit a message authored by another user',
  50006: 'Cannot send an empty message',
  50007: 'Cannot send messages to this user',
  50013: 'Missing Permissions',
  50027: 'Invalid Webhook Token',
  50033: 'Invalid Recipient(s)',
  50035: 'Invalid Form Body',
};

export function describeErrorCode(code: number): string {
  return knownMessages[code] ?? `Error ${code}`;
}

export function failWith(status: number, code: number, message = describeErrorCode(code)): never {
  throw new ApiFailure(status, { code, message });
}

/** Collects field errors into Discord's nested `errors` object (`{ embeds: { 0: { title: { _errors } } } }`). */
export class FormErrors {
  private readonly root: Record<string, unknown> = {};
  private count = 0;

  add(path: readonly (string | number)[], code: string, message: string): void {
    let node = this.root;
    for (const key of path) {
      const next = (node[String(key)] ??= {}) as Record<string, unknown>;
      node = next;
    }
    const list = (node._errors ??= []) as RESTErrorFieldInformation[];
    list.push({ code, message });
    this.count += 1;
  }

  get empty(): boolean {
    return this.count === 0;
  }

  /** Interaction callbacks nest the message under `data`, so their errors do too. */
  throwIfAny(prefix: readonly string[] = []): void {
    if (this.empty) return;
    let errors: Record<string, unknown> = this.root;
    for (const key of [...prefix].reverse()) errors = { [key]: errors };
    throw new ApiFailure(400, { code: 50035, message: 'Invalid Form Body', errors: errors as RESTErrorData });
  }
}
