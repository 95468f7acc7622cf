import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { KMSClient } from '@aws-sdk/client-kms';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * The function's AWS clients, made once per execution environment so warm
 * invocations reuse their connections. Region, credentials and (locally)
 * `AWS_ENDPOINT_URL` come from the environment. Tests add middleware to these
 * very clients to count calls and inject faults.
 */
const dynamoDbClient = new DynamoDBClient({});

export const dynamoDb = DynamoDBDocumentClient.from(dynamoDbClient, {
  marshallOptions: { removeUndefinedValues: true },
});

export const secretsManager = new SecretsManagerClient({});

export const kms = new KMSClient({});

/** Every client, for code that instruments them all alike. */
export const awsClients = {
  dynamoDb: dynamoDbClient,
  dynamoDbDocument: dynamoDb,
  secretsManager,
  kms,
};
