/**
 * The only form of a customer key that leaves the vault: `sk-ant-****` and its
 * last four characters, enough for a person to recognise which key is in use.
 */
export function keyHint(apiKey: string): string {
  return `sk-ant-****${apiKey.slice(-4)}`;
}
