import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { GatewayCloseCodes, GatewayDispatchEvents, GatewayOpcodes } from 'discord-api-types/v10';
import type { ApplicationFlags, GatewayReadyDispatchData, GatewayResumeData, GatewayIdentifyData } from 'discord-api-types/v10';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { shardOfGuild } from './shards.js';
import type { World } from './world.js';

export interface GatewayLogEntry {
  /** `Date.now()` */
  readonly at: number;
  readonly kind: 'connect' | 'identify' | 'resume' | 'resume-rejected' | 'close' | 'reconnect-sent' | 'invalid-session-sent';
  readonly sessionId: string | undefined;
  /** The shard the session identified as (for `identify`, and for a refused identify's `close`). */
  readonly shardId?: number;
  /** Close code, for `close`. */
  readonly code?: number;
  /** Who closed, for `close`. */
  readonly by?: 'client' | 'emulator';
}

export interface GatewaySessionInfo {
  readonly id: string;
  /** `[shard_id, num_shards]` as identified (`[0, 1]` when the client sent none). */
  readonly shard: readonly [number, number];
  readonly connected: boolean;
  readonly seq: number;
  readonly intents: number;
  readonly heartbeatsAcked: number;
}

/** One shard of the bot as the emulator sees it: who serves it and what it was sent. */
export interface ShardInfo {
  readonly id: number;
  /** A session of this shard has an open socket. */
  readonly connected: boolean;
  /** Live sessions of this shard: connected ones and ones away but still resumable. */
  readonly sessionIds: readonly string[];
  /** Dispatches sent to this shard's sessions (READY, GUILD_CREATE, INTERACTION_CREATE, ...), one per session. */
  readonly dispatches: number;
  readonly dispatchesByEvent: Readonly<Record<string, number>>;
}

/** Where a dispatch goes: the shard of its guild (DMs, without a guild, go to shard 0), to sessions with the intent. */
export interface DispatchRoute {
  readonly guildId: string | undefined;
  readonly intent?: number;
}

interface Session {
  readonly id: string;
  readonly token: string;
  readonly shard: readonly [number, number];
  readonly intents: number;
  seq: number;
  heartbeatsAcked: number;
  socket: WebSocket | undefined;
  /** Sent dispatches kept for replay on resume. */
  readonly sent: { s: number; frame: string }[];
  disconnectedAt: number | undefined;
  invalid: boolean;
}

interface Connection {
  readonly socket: WebSocket;
  session: Session | undefined;
  closedByEmulator: boolean;
}

export interface GatewayOptions {
  world: World;
  token: string | undefined;
  /** Every identify must carry `[id, shardCount]` with `id < shardCount` (none counts as `[0, 1]`). */
  shardCount: number;
  /** Refuse (close 4010) an identify of a shard that already has a connected session. */
  refuseDuplicateShards: boolean;
  heartbeatIntervalMs: number;
  url(): string;
  changed(): void;
  log(line: string): void;
}

const replayLimit = 1_000;
const resumeWindowMs = 5 * 60_000;
/** Closing with these ends the session on Discord's side: the client must identify anew. */
const sessionEndingCodes = new Set<number>([
  1000,
  GatewayCloseCodes.AuthenticationFailed,
  GatewayCloseCodes.InvalidSeq,
  GatewayCloseCodes.SessionTimedOut,
  GatewayCloseCodes.InvalidShard,
  GatewayCloseCodes.ShardingRequired,
  GatewayCloseCodes.InvalidAPIVersion,
  GatewayCloseCodes.InvalidIntents,
  GatewayCloseCodes.DisallowedIntents,
]);

/** The WebSocket half of the emulator: hello, identify, READY + GUILD_CREATE, heartbeats, resume, dispatch. */
export class Gateway {
  readonly log: GatewayLogEntry[] = [];
  private readonly wss: WebSocketServer;
  private readonly connections = new Set<Connection>();
  private readonly sessions = new Map<string, Session>();
  private identifyCloseCode: number | undefined;
  private readonly dispatchCounts = new Map<number, Map<string, number>>();

