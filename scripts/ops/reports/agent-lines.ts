import { formatFields } from '../table.js';
import { type AgentReport, AUDIT_EVENTS_SHOWN } from './agent-report.js';
import { auditLines } from './audit-lines.js';

const cents = (value: number) => `${value} ¢`;

function settingsLines({ agent }: AgentReport): string[] {
  return formatFields(`Agent ${agent.id}`, [
    ['workspace', agent.workspaceId],
    ['name', agent.name],
    ['provider', agent.llmProvider],
    ['model', agent.llmModel],
    ['daily cap', cents(agent.dailySpendCapCents)],
    ['prompt cache TTL', agent.promptCacheTtl],
    ['version', agent.version],
    ['updated', agent.updatedAt],
  ]);
}

function keyLines({ key }: AgentReport): string[] {
  if (!key) return ['Key', '  hosted: the platform key, nothing in the vault'];
  return formatFields('Key (BYO)', [
    ['hint', key.hint],
    ['status', key.status],
    ['validated at', key.validatedAt],
    ['secret id', key.secretId],
    ['secret', key.secretArn],
    ['version', key.secretVersionId],
  ]);
}

function spendLines({ spend }: AgentReport): string[] {
  const inFlight = spend.inFlight.map(
    (call) => `    ${call.callId}  ${call.microCents} µ¢  since ${call.reservedAt ?? '-'}`,
  );
  const capped = spend.cappedAt
    ? `yes, since ${spend.cappedAt}${spend.capResetAt ? `; reset recorded ${spend.capResetAt}` : ''}`
    : 'no';
  return [
    ...formatFields(`Spend on ${spend.day} (UTC)`, [
      ['spent', `${cents(spend.spentCents)} (${spend.spentMicroCents} µ¢)`],
      ['reserved', `${cents(spend.reservedCents)} (${spend.reservedMicroCents} µ¢)`],
      ['cap', cents(spend.capCents)],
      ['remaining', cents(spend.remainingCents)],
      ['calls settled', spend.calls],
      ['calls in flight', spend.inFlight.length],
      ['refused (capped)', capped],
      ['resets at', spend.resetsAt],
    ]),
    ...inFlight,
  ];
}

/** The `agent` report for people: settings, key, the day's spend, the latest events. */
export function agentLines(report: AgentReport): string[] {
  return [
    ...settingsLines(report),
    '',
    ...keyLines(report),
    '',
    ...spendLines(report),
    '',
    `Audit events, newest first (the latest ${AUDIT_EVENTS_SHOWN})`,
    ...auditLines(report.auditEvents),
  ];
}
