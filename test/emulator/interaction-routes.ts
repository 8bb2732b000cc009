import { GatewayDispatchEvents, InteractionResponseType, InteractionType, MessageFlags, MessageType } from 'discord-api-types/v10';
import type { APIInteractionResponse, RESTPostAPIInteractionCallbackWithResponseResult } from 'discord-api-types/v10';
import { ApiFailure, FormErrors, failWith } from './api-errors.js';
import { deleteStoredMessage, editStoredMessage, messageEvent, messageRoute } from './channel-routes.js';
import type { EmulatorContext } from './context.js';
import { acceptUploads, asMessageBody } from './message-bodies.js';
import type { Route, RouteContext, RouteResult } from './rest-server.js';
import { assertMessageNotEmpty, validateAutocompleteChoices, validateMessageBody, validateModal } from './validate-message.js';
import type { InteractionRecord, StoredMessage } from './world.js';

/** Which callback types Discord accepts for which interaction types. */
const allowedCallbacks: Record<number, readonly number[]> = {
  [InteractionType.ApplicationCommand]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.Modal,
  ],
  [InteractionType.MessageComponent]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
    InteractionResponseType.Modal,
  ],
  [InteractionType.ApplicationCommandAutocomplete]: [InteractionResponseType.ApplicationCommandAutocompleteResult],
  [InteractionType.ModalSubmit]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
  ],
};