  constructor(
    server: Server,
    private readonly options: GatewayOptions,
  ) {
    this.wss = new WebSocketServer({ server });
    this.wss.on('connection', (socket) => this.accept(socket));
  }

  /**
   * Sends one event to every session of the shard that owns `route.guildId` (shard 0 for DMs) that asked for
   * `route.intent`; queued for sessions waiting to resume. Returns how many sessions it was sent to.
   */
  dispatch(event: GatewayDispatchEvents, data: unknown, route: DispatchRoute): number {
    const shardId = this.shardOf(route.guildId);
    let delivered = 0;
    for (const session of this.liveSessions()) {
      if (session.shard[0] !== shardId) continue;
      if (route.intent !== undefined && (session.intents & route.intent) === 0) continue;
      this.sendDispatch(session, event, data);
      delivered += 1;
    }
    return delivered;
  }

  /** The shard that hears a guild's events; DMs (no guild) are Discord's shard 0. */
  shardOf(guildId: string | undefined): number {
    return guildId === undefined ? 0 : shardOfGuild(guildId, this.options.shardCount);
  }

  /** Whether any live session (connected, or away but resumable) serves `shardId`, or any shard when omitted. */
  hasSessions(shardId?: number): boolean {
    return this.liveSessions().some((session) => shardId === undefined || session.shard[0] === shardId);
  }

  shardInfo(): ShardInfo[] {
    const sessions = this.liveSessions();
    return Array.from({ length: this.options.shardCount }, (_, id) => {
      const own = sessions.filter((session) => session.shard[0] === id);
      const byEvent = Object.fromEntries(this.dispatchCounts.get(id) ?? []);
      return {
        id,
        connected: own.some((session) => session.socket !== undefined),
        sessionIds: own.map((session) => session.id),
        dispatches: Object.values(byEvent).reduce((sum, count) => sum + count, 0),
        dispatchesByEvent: byEvent,
      };
    });
  }

  sessionInfo(): GatewaySessionInfo[] {
    return this.liveSessions().map((session) => ({
      id: session.id,
      shard: session.shard,
      connected: session.socket !== undefined,
      seq: session.seq,
      intents: session.intents,
      heartbeatsAcked: session.heartbeatsAcked,
    }));
  }

  /**
   * Close every open gateway socket (only those identified as `shardId` when given); 4000/1001 let the client
   * resume, 1000 makes it identify again.
   */
  closeAll(code: number, reason = '', shardId?: number): void {
    for (const connection of this.connections) {
      if (!this.servesShard(connection, shardId)) continue;
      if (connection.session && sessionEndingCodes.has(code)) connection.session.invalid = true;
      this.record({ kind: 'close', sessionId: connection.session?.id, code, by: 'emulator' });
      connection.closedByEmulator = true;
      connection.socket.close(code, reason);
    }
  }

  sendReconnect(shardId?: number): void {
    for (const connection of this.connections) {
      if (!connection.session || !this.servesShard(connection, shardId)) continue;
      this.record({ kind: 'reconnect-sent', sessionId: connection.session.id });
      this.send(connection.socket, { op: GatewayOpcodes.Reconnect, d: null });
    }
  }

  invalidateSessions(resumable: boolean, shardId?: number): void {
    for (const connection of this.connections) {
      if (!connection.session || !this.servesShard(connection, shardId)) continue;
      if (!resumable) connection.session.invalid = true;
      this.record({ kind: 'invalid-session-sent', sessionId: connection.session.id });
      this.send(connection.socket, { op: GatewayOpcodes.InvalidSession, d: resumable });
    }
  }

  /** From now on every identify is answered by closing the socket with `code` (4004: Discord refuses the token). */
  rejectIdentify(code: number | undefined): void {
    this.identifyCloseCode = code;
  }

