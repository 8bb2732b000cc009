import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { GatewayCloseCodes, GatewayDispatchEvents, GatewayOpcodes } from 'discord-api-types/v10';
import type { ApplicationFlags, GatewayReadyDispatchData, GatewayResumeData, GatewayIdentifyData } from 'discord-api-types/v10';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import type { World } from './world.js';

export interface GatewayLogEntry {
  /** `Date.now()` */
  readonly at: number;
  readonly kind: 'connect' | 'identify' | 'resume' | 'resume-rejected' | 'close' | 'reconnect-sent' | 'invalid-session-sent';
  readonly sessionId: string | undefined;
  /** Close code, for `close`. */
  readonly code?: number;
  /** Who closed, for `close`. */
  readonly by?: 'client' | 'emulator';
}

export interface GatewaySessionInfo {
  readonly id: string;
  readonly connected: boolean;
  readonly seq: number;
  readonly intents: number;
  readonly heartbeatsAcked: number;
}

interface Session {
  readonly id: string;
  readonly token: string;
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

  constructor(
    server: Server,
    private readonly options: GatewayOptions,
  ) {
    this.wss = new WebSocketServer({ server });
    this.wss.on('connection', (socket) => this.accept(socket));
  }

  /** Sends one event to every session that has identified (queued for those waiting to resume). */
  dispatch(event: GatewayDispatchEvents, data: unknown, requiredIntent?: number): number {
    let delivered = 0;
    for (const session of this.liveSessions()) {
      if (requiredIntent !== undefined && (session.intents & requiredIntent) === 0) continue;
      this.sendDispatch(session, event, data);
      delivered += 1;
    }
    return delivered;
  }

  hasSessions(): boolean {
    return this.liveSessions().length > 0;
  }

  sessionInfo(): GatewaySessionInfo[] {
    return this.liveSessions().map((session) => ({
      id: session.id,
      connected: session.socket !== undefined,
      seq: session.seq,
      intents: session.intents,
      heartbeatsAcked: session.heartbeatsAcked,
    }));
  }

  /** Close every open gateway socket; 4000/1001 let the client resume, 1000 makes it identify again. */
  closeAll(code: number, reason = ''): void {
    for (const connection of this.connections) {
      if (connection.session && sessionEndingCodes.has(code)) connection.session.invalid = true;
      this.record({ kind: 'close', sessionId: connection.session?.id, code, by: 'emulator' });
      connection.closedByEmulator = true;
      connection.socket.close(code, reason);
    }
  }

  sendReconnect(): void {
    for (const connection of this.connections) {
      if (!connection.session) continue;
      this.record({ kind: 'reconnect-sent', sessionId: connection.session.id });
      this.send(connection.socket, { op: GatewayOpcodes.Reconnect, d: null });
    }
  }

  invalidateSessions(resumable: boolean): void {
    for (const connection of this.connections) {
      if (!connection.session) continue;
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
      connection.closedByEmulator = true;
      this.record({ kind: 'close', sessionId: undefined, code: this.identifyCloseCode, by: 'emulator' });
      connection.socket.close(this.identifyCloseCode, GatewayCloseCodes[this.identifyCloseCode] ?? 'Rejected.');
      return;
    }
    const session: Session = {
      id: randomBytes(16).toString('hex'),
      token: data.token,
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
    this.record({ kind: 'identify', sessionId: session.id });
    const { world } = this.options;
    const ready: GatewayReadyDispatchData = {
      v: 10,
      user: world.bot,
      guilds: [...world.guilds.values()].map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.options.url(),
      ...(data.shard ? { shard: data.shard } : {}),
      application: { id: world.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
    };
    this.sendDispatch(session, GatewayDispatchEvents.Ready, ready);
    for (const guild of world.guilds.values()) this.sendDispatch(session, GatewayDispatchEvents.GuildCreate, world.toGuildCreate(guild));
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
    this.options.log(`gateway → ${event} s=${session.seq}`);
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
