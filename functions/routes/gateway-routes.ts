import {
  CREDENTIAL_SOURCE_HEADER,
  callAgent,
  type GatewayDeps,
} from '../domain/gateway/call-agent.js';
import { microCentsToCents } from '../domain/pricing/index.js';
import type { ApiRequest } from '../http/api-handler.js';
import { jsonResult } from '../http/envelope.js';
import { parseInput } from '../http/parse.js';
import { messageBody } from '../http/schemas/message-body.js';
import { ServiceError } from '../shared/errors.js';

/**
 * `POST /agents/{id}/messages`: Anthropic's message JSON unchanged, with this
 * call's cost and the day's spend and cap in headers.
 */
export async function agentMessagesRoute(request: ApiRequest, deps: GatewayDeps) {
  const body = parseInput(messageBody, request.body);
  if (body.stream === true) {
    throw new ServiceError(
      'streaming_not_supported',
      'Streaming is not supported yet; omit "stream"',
    );
  }

  const settled = await callAgent(deps, {
    principal: request.principal,
    agentId: request.pathParameters.id ?? '',
    body,
    requestId: request.requestId,
  });
  return jsonResult(200, settled.message, {
    [CREDENTIAL_SOURCE_HEADER]: settled.source,
    'x-call-cost-microcents': String(settled.cost.microCents),
    'x-daily-spend-cents': String(microCentsToCents(settled.daySpentMicroCents)),
    'x-daily-cap-cents': String(settled.capCents),
  });
}
