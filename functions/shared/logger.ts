import { LogFormatter, Logger, LogItem } from '@aws-lambda-powertools/logger';
import type { LogAttributes, UnformattedAttributes } from '@aws-lambda-powertools/logger/types';
import { redact } from './redact.js';

/**
 * JSON lines with fixed keys and every secret masked. Powertools has no
 * redaction of its own, and Anthropic SDK errors can carry request headers, so
 * masking happens here, on every line, rather than at each call site.
 */
class RedactingLogFormatter extends LogFormatter {
  formatAttributes(attributes: UnformattedAttributes, extra: LogAttributes): LogItem {
    const base = {
      level: attributes.logLevel,
      message: attributes.message,
      timestamp: this.formatTimestamp(attributes.timestamp),
      service: attributes.serviceName,
      cold_start: attributes.lambdaContext?.coldStart,
      function_name: attributes.lambdaContext?.functionName,
      function_request_id: attributes.lambdaContext?.awsRequestId,
      xray_trace_id: attributes.xRayTraceId,
    };
    const item = new LogItem({ attributes: base }).addAttributes(extra);
    item.setAttributes(redact(item.getAttributes()) as LogAttributes);
    return item;
  }

  override formatError(error: Error): LogAttributes {
    return redact(super.formatError(error)) as LogAttributes;
  }
}

/** The one logger of a function. Messages are constants; data goes in the extra object. */
export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'agent-llm-credentials',
  logFormatter: new RedactingLogFormatter(),
});
