import type { CallSummary } from './call-summary.js';
import { US_EAST_1_PRICES as PRICE } from './prices.js';
import { round } from './stats.js';

/** Lambda gives a function one full vCPU at 1,769 MB and a share in proportion below. */
const MB_PER_VCPU = 1_769;
/** AWS reports that cold starts are typically under 1% of invocations. */
export const COLD_START_FRACTION = 0.01;
/** X-Ray's default rule: one trace a second, then 5% of requests; at volume, 5%. */
const XRAY_SAMPLED_FRACTION = 0.05;
const GIB = 1024 ** 3;

/**
 * The records Lambda itself writes to the log group per invocation in JSON
 * log format with active tracing (platform.start and platform.report), as
 * printed by Lambda; their size is counted, not guessed.
 */
const PLATFORM_LOG_LINES = [
  '{"time":"2026-12-03T12:00:00.000Z","type":"platform.start","record":{"requestId":"6d68ca91-49c9-448d-89b8-7ca3e6dc66aa","version":"$LATEST","tracing":{"spanId":"54565fb41ac79632","type":"X-Amzn-Trace-Id","value":"Root=1-6750a1b2-0123456789abcdef01234567;Parent=0123456789abcdef;Sampled=1"}}}',
  '{"time":"2026-12-03T12:00:00.021Z","type":"platform.report","record":{"requestId":"6d68ca91-49c9-448d-89b8-7ca3e6dc66aa","metrics":{"durationMs":20.51,"billedDurationMs":21,"memorySizeMB":512,"maxMemoryUsedMB":98},"tracing":{"spanId":"54565fb41ac79632","type":"X-Amzn-Trace-Id","value":"Root=1-6750a1b2-0123456789abcdef01234567;Parent=0123456789abcdef;Sampled=1"},"status":"success"}}',
];
export const PLATFORM_LOG_BYTES = PLATFORM_LOG_LINES.reduce(
  (sum, line) => sum + Buffer.byteLength(line) + 1,
  0,
);

/** What one agent call costs to run, as measured. */
export interface CostInputs {
  readonly memoryMb: number;
  readonly warmCall: CallSummary;
  readonly coldCall: CallSummary;
  /** Handler wall time of a warm call, I/O included. */
  readonly durationMs: number;
  readonly cpuMs: number;
  readonly initMs: number;
  readonly logBytesPerCall: number;
  /** Bytes leaving AWS: the answer to the client and the request to Anthropic. */
  readonly bytesOutPerCall: number;
}

export interface CostLine {
  readonly item: string;
  readonly basis: string;
  readonly dollarsPerMillionCalls: number;
}

/** Dollars per million of a per-call quantity priced per `unit` of it. */
const perMillion = (perCall: number, price: number, unit = 1) =>
  (perCall * 1_000_000 * price) / unit;

/**
 * AWS's charges for a million agent calls, Anthropic's excluded. Duration is
 * the measured handler time with the CPU part stretched to the CPU share the
 * configured memory buys, since the bench machine runs it on a whole core.
 */
export function costPerMillionCalls(input: CostInputs): {
  lines: CostLine[];
  total: number;
  perUpstreamSecond: number;
} {
  const gb = input.memoryMb / 1024;
  const cpuStretchMs = input.cpuMs * (MB_PER_VCPU / input.memoryMb - 1);
  const billedMs = Math.ceil(input.durationMs + cpuStretchMs);
  const coldExtra = (pick: (summary: CallSummary) => number) =>
    pick(input.warmCall) + COLD_START_FRACTION * (pick(input.coldCall) - pick(input.warmCall));
  const logBytes = input.logBytesPerCall + PLATFORM_LOG_BYTES;

  const lines: CostLine[] = [
    {
      item: 'API Gateway HTTP API',
      basis: '1 request',
      dollarsPerMillionCalls: PRICE.apiGatewayHttpPerMillionRequests,
    },
    {
      item: 'Lambda requests',
      basis: '1 invocation',
      dollarsPerMillionCalls: PRICE.lambdaPerMillionRequests,
    },
    {
      item: 'Lambda duration',
      basis: `${billedMs} ms billed at ${input.memoryMb} MB (${round(input.durationMs, 1)} ms measured + ${round(cpuStretchMs, 1)} ms for the CPU share)`,
      dollarsPerMillionCalls: perMillion((gb * billedMs) / 1000, PRICE.lambdaArmPerGbSecond),
    },
    {
      item: 'Lambda INIT (cold starts)',
      basis: `${COLD_START_FRACTION * 100}% of calls × ${round(input.initMs, 0)} ms init`,
      dollarsPerMillionCalls: perMillion(
        (COLD_START_FRACTION * gb * input.initMs) / 1000,
        PRICE.lambdaArmPerGbSecond,
      ),
    },
    {
      item: 'DynamoDB writes',
      basis: `${coldExtra((s) => s.writeRequestUnits)} WRU`,
      dollarsPerMillionCalls: perMillion(
        coldExtra((s) => s.writeRequestUnits),
        PRICE.dynamoDbPerMillionWriteUnits,
        1_000_000,
      ),
    },
    {
      item: 'DynamoDB reads',
      basis: `${coldExtra((s) => s.readRequestUnits)} RRU`,
      dollarsPerMillionCalls: perMillion(
        coldExtra((s) => s.readRequestUnits),
        PRICE.dynamoDbPerMillionReadUnits,
        1_000_000,
      ),
    },
    {
      item: 'Secrets Manager',
      basis: `${round(
        coldExtra((s) => s.secretsManager),
        3,
      )} calls (cold starts only)`,
      dollarsPerMillionCalls: perMillion(
        coldExtra((s) => s.secretsManager),
        PRICE.secretsManagerPer10kCalls,
        10_000,
      ),
    },
    {
      item: 'KMS',
      basis: `${round(
        coldExtra((s) => s.kms + s.implicitKms),
        3,
      )} requests (Secrets Manager's decrypts)`,
      dollarsPerMillionCalls: perMillion(
        coldExtra((s) => s.kms + s.implicitKms),
        PRICE.kmsPer10kRequests,
        10_000,
      ),
    },
    {
      item: 'CloudWatch Logs',
      basis: `${logBytes} bytes (${input.logBytesPerCall} function + ${PLATFORM_LOG_BYTES} Lambda platform)`,
      dollarsPerMillionCalls: perMillion(logBytes, PRICE.cloudWatchLogsPerGbIngested, GIB),
    },
    {
      item: 'X-Ray',
      basis: `${XRAY_SAMPLED_FRACTION * 100}% of calls traced (default sampling)`,
      dollarsPerMillionCalls: perMillion(
        XRAY_SAMPLED_FRACTION,
        PRICE.xRayPerMillionTracesRecorded,
        1_000_000,
      ),
    },
    {
      item: 'Data transfer out',
      basis: `${input.bytesOutPerCall} bytes (answer + request to Anthropic)`,
      dollarsPerMillionCalls: perMillion(input.bytesOutPerCall, PRICE.dataTransferOutPerGb, GIB),
    },
  ].map((line) => ({ ...line, dollarsPerMillionCalls: round(line.dollarsPerMillionCalls, 3) }));

  const total = round(
    lines.reduce((sum, line) => sum + line.dollarsPerMillionCalls, 0),
    2,
  );
  // The function waits for Anthropic's whole answer, and Lambda bills that wait.
  const perUpstreamSecond = round(perMillion(gb, PRICE.lambdaArmPerGbSecond), 2);
  return { lines, total, perUpstreamSecond };
}