/** Interaction callbacks, and the interaction webhook: edit/fetch/delete the original, follow-ups. */
export function createInteractionRoutes(context: EmulatorContext): Route[] {
  const { world } = context;

  const announce = (stored: StoredMessage) => {
    if (stored.ephemeral) return;
    context.dispatch(GatewayDispatchEvents.MessageCreate, messageEvent(stored), messageRoute(stored));
  };

  const callback = ({ params, body, query, files }: RouteContext): RouteResult => {
    const interaction = world.interactions.get(params.interactionId ?? '');
    const afterMs = interaction ? context.now() - interaction.dispatchedAt : 0;
    const attempt = (status: number, code?: number) => {
      interaction?.attempts.push({ afterMs, status, code, body });
      world.notify();
    };
    try {
      if (!interaction || interaction.token !== params.token) failWith(404, 10062);
      if (interaction.response) failWith(400, 40060);
      if (afterMs > context.settings.interactionTimeoutMs) failWith(404, 10062);
      const response = body as APIInteractionResponse;
      acknowledge(interaction, response, files);
      interaction.response = response;
      interaction.ackMs = afterMs;
      const result: RouteResult =
        query.get('with_response') === 'true' ? { status: 200, body: describeCallback(interaction, response) } : { status: 204 };
      attempt(result.status);
      return result;
    } catch (error) {
      if (error instanceof ApiFailure) attempt(error.status, error.body.code);
      throw error;
    }
  };

  const acknowledge = (interaction: InteractionRecord, response: APIInteractionResponse, files: RouteContext['files']) => {
    const payloadType = interaction.payload.type;
    const type = (response as { type?: unknown }).type;
    if (typeof type !== 'number' || !(allowedCallbacks[payloadType] ?? []).includes(type)) {
      const errors = new FormErrors();
      errors.add(
        ['type'],
        'INTERACTION_RESPONSE_TYPE_INVALID',
        `Interaction callback type ${String(type)} is not valid for interaction type ${payloadType}`,
      );
      errors.throwIfAny();
    }
    const data = asMessageBody((response as { data?: unknown }).data);
    const channel = world.messageChannel(interaction.channelId);
    if (!channel) return failWith(404, 10003);
    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource: {
        validateMessageBody(data, { prefix: ['data'] });
        const { uploaded, body: kept } = acceptUploads(context, { files, body: data, channelId: channel.id, prefix: ['data'] });
        assertMessageNotEmpty({ ...data, attachments: uploaded });
        const messageType = payloadType === InteractionType.ApplicationCommand ? MessageType.ChatInputCommand : MessageType.Default;
        const stored = world.createMessage({ channel, body: kept, attachments: uploaded, type: messageType, interactionId: interaction.id });
        interaction.originalMessageId = stored.message.id;
        announce(stored);
        return;
      }
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        const flags = (typeof data.flags === 'number' ? data.flags : 0) & MessageFlags.Ephemeral;
        const messageType = payloadType === InteractionType.ApplicationCommand ? MessageType.ChatInputCommand : MessageType.Default;
        const stored = world.createMessage({
          channel,
          body: {},
          attachments: [],
          type: messageType,
          interactionId: interaction.id,
          flags: flags | MessageFlags.Loading,
        });
        interaction.originalMessageId = stored.message.id;
        announce(stored);
        return;
      }
      case InteractionResponseType.DeferredMessageUpdate:
        interaction.originalMessageId = interaction.sourceMessageId;
        return;
      case InteractionResponseType.UpdateMessage: {
        const source = world.messages.get(interaction.sourceMessageId ?? '');
        if (!source || source.deleted) return failWith(404, 10008);
        validateMessageBody(data, { prefix: ['data'] });
        const uploads = acceptUploads(context, { files, body: data, channelId: channel.id, existing: source.message.attachments, prefix: ['data'] });
        editStoredMessage(context, source, data, uploads);
        interaction.originalMessageId = source.message.id;
        return;
      }
      case InteractionResponseType.ApplicationCommandAutocompleteResult:
        validateAutocompleteChoices(data);
        return;
      case InteractionResponseType.Modal:
        validateModal(data);
        return;
      default:
        return;
    }
  };

  const describeCallback = (interaction: InteractionRecord, response: APIInteractionResponse): RESTPostAPIInteractionCallbackWithResponseResult => {
    const original = world.messages.get(interaction.originalMessageId ?? '');
    const createsMessage =
      response.type === InteractionResponseType.ChannelMessageWithSource || response.type === InteractionResponseType.UpdateMessage;
    return {
      interaction: {
        id: interaction.id,
        type: interaction.payload.type,
        ...(original
          ? {
              response_message_id: original.message.id,
              response_message_loading: ((original.message.flags ?? 0) & MessageFlags.Loading) !== 0,
              response_message_ephemeral: original.ephemeral,
            }
          : {}),
      },
      ...(createsMessage && original
        ? { resource: { type: response.type, message: original.message } }
        : response.type === InteractionResponseType.DeferredChannelMessageWithSource
          ? { resource: { type: response.type } }
          : {}),
    };
  };

  /** The interaction webhook lives from the first response until 15 minutes after the interaction. */
  const webhookInteraction = (params: Record<string, string>): InteractionRecord => {
    const interaction = world.interactionsByToken.get(params.token ?? '');
    if (!interaction || params.appId !== world.applicationId || !interaction.response) return failWith(404, 10015);
    if (context.now() - interaction.dispatchedAt > context.settings.interactionTokenLifetimeMs) return failWith(401, 50027);
    return interaction;
  };

  const webhookMessage = (interaction: InteractionRecord, messageId: string | undefined): StoredMessage => {
    const id = messageId === '@original' ? interaction.originalMessageId : messageId;
    const isOwn = id !== undefined && (id === interaction.originalMessageId || interaction.followUpIds.includes(id));
    const stored = isOwn ? world.messages.get(id) : undefined;
    if (!stored || stored.deleted) return failWith(404, 10008);
    return stored;
  };

  const base = '/webhooks/:appId/:token';
  return [
    { method: 'POST', pattern: '/interactions/:interactionId/:token/callback', auth: false, handle: callback },
    {
      method: 'GET',
      pattern: `${base}/messages/:messageId`,
      auth: false,
      handle: ({ params }) => ({ status: 200, body: webhookMessage(webhookInteraction(params), params.messageId).message }),
    },
    {
      method: 'PATCH',
      pattern: `${base}/messages/:messageId`,
      auth: false,
      handle: ({ params, body: rawBody, files }) => {
        const stored = webhookMessage(webhookInteraction(params), params.messageId);
        const body = asMessageBody(rawBody);
        validateMessageBody(body);
        const uploads = acceptUploads(context, { files, body, channelId: stored.message.channel_id, existing: stored.message.attachments });
        editStoredMessage(context, stored, body, uploads, { finishLoading: true });
        return { status: 200, body: stored.message };
      },
    },
    {
      method: 'DELETE',
      pattern: `${base}/messages/:messageId`,
      auth: false,
      handle: ({ params }) => {
        deleteStoredMessage(context, webhookMessage(webhookInteraction(params), params.messageId));
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      pattern: base,
      auth: false,
      handle: ({ params, body: rawBody, files, query }) => {
        const interaction = webhookInteraction(params);
        const body = asMessageBody(rawBody);
        validateMessageBody(body);
        const channel = world.messageChannel(interaction.channelId);
        if (!channel) return failWith(404, 10003);
        const original = world.messages.get(interaction.originalMessageId ?? '');
        const stillLoading =
          original &&
          interaction.response?.type === InteractionResponseType.DeferredChannelMessageWithSource &&
          ((original.message.flags ?? 0) & MessageFlags.Loading) !== 0;
        const uploads = acceptUploads(context, { files, body, channelId: channel.id, existing: stillLoading ? original.message.attachments : [] });
        assertMessageNotEmpty({ ...body, attachments: uploads.uploaded });
        let stored: StoredMessage;
        if (original && stillLoading) {
          // Discord: the first follow-up to a deferred reply fills the "thinking" message; its ephemerality stays.
          const { flags: _ignored, ...rest } = uploads.body;
          editStoredMessage(context, original, rest, { uploaded: uploads.uploaded, body: rest }, { finishLoading: true });
          stored = original;
        } else {
          stored = world.createMessage({ channel, body: uploads.body, attachments: uploads.uploaded, interactionId: interaction.id });
          interaction.followUpIds.push(stored.message.id);
          world.notify();
          announce(stored);
        }
        return query.get('wait') === 'true' ? { status: 200, body: stored.message } : { status: 204 };
      },
    },
  ];
}
