import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { KMSClient } from '@aws-sdk/client-kms';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tracer } from '../observability/tracer.js';

/**
 * The function's AWS clients, made once per execution environment so warm
 * invocations reuse their connections. Region, credentials and (locally)
 * `AWS_ENDPOINT_URL` come from the environment. On Lambda each call is an
 * X-Ray subsegment; elsewhere the tracer is off and returns the client as it
 * is. Tests add middleware to these very clients to count calls and inject
 * faults.
 */
const dynamoDbClient = tracer.captureAWSv3Client(new DynamoDBClient({}));

/** Made from the traced client, whose middleware stack it shares. */
export const dynamoDb = DynamoDBDocumentClient.from(dynamoDbClient, {
  marshallOptions: { removeUndefinedValues: true },
});

export const secretsManager = tracer.captureAWSv3Client(new SecretsManagerClient({}));

export const kms = tracer.captureAWSv3Client(new KMSClient({}));

/** Every client, for code that instruments them all alike. */
export const awsClients = {
  dynamoDb: dynamoDbClient,
  dynamoDbDocument: dynamoDb,
  secretsManager,
  kms,
};
