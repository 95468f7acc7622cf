import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { TokenLookup } from '../../auth/authenticate.js';
import type { Principal } from '../../auth/principal.js';
import { dynamoDb } from '../aws-clients.js';
import { callAws } from '../aws-failure.js';
import { tableNames } from './tables.js';

/**
 * Token items, read eventually consistent at half the cost: a token is
 * created long before its first use, and a revoked one stops working within
 * about a second.
 */
export const tokenLookup: TokenLookup = {
  async findByHash(tokenHash: string): Promise<Principal | undefined> {
    const { Item } = await callAws('read token', () =>
      dynamoDb.send(
        new GetCommand({
          TableName: tableNames.agents,
          Key: { pk: `TOKEN#${tokenHash}`, sk: 'TOKEN' },
        }),
      ),
    );
    if (!Item) return undefined;
    return { workspaceId: Item.workspaceId, userId: Item.userId, role: Item.role };
  },
};