  async close(): Promise<void> {
    // Terminate first: wss.close() alone waits for clients that may never close.
    for (const connection of this.connections) connection.socket.terminate();
    this.connections.clear();
    this.sessions.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private servesShard(connection: Connection, shardId: number | undefined): boolean {
    return shardId === undefined || connection.session?.shard[0] === shardId;
  }

  private liveSessions(): Session[] {
    const now = Date.now();
    for (const session of this.sessions.values()) {
      const expired = session.disconnectedAt !== undefined && now - session.disconnectedAt > resumeWindowMs;
      if (session.invalid || expired) this.sessions.delete(session.id);
    }
    return [...this.sessions.values()];
  }

  private accept(socket: WebSocket): void {
    const connection: Connection = { socket, session: undefined, closedByEmulator: false };
    this.connections.add(connection);
    this.record({ kind: 'connect', sessionId: undefined });
    socket.on('message', (raw) => this.receive(connection, raw.toString()));
    socket.on('close', (code) => {
      this.connections.delete(connection);
      const session = connection.session;
      if (session && session.socket === socket) {
        session.socket = undefined;
        session.disconnectedAt = Date.now();
        // A client closing with 1000/1001 ends its session, as on Discord; other codes keep it resumable.
        if (!connection.closedByEmulator && (code === 1000 || code === 1001)) session.invalid = true;
      }
      if (!connection.closedByEmulator) this.record({ kind: 'close', sessionId: session?.id, code, by: 'client' });
    });
    socket.on('error', () => socket.terminate());
    this.send(socket, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs } });
  }

  private receive(connection: Connection, text: string): void {
    let payload: { op?: unknown; d?: unknown };
    try {
      payload = JSON.parse(text) as { op?: unknown; d?: unknown };
    } catch {
      connection.socket.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        this.send(connection.socket, { op: GatewayOpcodes.HeartbeatAck });
        if (connection.session) connection.session.heartbeatsAcked += 1;
        return;
      case GatewayOpcodes.Identify:
        this.identify(connection, payload.d as GatewayIdentifyData);
        return;
      case GatewayOpcodes.Resume:
        this.resume(connection, payload.d as GatewayResumeData);
        return;
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestGuildMembers:
        if (!connection.session) connection.socket.close(GatewayCloseCodes.NotAuthenticated, 'Not authenticated.');
        return;
      default:
        connection.socket.close(GatewayCloseCodes.UnknownOpcode, 'Unknown opcode.');
    }
  }

  private identify(connection: Connection, data: GatewayIdentifyData): void {
    if (connection.session) {
      connection.socket.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
      return;
    }
    if (this.options.token !== undefined && data.token !== this.options.token) {
      connection.socket.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return;
    }
    if (this.identifyCloseCode !== undefined) {
      this.refuse(connection, this.identifyCloseCode, GatewayCloseCodes[this.identifyCloseCode] ?? 'Rejected.');
      return;
    }
    const shard: readonly [number, number] = data.shard ? [Number(data.shard[0]), Number(data.shard[1])] : [0, 1];
    const refusal = this.shardRefusal(shard);
    if (refusal) {
      this.refuse(connection, refusal.code, refusal.reason, shard[0]);
      return;
    }
    const session: Session = {
      id: randomBytes(16).toString('hex'),
      token: data.token,
      shard,
      intents: Number(data.intents ?? 0),
      seq: 0,
      heartbeatsAcked: 0,
      socket: connection.socket,
      sent: [],
      disconnectedAt: undefined,
      invalid: false,
    };
    this.sessions.set(session.id, session);
    connection.session = session;
    this.record({ kind: 'identify', sessionId: session.id, shardId: shard[0] });
    const { world } = this.options;
    // A shard hears only its own guilds: READY lists them, and a GUILD_CREATE follows for each.
    const guilds = [...world.guilds.values()].filter((guild) => this.shardOf(guild.id) === shard[0]);
    const ready: GatewayReadyDispatchData = {
      v: 10,
      user: world.bot,
      guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.options.url(),
      ...(data.shard ? { shard: data.shard } : {}),
      application: { id: world.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
    };
    this.sendDispatch(session, GatewayDispatchEvents.Ready, ready);
    for (const guild of guilds) this.sendDispatch(session, GatewayDispatchEvents.GuildCreate, world.toGuildCreate(guild));
  }

  /**
   * Discord closes 4010 for a shard id outside `0..num_shards-1` and 4011 when the session would hold too many
   * guilds; here the emulator's `shardCount` is the deployment's count, so fewer shards is 4011 and more is 4010.
   * A shard that already has a connected session is refused with 4010 when `refuseDuplicateShards` is on.
   */
  private shardRefusal([shardId, count]: readonly [number, number]): { code: number; reason: string } | undefined {
    const expected = this.options.shardCount;
    if (!Number.isInteger(count) || !Number.isInteger(shardId) || count < 1 || shardId < 0 || shardId >= count) {
      return { code: GatewayCloseCodes.InvalidShard, reason: 'Invalid shard.' };
    }
    if (count < expected) return { code: GatewayCloseCodes.ShardingRequired, reason: 'Sharding required.' };
    if (count > expected) return { code: GatewayCloseCodes.InvalidShard, reason: 'Invalid shard.' };
    const taken = this.liveSessions().some((session) => session.shard[0] === shardId && session.socket !== undefined);
    if (taken && this.options.refuseDuplicateShards) return { code: GatewayCloseCodes.InvalidShard, reason: 'Invalid shard.' };
    return undefined;
  }

  private refuse(connection: Connection, code: number, reason: string, shardId?: number): void {
    connection.closedByEmulator = true;
    this.record({ kind: 'close', sessionId: undefined, code, by: 'emulator', ...(shardId === undefined ? {} : { shardId }) });
    connection.socket.close(code, reason);
  }

  private resume(connection: Connection, data: GatewayResumeData): void {
    const session = this.liveSessions().find((candidate) => candidate.id === data.session_id);
    // After op 9 (resumable) discord.js resumes on the same socket; a socket of another session may not.
    if (!session || session.token !== data.token || (connection.session && connection.session !== session)) {
      this.record({ kind: 'resume-rejected', sessionId: data.session_id });
      this.send(connection.socket, { op: GatewayOpcodes.InvalidSession, d: false });
      return;
    }
    const previous = session.socket;
    if (previous && previous !== connection.socket) previous.terminate();
    session.socket = connection.socket;
    session.disconnectedAt = undefined;
    connection.session = session;
    this.record({ kind: 'resume', sessionId: session.id });
    // Everything the client missed while away, in order, then RESUMED.
    for (const missed of session.sent) if (missed.s > data.seq) connection.socket.send(missed.frame);
    this.sendDispatch(session, GatewayDispatchEvents.Resumed, {});
  }

  private sendDispatch(session: Session, event: GatewayDispatchEvents, data: unknown): void {
    session.seq += 1;
    const frame = JSON.stringify({ op: GatewayOpcodes.Dispatch, t: event, s: session.seq, d: data });
    session.sent.push({ s: session.seq, frame });
    if (session.sent.length > replayLimit) session.sent.shift();
    if (session.socket?.readyState === 1) session.socket.send(frame);
    const counts = this.dispatchCounts.get(session.shard[0]) ?? new Map<string, number>();
    counts.set(event, (counts.get(event) ?? 0) + 1);
    this.dispatchCounts.set(session.shard[0], counts);
    this.options.log(`gateway → ${event} s=${session.seq} shard ${session.shard[0]}`);
  }

  private send(socket: WebSocket, payload: unknown): void {
    if (socket.readyState === 1) socket.send(JSON.stringify(payload));
  }

  private record(entry: Omit<GatewayLogEntry, 'at'>): void {
    this.log.push({ at: Date.now(), ...entry });
    this.options.log(`gateway ${entry.kind}${entry.code ? ` ${entry.code}` : ''}`);
    this.options.changed();
  }
}
