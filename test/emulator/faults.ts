import { describeErrorCode } from './api-errors.js';

export interface FaultSpec {
  /** Any method when omitted. */
  method?: string;
  /** Matched against the decoded route after `/api/v10`, without the query: `/channels/123/messages`. */
  path: RegExp | string;
  /** Required unless `hang` or `delayMs` is set. */
  status?: number;
  /** Discord's JSON error code, e.g. 50013, 10003, 10008. */
  code?: number;
  message?: string;
  /** For 429: the `Retry-After` header (seconds, may be fractional) and the body's `retry_after`. */
  retryAfterSeconds?: number;
  /** For 429: a global limit (adds `X-RateLimit-Global`). */
  global?: boolean;
  /** How many matching requests fail; default 1, `Infinity` for all. */
  times?: number;
  /** Never answer: the client must give up after its `rest.timeout`. */
  hang?: boolean;
  /** Answer normally, but only after this long. */
  delayMs?: number;
  /**
   * The request takes effect (a post is created, an edit applied) and the client gets the fault instead of the
   * answer: Discord did the work, the bot never heard. With `status` (e.g. 500) or `hang`.
   */
  afterEffect?: boolean;
}

export interface FaultHandle {
  readonly hits: number;
  readonly remaining: number;
  remove(): void;
}

export type FaultAction = (
  | { kind: 'hang' }
  | { kind: 'delay'; ms: number }
  | { kind: 'respond'; status: number; body: Record<string, unknown>; headers: Record<string, string> }
) & { afterEffect: boolean };

interface ActiveFault {
  spec: FaultSpec;
  hits: number;
  remaining: number;
}

const statusMessages: Record<number, string> = {
  400: '400: Bad Request',
  401: '401: Unauthorized',
  403: '403: Forbidden',
  404: '404: Not Found',
  405: '405: Method Not Allowed',
  500: '500: Internal Server Error',
  502: '502: Bad Gateway',
  503: '503: Service Unavailable',
  504: '504: Gateway Timeout',
};

export class FaultRegistry {
  private faults: ActiveFault[] = [];

  add(spec: FaultSpec): FaultHandle {
    if (!spec.hang && spec.status === undefined && spec.delayMs === undefined) {
      throw new Error('injectFault needs a status, hang: true or delayMs');
    }
    if (spec.afterEffect && !spec.hang && spec.status === undefined) throw new Error('injectFault afterEffect needs a status or hang: true');
    const fault: ActiveFault = { spec, hits: 0, remaining: spec.times ?? 1 };
    this.faults.push(fault);
    return {
      get hits() {
        return fault.hits;
      },
      get remaining() {
        return fault.remaining;
      },
      remove: () => {
        this.faults = this.faults.filter((candidate) => candidate !== fault);
      },
    };
  }

  clear(): void {
    this.faults = [];
  }

  /** The first live fault matching this request, consumed by one. */
  take(method: string, path: string): FaultAction | undefined {
    const fault = this.faults.find(
      (candidate) =>
        candidate.remaining > 0 &&
        (candidate.spec.method === undefined || candidate.spec.method.toUpperCase() === method) &&
        (typeof candidate.spec.path === 'string' ? candidate.spec.path === path : candidate.spec.path.test(path)),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    fault.hits += 1;
    const { spec } = fault;
    const afterEffect = spec.afterEffect ?? false;
    if (spec.hang) return { kind: 'hang', afterEffect };
    if (spec.status === undefined) return { kind: 'delay', ms: spec.delayMs ?? 0, afterEffect };
    return { kind: 'respond', ...describeFault(spec, spec.status), afterEffect };
  }
}

function describeFault(spec: FaultSpec, status: number): { status: number; body: Record<string, unknown>; headers: Record<string, string> } {
  if (status === 429) {
    const retryAfter = spec.retryAfterSeconds ?? 1;
    const headers: Record<string, string> = {
      'Retry-After': String(retryAfter),
      'X-RateLimit-Limit': '5',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset-After': String(retryAfter),
      'X-RateLimit-Reset': String((Date.now() + retryAfter * 1000) / 1000),
      'X-RateLimit-Scope': spec.global ? 'global' : 'user',
    };
    if (spec.global) headers['X-RateLimit-Global'] = 'true';
    return {
      status,
      headers,
      body: { message: spec.message ?? 'You are being rate limited.', retry_after: retryAfter, global: spec.global ?? false, code: spec.code ?? 0 },
    };
  }
  const code = spec.code ?? 0;
  const message = spec.message ?? (code === 0 ? (statusMessages[status] ?? `${status}`) : describeErrorCode(code));
  return { status, headers: {}, body: { message, code } };
}
