import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/** The stages the stack can be deployed as, chosen with `-c stage=…`. */
export const STAGE = { dev: 'dev', prod: 'prod' } as const;

export type Stage = (typeof STAGE)[keyof typeof STAGE];

export const STAGES = Object.values(STAGE);

export const DEFAULT_STAGE: Stage = STAGE.dev;

/** What differs between stages, beyond the names. */
export interface StageProfile {
  /** Tables, KMS keys and the hosted-key secret survive stack deletion; tables refuse deletion. */
  readonly retainData: boolean;
  /** Alarms notify an SNS topic, which then needs at least one email subscriber. */
  readonly notifiesAlarms: boolean;
  readonly defaultLogRetention: RetentionDays;
}

export const STAGE_PROFILES: Readonly<Record<Stage, StageProfile>> = {
  dev: {
    retainData: false,
    notifiesAlarms: false,
    defaultLogRetention: RetentionDays.ONE_MONTH,
  },
  prod: {
    retainData: true,
    notifiesAlarms: true,
    defaultLogRetention: RetentionDays.ONE_YEAR,
  },
};

/** The stack's name in CloudFormation, e.g. `AgentLlmCredentials-prod`. */
export const stackNameOf = (stage: Stage) => `AgentLlmCredentials-${stage}`;

/**
 * Prefix of every name the stack sets (functions, alarms, queue, topic,
 * dashboard), so a console list sorts one stage's resources together.
 */
export const namePrefixOf = (stage: Stage) => `${stage}-agent-llm`;

/** The hosted-key secret of a stage: `<stage>/platform/anthropic/hosted-api-key`. */
export const hostedKeySecretNameOf = (stage: Stage, baseName: string) => `${stage}/${baseName}`;

/** The default vault prefix of a stage: `<stage>/workspace-vault`. */
export const vaultPrefixOf = (stage: Stage, basePrefix: string) => `${stage}/${basePrefix}`;
