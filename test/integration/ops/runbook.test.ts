import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { RUNBOOK_ANCHOR, RUNBOOK_PATH } from '../../../lib/definitions/runbook.js';
import { REPO_ROOT } from '../../../scripts/local/python-env.js';

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as dashes. */
const slugOf = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

describe('operations runbook', () => {
  it('has a section for every anchor an alarm description links to', async () => {
    const text = await readFile(`${REPO_ROOT}/${RUNBOOK_PATH}`, 'utf8');

    const anchors = [...text.matchAll(/^#{1,6} (.+)$/gm)].map((match) => slugOf(match[1]!));

    for (const anchor of Object.values(RUNBOOK_ANCHOR)) expect(anchors).toContain(anchor);
  });
});
