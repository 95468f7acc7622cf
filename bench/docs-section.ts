import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from '../scripts/local/python-env.js';

export const PERFORMANCE_DOC = join(REPO_ROOT, 'docs/performance.md');
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

/**
 * Replaces what stands between the bench markers of docs/performance.md with
 * the new report, leaving the prose around it as written. Fails when the
 * markers are missing, rather than appending somewhere unexpected.
 */
export async function writeReportIntoDoc(report: string): Promise<void> {
  const doc = await readFile(PERFORMANCE_DOC, 'utf8');
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start)
    throw new Error(`${PERFORMANCE_DOC} has no ${START} … ${END} section`);

  const before = doc.slice(0, start + START.length);
  const after = doc.slice(end);
  await writeFile(PERFORMANCE_DOC, `${before}\n\n${report}\n\n${after}`);
}
