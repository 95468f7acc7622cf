/**
 * AWS public list prices, us-east-1, in USD, without free tiers or volume
 * discounts (each is the first tier). Looked up on 2026-12-03 in:
 * - Lambda, Arm: $0.0000133334 per GB-second (first 7.5 billion GB-s a
 *   month), $0.20 per million requests: aws.amazon.com/lambda/pricing and
 *   cloudchipr.com/blog/aws-lambda-pricing. The INIT phase is billed like the
 *   handler since 2025-08-01 (aws.amazon.com/blogs/compute/aws-lambda-standardizes-billing-for-init-phase).
 * - API Gateway HTTP API: $1.00 per million requests (first 300 million),
 *   metered per 512 KB: aws.amazon.com/api-gateway/pricing, apigatewaycost.com/aws.
 * - DynamoDB on demand: $0.625 per million write request units, $0.125 per
 *   million read request units, the prices since the November 2024 cut
 *   (airbyte.com/data-engineering-resources/dynamodb-pricing); older pages
 *   still show $1.25 and $0.25.
 * - Secrets Manager: $0.05 per 10,000 API calls, $0.40 per secret a month
 *   (hivebook.wiki, aws-secrets-manager page).
 * - KMS: $0.03 per 10,000 symmetric requests, $1 per key a month
 *   (aws.amazon.com/kms/pricing, wring.co/blog/aws-kms-pricing-guide).
 * - CloudWatch Logs: $0.50 per GB ingested, standard class, also the first
 *   tier of Lambda's vended logs (c3x.dev/blog/cloudwatch-logs-cost-optimization).
 * - X-Ray: $5.00 per million traces recorded (aws.amazon.com/xray/pricing).
 * - Data transfer out to the internet: $0.09 per GB, first 10 TB (apigatewaycost.com/aws).
 */
export const US_EAST_1_PRICES = {
  apiGatewayHttpPerMillionRequests: 1.0,
  lambdaArmPerGbSecond: 0.000_013_333_4,
  lambdaPerMillionRequests: 0.2,
  dynamoDbPerMillionWriteUnits: 0.625,
  dynamoDbPerMillionReadUnits: 0.125,
  secretsManagerPer10kCalls: 0.05,
  kmsPer10kRequests: 0.03,
  cloudWatchLogsPerGbIngested: 0.5,
  xRayPerMillionTracesRecorded: 5.0,
  dataTransferOutPerGb: 0.09,
} as const;

/** When the prices above were looked up, shown with every cost figure. */
export const PRICES_LOOKED_UP_ON = '2026-12-03';
