import { Duration, TimeZone } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Stats, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
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

export interface CapResetScheduleProps {
  /** The cap-reset function. */
  readonly target: IFunction;
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
  readonly deadLetterQueue: Queue;
  readonly deadLetterAlarm: Alarm;

  constructor(scope: Construct, id: string, props: CapResetScheduleProps) {
    super(scope, id);

    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      // SQS-managed keys: the scheduler's role then needs no KMS grant to send.
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.schedule = new Schedule(this, 'Schedule', {
      description: 'Daily cap reset at midnight UTC',
      schedule: ScheduleExpression.cron({ minute: '0', hour: '0', timeZone: TimeZone.ETC_UTC }),
      target: this.invokeTarget(props),
    });
    this.catchFunctionFailures(props);
    this.deadLetterAlarm = this.createDeadLetterAlarm();
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

  /** Passes the scheduled time, so a late retry still works on the day it was meant for. */
  private invokeTarget(props: CapResetScheduleProps): LambdaInvoke {
    return new LambdaInvoke(props.target, {
      input: ScheduleTargetInput.fromObject({ scheduledTime: ContextAttribute.scheduledTime }),
      retryAttempts: props.retryAttempts ?? 3,
      maxEventAge: props.maxEventAge ?? Duration.hours(1),
      deadLetterQueue: this.deadLetterQueue,
    });
  }

  private createDeadLetterAlarm(): Alarm {
    return new Alarm(this, 'DeadLetterAlarm', {
      alarmDescription: 'A cap-reset run failed after its retries; see the dead-letter queue',
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
