/** Placeholder until the handler is written; answers 501. */
export const handler = async () => ({
  statusCode: 501,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ error: { code: 'not_implemented', message: 'Not implemented' } }),
});
