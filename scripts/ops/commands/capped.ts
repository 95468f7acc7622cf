import { ENV } from '../../../functions/shared/environment.js';
import type { Command } from '../command.js';
import { dayOption } from '../day-option.js';
import { plural } from '../plural.js';
import { type CappedAgent, cappedAgents } from '../reports/capped-report.js';
import { formatTable } from '../table.js';

function cappedLines({ day, agents }: { day: string; agents: readonly CappedAgent[] }) {
  if (agents.length === 0) return [`No agent was refused on ${day} (UTC).`];
  const table = formatTable(
    [
      { header: 'AGENT', value: (agent: CappedAgent) => agent.agentId },
      { header: 'WORKSPACE', value: (agent) => agent.workspaceId },
      { header: 'NAME', value: (agent) => agent.name },
      { header: 'SPENT ¢', value: (agent) => agent.spentCents, align: 'right' },
      { header: 'RESERVED ¢', value: (agent) => agent.reservedCents, align: 'right' },
      { header: 'CAP ¢', value: (agent) => agent.capCents, align: 'right' },
      { header: 'CAPPED AT', value: (agent) => agent.cappedAt },
      { header: 'RESET RECORDED', value: (agent) => agent.capResetAt },
    ],
    agents,
  );
  return [`${plural(agents.length, 'agent')} refused on ${day} (UTC)`, ...table];
}

export const cappedCommand: Command = {
  name: 'capped',
  summary: 'the agents refused for their daily spend cap on a day',
  help: `Usage: npm run ops -- capped [--day YYYY-MM-DD]

Lists the agents whose calls were refused with 429 daily_spend_cap_reached on a
UTC day (index byCappedDay of the counters table), with the day's spend, what
calls in flight held, the agent's cap now, when it was first refused, and
whether the daily job has recorded its reset.

  --day DAY   the UTC day (default: today)`,
  options: { day: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  needs: [ENV.agentsTable, ENV.countersTable],

  async execute({ options, out }) {
    const day = dayOption(options.day);
    out.report({ day, agents: await cappedAgents(day) }, cappedLines);
    return 0;
  },
};
