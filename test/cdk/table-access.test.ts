import { describe, expect, it } from 'vitest';
import type { ServiceFunctionId } from '../../lib/constructs/service-functions.js';
import { tableAccessOf } from './support/iam.js';
import { synthesize } from './support/synth.js';

const synthesized = synthesize();

/** DynamoDB actions per function and table, as docs/data-model.md's access patterns need them. */
const EXPECTED_TABLE_ACCESS: Record<ServiceFunctionId, Record<string, string[]>> = {
  'agents-read': {
    Agents: ['dynamodb:GetItem', 'dynamodb:Query'],
    Counters: ['dynamodb:GetItem', 'dynamodb:Query'],
    Audit: ['dynamodb:Query'],
  },
  'agents-write': {
    Agents: [
      'dynamodb:ConditionCheckItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ],
    Counters: ['dynamodb:UpdateItem'],
    Audit: ['dynamodb:PutItem'],
  },
  gateway: {
    Agents: ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
    Counters: ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
    Audit: ['dynamodb:PutItem'],
  },
  'cap-reset': {
    Agents: ['dynamodb:GetItem'],
    Counters: ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
    'Counters/index/byActiveDay': ['dynamodb:Query'],
    'Counters/index/byCappedDay': ['dynamodb:Query'],
    Audit: ['dynamodb:PutItem'],
  },
  fallback: {},
};

describe('table access', () => {
  it.each(Object.keys(EXPECTED_TABLE_ACCESS) as ServiceFunctionId[])(
    'grants %s its DynamoDB actions on exactly the right tables and indexes',
    (functionId) => {
      const access = tableAccessOf(synthesized, functionId);

      expect(access).toEqual(EXPECTED_TABLE_ACCESS[functionId]);
    },
  );
});
