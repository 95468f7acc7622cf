import type { StackFile } from './stack-file.js';

/**
 * The text `npm start` prints once the stack is up: where everything is, a
 * token per role and two commands to try. The tokens are local only and die
 * with the stack, which is why printing them is acceptable here.
 */
export function readyBanner(stack: StackFile, anthropicEmulated: boolean): string {
  const owner = stack.workspaces[0]?.tokens.OWNER ?? '<OWNER token>';
  const agentId = stack.workspaces[0]?.agentIds[0] ?? '<agent id>';
  const anthropic = `${stack.anthropicBaseUrl}${anthropicEmulated ? ' (emulator)' : ''}`;
  const patchBody = JSON.stringify({
    llmProvider: 'BYO_ANTHROPIC',
    llmModel: 'claude-opus-4-7',
    byoApiKey: stack.demoByoKey,
  });

  return [
    '',
    'Local stack ready',
    `  Web app        ${stack.webUrl}  (sign in with a token below)`,
    `  API            ${stack.apiUrl}`,
    `  AWS (moto)     ${stack.awsEndpoint}  (${stack.region})`,
    `  Anthropic      ${anthropic}`,
    ...stack.workspaces.flatMap(workspaceLines),
    `  Demo BYO key   ${stack.demoByoKey}`,
    '',
    'Try:',
    `  curl -s -H "Authorization: Bearer ${owner}" ${stack.apiUrl}/agents`,
    `  curl -s -X PATCH ${stack.apiUrl}/agents/${agentId} \\`,
    `    -H "Authorization: Bearer ${owner}" -H 'Content-Type: application/json' \\`,
    `    -d '${patchBody}'`,
    '',
    'Everything above is in .local/stack.json. Ctrl-C stops the stack.',
    '',
  ].join('\n');
}

function workspaceLines(workspace: StackFile['workspaces'][number], index: number): string[] {
  return [
    `  Workspace ${index + 1}    ${workspace.id}  agents: ${workspace.agentIds.join(', ')}`,
    ...Object.entries(workspace.tokens).map(([role, token]) => `    ${role.padEnd(12)} ${token}`),
  ];
}
