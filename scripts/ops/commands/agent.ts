import { ENV } from '../../../functions/shared/environment.js';
import type { Command } from '../command.js';
import { dayOption } from '../day-option.js';
import { agentLines } from '../reports/agent-lines.js';
import { AUDIT_EVENTS_SHOWN, agentReport } from '../reports/agent-report.js';

export const agentCommand: Command = {
  name: 'agent',
  summary: "an agent's settings, key status, a day's spend and its latest audit events",
  help: `Usage: npm run ops -- agent <agentId> [--workspace <workspaceId>] [--day YYYY-MM-DD]

Shows an agent's settings (provider, model, daily cap, prompt cache TTL, version),
its key's hint, status and validation time (never the key), the day's spend and
reservations (calls in flight) from the counters table, and its last ${AUDIT_EVENTS_SHOWN} audit events.

  --workspace ID   read the agent directly. Without it the agent is found with a
                   Scan of the agents table filtered on its id: fine now and then,
                   but it reads the whole table.
  --day DAY        the UTC day of the spend (default: today)`,
  options: { workspace: { type: 'string' }, day: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  needs: [ENV.agentsTable, ENV.countersTable, ENV.auditTable],

  async execute({ args, options, out }) {
    const workspaceId = typeof options.workspace === 'string' ? options.workspace : undefined;
    const report = await agentReport(args[0]!, workspaceId, dayOption(options.day));
    out.report(report, agentLines);
    return 0;
  },
};
