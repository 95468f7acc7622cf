import { ArnFormat, Duration, Stack, TimeZone } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Stats, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import {
  ContextAttribute,
  Schedule,
  ScheduleExpression,
  ScheduleTargetInput,
} from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { alarmDescription, RUNBOOK_ANCHOR } from '../definitions/runbook.js';

export interface CapResetScheduleProps {
  /** The cap-reset function. */
  readonly target: IFunction;
  /** Names the schedule, the queue and the alarm, e.g. `prod-agent-llm-cap-reset`. */
  readonly namePrefix: string;
  /** @default 3 */
  readonly retryAttempts?: number;
  /** @default Duration.hours(1) */
  readonly maxEventAge?: Duration;
}

/**
 * Runs the cap-reset job at 00:00 UTC, the boundary of the spend day. The
 * caps themselves are keyed by UTC day and hold without this job; it only
 * tidies up, so a failed run is retried briefly, then parked in a
 * dead-letter queue whose first message raises an alarm.
 */
export class CapResetSchedule extends Construct {
  readonly schedule: Schedule;
  /** The role the scheduler invokes the function with; it may invoke nothing else. */
  readonly schedulerRole: Role;
  readonly deadLetterQueue: Queue;
  readonly deadLetterAlarm: Alarm;

  constructor(scope: Construct, id: string, props: CapResetScheduleProps) {
    super(scope, id);

    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      queueName: `${props.namePrefix}-cap-reset-dead-letters`,
      // SQS-managed keys: the scheduler's role then needs no KMS grant to send.
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.schedulerRole = this.createSchedulerRole();
    this.schedule = new Schedule(this, 'Schedule', {
      scheduleName: `${props.namePrefix}-cap-reset`,
      description: 'Daily cap reset at midnight UTC',
      schedule: ScheduleExpression.cron({ minute: '0', hour: '0', timeZone: TimeZone.ETC_UTC }),
      target: this.invokeTarget(props),
    });
    this.catchFunctionFailures(props);
    this.deadLetterAlarm = this.createDeadLetterAlarm(props.namePrefix);
  }

  /**
   * The scheduler invokes the function asynchronously, so its dead-letter
   * queue only sees failed deliveries. A run that throws is retried by Lambda
   * and then sent to the same queue, where the same alarm sees it.
   */
  private catchFunctionFailures(props: CapResetScheduleProps): void {
    props.target.configureAsyncInvoke({
      onFailure: new SqsDestination(this.deadLetterQueue),
      retryAttempts: 2,
      maxEventAge: props.maxEventAge ?? Duration.hours(1),
    });
  }

  /**
   * Made here rather than left to the target, so it has a known place: the
   * target grants it `lambda:InvokeFunction` on the function (and its
   * versions). Trusted only by this account's default schedule group.
   */
  private createSchedulerRole(): Role {
    const stack = Stack.of(this);
    const scheduleGroupArn = stack.formatArn({
      service: 'scheduler',
      resource: 'schedule-group',
      resourceName: 'default',
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
    return new Role(this, 'SchedulerRole', {
      description: 'Lets EventBridge Scheduler run the daily cap reset',
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account, 'aws:SourceArn': scheduleGroupArn },
        },
      }),
    });
  }

  /** Passes the scheduled time, so a late retry still works on the day it was meant for. */
  private invokeTarget(props: CapResetScheduleProps): LambdaInvoke {
    return new LambdaInvoke(props.target, {
      role: this.schedulerRole,
      input: ScheduleTargetInput.fromObject({ scheduledTime: ContextAttribute.scheduledTime }),
      retryAttempts: props.retryAttempts ?? 3,
      maxEventAge: props.maxEventAge ?? Duration.hours(1),
      deadLetterQueue: this.deadLetterQueue,
    });
  }

  private createDeadLetterAlarm(namePrefix: string): Alarm {
    return new Alarm(this, 'DeadLetterAlarm', {
      alarmName: `${namePrefix}-cap-reset-dead-letters`,
      alarmDescription: alarmDescription(
        'A daily cap-reset run failed after its retries and its event is in the dead-letter ' +
          'queue (kept 14 days). Caps still hold; audit events, stale reservations and ' +
          'orphaned secrets wait for a successful run.',
        RUNBOOK_ANCHOR.capResetDeadLetters,
      ),
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: Stats.MAXIMUM,
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}
