import type { BenchResults } from './results.js';

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const verdict = (met: boolean | undefined) =>
  met === undefined ? 'not measured' : met ? 'met' : '**not met**';

/** Characters as Markdown formatters count them: code points, not UTF-16 units. */
const width = (text: string) => [...text].length;

/** A Markdown table with its columns padded to one width, as Biome formats tables; pipes escaped. */
function table(
  headers: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  const cells = [headers, ...rows].map((row) =>
    row.map((value) => String(value).replaceAll('|', '\\|')),
  );
  const widths = headers.map((_, column) =>
    Math.max(3, ...cells.map((row) => width(row[column] ?? ''))),
  );
  const line = (row: readonly string[]) =>
    `| ${row.map((cell, column) => cell + ' '.repeat(widths[column]! - width(cell))).join(' | ')} |`;
  const [head, ...body] = cells;
  return [line(head!), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

function targetsSection(r: BenchResults): string {
  return table(
    ['target', 'measured', 'verdict'],
    r.targets.map((t) => [t.target, t.measured, verdict(t.met)]),
  );
}

function latencySection(r: BenchResults): string {
  return table(
    [
      'concurrency',
      'path',
      'calls',
      'p50 ms',
      'p99 ms',
      'added p50 ms',
      'added p99 ms',
      'p50 vs direct',
      'calls/s',
    ],
    r.latency.map((row) => [
      row.concurrency,
      row.target,
      row.failures ? `${row.count} (${row.failures} failed)` : row.count,
      row.p50Ms,
      row.p99Ms,
      row.target === 'direct' ? '–' : row.addedP50Ms,
      row.target === 'direct' ? '–' : row.addedP99Ms,
      `${row.ratioP50}x`,
      row.callsPerSecond,
    ]),
  );
}

function cpuSection(r: BenchResults): string {
  const perCall = table(
    [
      'credentials',
      'calls',
      'CPU per call',
      'handler time p50',
      'handler time mean',
      'in AWS SDK calls, mean',
      'log lines per call',
      'log bytes per call',
    ],
    r.handlerCpu.map((cpu) => [
      cpu.source,
      cpu.calls,
      `${(cpu.cpuMicrosPerCall / 1000).toFixed(2)} ms`,
      `${cpu.durationP50Ms} ms`,
      `${cpu.durationMeanMs} ms`,
      `${cpu.awsWaitMsPerCall} ms`,
      cpu.logLinesPerCall,
      cpu.logBytesPerCall,
    ]),
  );
  const shares = r.cpuProfile.map((share) => `${share.part} ${share.percent}%`).join(', ');
  const baselines = table(
    ['building block, alone', 'CPU per call'],
    r.cpuBaselines.map((baseline) => [
      baseline.what,
      `${(baseline.cpuMicrosPerCall / 1000).toFixed(2)} ms`,
    ]),
  );
  return `${perCall}\n\nWhere a warm hosted call's CPU goes (main thread, sampled): ${shares}.\n\n${baselines}`;
}

function operationsSection(r: BenchResults): string {
  return table(
    [
      'operation',
      'DynamoDB reads',
      'DynamoDB writes',
      'items read',
      'Secrets Manager',
      'KMS (+ via Secrets Manager)',
      'calls',
    ],
    r.operations.map((op) => [
      op.operation,
      op.dynamoDbReads,
      op.dynamoDbWrites,
      op.itemsRead,
      op.secretsManager,
      `${op.kms} (+${op.implicitKms})`,
      op.detail,
    ]),
  );
}

function costSection(r: BenchResults): string {
  const rows = r.cost.lines.map((line) => [
    line.item,
    line.basis,
    line.dollarsPerMillionCalls.toFixed(3),
  ]);
  return [
    table(
      ['item', 'per call', '$ per million calls'],
      [
        ...rows,
        [
          '**total**',
          `${r.cost.memoryMb} MB, us-east-1 prices of ${r.cost.pricesLookedUpOn}`,
          `**${r.cost.total.toFixed(2)}**`,
        ],
      ],
    ),
    '',
    `Each second the function waits for Anthropic adds **$${r.cost.perUpstreamSecond}** per million calls.`,
  ].join('\n');
}

function coldStartSection(r: BenchResults): string {
  const floor = r.coldStarts.find((row) => row.name === 'empty handler')?.initMs ?? Number.NaN;
  return table(
    [
      'function',
      'bundle',
      'largest parts',
      'init ms (as deployed)',
      'init ms without source maps',
      'vs empty handler',
    ],
    r.coldStarts.map((row) => [
      row.name,
      kib(row.bytes),
      row.topPackages.map((pkg) => `${pkg.name} ${kib(pkg.bytes)}`).join(', '),
      row.initMs,
      row.initWithoutSourceMapsMs,
      `${(row.initMs / floor).toFixed(1)}x`,
    ]),
  );
}

function scalingSection(r: BenchResults): string {
  const job = table(
    [
      'active agents (of day items)',
      'capped',
      'BYO keys',
      'index keys read',
      'day items read',
      'agent items read',
      'secrets listed',
      'DynamoDB calls',
      'Secrets Manager calls',
      'run time',
    ],
    r.resetJob.map((run) => [
      `${run.agentDays} (of ${run.totalDayItems})`,
      run.cappedAgents,
      run.byoSecrets,
      run.indexKeysRead,
      run.dayItemsRead,
      run.agentItemsRead,
      run.secretsListed,
      run.dynamoDbReads + run.dynamoDbWrites,
      run.secretsManager,
      `${(run.wallMs / 1000).toFixed(1)} s`,
    ]),
  );
  const audit = table(
    [
      'events in the log',
      'events on page 1',
      'DynamoDB reads',
      'items read',
      'read units',
      'handler time',
    ],
    r.auditPages.map((page) => [
      page.events,
      page.returned,
      page.dynamoDbReads,
      page.itemsRead,
      page.readRequestUnits,
      `${page.wallMs} ms`,
    ]),
  );
  return `${job}\n\n${audit}`;
}

/** The generated part of docs/performance.md, and what `npm run bench` prints. */
export function formatReport(r: BenchResults): string {
  return [
    `Generated by \`npm run bench\` on ${r.generatedAt.slice(0, 10)}: ${r.machine}; the run took ${Math.round(r.runSeconds)} s, with a load average of ${r.loadAverage.atStart.toFixed(1)} at its start and ${r.loadAverage.atEnd.toFixed(1)} at its end. Peer: LiteLLM ${r.peer.mode}.`,
    '',
    '#### Targets',
    '',
    targetsSection(r),
    '',
    '#### Gateway overhead (local stack, emulator answering at once)',
    '',
    latencySection(r),
    '',
    "#### The gateway handler's own CPU and logs per warm call",
    '',
    cpuSection(r),
    '',
    '#### AWS calls per operation',
    '',
    operationsSection(r),
    '',
    '#### AWS cost per million agent calls',
    '',
    costSection(r),
    '',
    '#### Cold start',
    '',
    coldStartSection(r),
    '',
    '#### Scaling: the reset job and the audit log',
    '',
    scalingSection(r),
  ].join('\n');
}
