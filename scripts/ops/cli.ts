/**
 * `npm run ops -- <command>`: operator commands against the local stack or a
 * deployed stage. See `--help` and docs/operations.md.
 */
// Set before the AWS SDK loads: the warning would mix with the command's output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { run } = await import('./run.js');
process.exitCode = await run(process.argv.slice(2));
