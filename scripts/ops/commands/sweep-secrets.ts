import { ENV } from '../../../functions/shared/environment.js';
import type { Command } from '../command.js';
import { plural } from '../plural.js';
import { type OrphanedSecret, type SweepReport, sweepSecrets } from '../reports/sweep-report.js';
import { formatTable } from '../table.js';

const outcomeOf = (secret: OrphanedSecret) => {
  if (secret.deleted === undefined) return 'would delete';
  return secret.deleted ? 'deleted' : 'already gone';
};

function sweepLines(report: SweepReport): string[] {
  const scope =
    `${plural(report.listed, 'key secret')} under ${report.vaultPrefix}/, ` +
    `sweeping those no agent references and older than ${report.minSecretAgeSeconds} s`;
  if (report.orphans.length === 0) return [scope, 'No orphaned secret.'];

  const table = formatTable(
    [
      { header: 'SECRET', value: (secret: OrphanedSecret) => secret.name },
      { header: 'WORKSPACE', value: (secret) => secret.workspaceId },
      { header: 'AGENT', value: (secret) => secret.agentId },
      { header: 'CREATED', value: (secret) => secret.createdAt },
      { header: 'ACTION', value: outcomeOf },
    ],
    report.orphans,
  );
  const next = report.applied
    ? []
    : ['', 'Dry run: nothing was deleted. Run with --apply to delete.'];
  return [scope, ...table, ...next];
}

export const sweepSecretsCommand: Command = {
  name: 'sweep-secrets',
  summary: 'the vault key secrets no agent references (dry run), or delete them (--apply)',
  help: `Usage: npm run ops -- sweep-secrets [--apply]

Runs the daily job's secret sweep on its own: lists the Anthropic key secrets
under the vault prefix (VAULT_SECRET_PREFIX) that no agent references and that
are older than SWEEP_MIN_SECRET_AGE_SECONDS (default 3600: a younger secret may
belong to a key change still under way). A dry run by default: it deletes
nothing. Secrets are listed by name and tags only; no value is ever read.

  --apply   delete them, at once and without a recovery window`,
  options: { apply: { type: 'boolean' } },
  positionals: { min: 0, max: 0 },
  needs: [ENV.agentsTable, ENV.vaultPrefix],

  async execute({ options, out }) {
    out.report(await sweepSecrets(options.apply === true), sweepLines);
    return 0;
  },
};
