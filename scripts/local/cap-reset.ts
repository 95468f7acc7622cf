/**
 * `npm run cap-reset`: runs the daily cap-reset job once against the running
 * local stack, without waiting for midnight UTC, and prints what it returned.
 */
import { applyLocalEnvironment } from './local-environment.js';
import { invokeCapReset } from './scheduler-event.js';
import { readStackFile } from './stack-file.js';

const stack = await readStackFile();
const answering = await fetch(`${stack.awsEndpoint}/moto-api/`).then(
  (response) => response.ok,
  () => false,
);
if (!answering) {
  console.error(
    `Nothing answers at ${stack.awsEndpoint}: start the local stack with \`npm start\``,
  );
  process.exit(1);
}

applyLocalEnvironment({
  awsEndpoint: stack.awsEndpoint,
  region: stack.region,
  anthropicUrl: stack.anthropicBaseUrl,
  functionEnvironment: stack.functionEnvironment,
});
const result = await invokeCapReset(new Date());
console.log(JSON.stringify(result ?? null, null, 2));
