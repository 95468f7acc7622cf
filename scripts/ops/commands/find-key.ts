import { keyFingerprinter } from '../../../functions/adapters/kms/key-fingerprinter.js';
import { keyFormatProblem } from '../../../functions/domain/keys/key-format.js';
import { keyHint } from '../../../functions/domain/keys/key-hint.js';
import { ENV, requireEnv } from '../../../functions/shared/environment.js';
import type { Command } from '../command.js';
import { agentsWithFingerprint, type KeyUser } from '../data/fingerprint-index.js';
import { OpsError } from '../errors.js';
import { readAll } from '../io.js';
import { plural } from '../plural.js';
import { formatTable } from '../table.js';

const PIPE_HINT = 'pipe the key in: npm run ops -- find-key < leaked.txt';

interface FindKeyReport {
  /** The leaked key's hint, to check that the right key was piped in. */
  readonly keyHint: string;
  readonly agents: readonly KeyUser[];
}

function findKeyLines({ keyHint: hint, agents }: FindKeyReport): string[] {
  if (agents.length === 0) return [`No agent uses the key ${hint}.`];
  const table = formatTable(
    [
      { header: 'WORKSPACE', value: (agent: KeyUser) => agent.workspaceId },
      { header: 'AGENT', value: (agent) => agent.agentId },
      { header: 'NAME', value: (agent) => agent.name },
      { header: 'HINT', value: (agent) => agent.hint },
    ],
    agents,
  );
  return [`${plural(agents.length, 'agent')} with the key ${hint}:`, ...table];
}

export const findKeyCommand: Command = {
  name: 'find-key',
  summary: 'the agents that use a leaked key, read from standard input',
  help: `Usage: npm run ops -- find-key < leaked.txt

Reads a leaked Anthropic key from standard input (never from the command line,
where shell history and process lists would keep it), trims it, computes its
fingerprint exactly as the service does (an HMAC in KMS with the fingerprint
key), queries the agents table's index byKeyFingerprint, and lists the agents whose current key it is: workspace, agent, name and
hint. Only the key's hint is ever printed. Input the service would refuse as a
key (not sk-ant-…, wrong length or characters) is refused here too, since no
agent can hold it.`,
  options: {},
  positionals: { min: 0, max: 0 },
  needs: [ENV.agentsTable, ENV.fingerprintKeyId],

  async execute({ io, out }) {
    if (io.stdin.isTTY)
      throw new OpsError(`find-key reads the key from standard input: ${PIPE_HINT}`);
    const apiKey = (await readAll(io.stdin)).trim();
    out.forbid(apiKey);
    if (apiKey === '') throw new OpsError(`standard input was empty: ${PIPE_HINT}`);
    // The service stores no key that fails this check, so no agent could match it.
    const problem = keyFormatProblem(apiKey);
    if (problem) throw new OpsError(`no agent can hold this input as its key: ${problem}`);

    const fingerprinter = keyFingerprinter(requireEnv(ENV.fingerprintKeyId));
    const agents = await agentsWithFingerprint(await fingerprinter.fingerprint(apiKey));
    out.report({ keyHint: keyHint(apiKey), agents }, findKeyLines);
    return 0;
  },
};
