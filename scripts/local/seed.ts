import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { generateApiToken } from '../../functions/auth/api-token.js';
import type { Role } from '../../functions/auth/principal.js';
import { newId } from '../../functions/shared/ids.js';
import type { ServiceSettings } from '../../lib/definitions/settings.js';
import { AGENTS_TABLE } from '../../lib/definitions/tables.js';
import {
  type AgentsTableItem,
  hostedAgentItem,
  membershipItem,
  tokenItem,
  workspaceItem,
} from './seed-items.js';

export interface SeedOptions<R extends Role> {
  readonly name: string;
  /** One member, with one API token, per role listed. */
  readonly roles: readonly R[];
  /** How many hosted agents to create. */
  readonly agents: number;
  readonly settings: ServiceSettings;
  /** Defaults to the table the functions use (`AGENTS_TABLE_NAME`). */
  readonly agentsTableName?: string;
  /** Defaults to a client configured from the environment, like the functions'. */
  readonly client?: DynamoDBDocumentClient;
}

/** A seeded workspace: ids, and the plaintext tokens, which exist nowhere else. */
export interface SeededWorkspace<R extends Role> {
  readonly id: string;
  readonly tokens: Record<R, string>;
  readonly userIds: Record<R, string>;
  readonly agentIds: string[];
}

/**
 * Writes a workspace with one member and token per role and some hosted
 * agents, straight into the Agents table: the API offers no way to create a
 * workspace or a token, so local runs and tests start from here.
 */
export async function seedWorkspace<R extends Role>(
  options: SeedOptions<R>,
): Promise<SeededWorkspace<R>> {
  const id = newId('ws');
  const createdAt = new Date().toISOString();
  const tokens = {} as Record<R, string>;
  const userIds = {} as Record<R, string>;
  const items: AgentsTableItem[] = [workspaceItem(id, options.name, createdAt)];

  for (const role of options.roles) {
    userIds[role] = newId('usr');
    tokens[role] = generateApiToken();
    items.push(membershipItem(id, userIds[role], role));
    items.push(
      tokenItem(tokens[role], { workspaceId: id, userId: userIds[role], role }, createdAt),
    );
  }

  const agentIds = Array.from({ length: options.agents }, () => newId('agt'));
  agentIds.forEach((agentId, index) => {
    const agent = { id: agentId, workspaceId: id, name: `Agent ${index + 1}` };
    items.push(hostedAgentItem(agent, options.settings, createdAt));
  });

  await putAll(items, options);
  return { id, tokens, userIds, agentIds };
}

/** Puts every item, refusing to overwrite: a collision would mean a seeding bug. */
async function putAll(items: readonly AgentsTableItem[], options: SeedOptions<Role>) {
  const tableName = options.agentsTableName ?? process.env[AGENTS_TABLE.envVar];
  if (!tableName) throw new Error(`Set ${AGENTS_TABLE.envVar} or pass agentsTableName`);
  const client = options.client ?? DynamoDBDocumentClient.from(new DynamoDBClient({}));

  const put = (item: AgentsTableItem) =>
    new PutCommand({
      TableName: tableName,
      Item: item,
      ConditionExpression: 'attribute_not_exists(pk)',
    });
  await Promise.all(items.map((item) => client.send(put(item))));
}
