/**
 * Sections of the operations runbook (docs/operations.md), one per alarm.
 * Each alarm's description names its section, so whoever receives the
 * notification knows where the steps are.
 */
export const RUNBOOK_ANCHOR = {
  api5xx: 'alarm-api-5xx',
  functionErrors: 'alarm-function-errors',
  functionThrottles: 'alarm-function-throttles',
  capResetDeadLetters: 'alarm-cap-reset-dead-letters',
  keyValidationFailures: 'alarm-key-validation-failures',
  dynamoDbThrottling: 'alarm-dynamodb-throttling',
  secretsThrottling: 'alarm-secrets-throttling',
} as const;

export type RunbookAnchor = (typeof RUNBOOK_ANCHOR)[keyof typeof RUNBOOK_ANCHOR];

export const RUNBOOK_PATH = 'docs/operations.md';

/** An alarm description: what it means, then `Runbook: docs/operations.md#<anchor>`. */
export function alarmDescription(meaning: string, anchor: RunbookAnchor): string {
  return `${meaning} Runbook: ${RUNBOOK_PATH}#${anchor}`;
}
