import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import type { LocalFunctionId } from '../scripts/local/handler-modules.js';
import { REPO_ROOT } from '../scripts/local/python-env.js';

/** Every function the stack deploys, by its handler file name. */
export const FUNCTION_IDS: readonly LocalFunctionId[] = [
  'gateway',
  'agents-read',
  'agents-write',
  'cap-reset',
  'fallback',
];

/** The floor every init time is compared with: a handler that imports nothing. */
export const EMPTY_HANDLER = 'empty handler';

/** The same banner as lib/constructs/service-function.ts gives every bundle. */
const REQUIRE_SHIM =
  "import { createRequire as topLevelCreateRequire } from 'node:module';" +
  'const require = topLevelCreateRequire(import.meta.url);';

const TOP_PACKAGES = 5;

/** One function's bundle, as `cdk synth` would build it. */
export interface FunctionBundle {
  readonly name: string;
  readonly file: string;
  readonly metafile: string;
  readonly bytes: number;
  /** The packages that weigh most in the bundle, by bytes of output. */
  readonly topPackages: readonly { name: string; bytes: number }[];
}

/**
 * Bundles each handler with esbuild as the CDK's NodejsFunction does with
 * the construct's options (ESM, node22, minified, source map, no externals:
 * the SDK is bundled) and keeps esbuild's metafile next to the bundle.
 */
export async function bundleFunctions(outDir: string): Promise<FunctionBundle[]> {
  const emptyEntry = join(outDir, 'empty-handler.mjs');
  await writeFile(emptyEntry, 'export const handler = async () => ({ statusCode: 200 });\n');

  const entries = [
    ...FUNCTION_IDS.map((id) => ({
      name: id as string,
      entry: join(REPO_ROOT, 'functions/handlers', `${id}.ts`),
    })),
    { name: EMPTY_HANDLER, entry: emptyEntry },
  ];
  const bundles: FunctionBundle[] = [];
  for (const { name, entry } of entries) bundles.push(await bundleOne(name, entry, outDir));
  return bundles;
}

async function bundleOne(name: string, entry: string, outDir: string): Promise<FunctionBundle> {
  const slug = name.replace(/\W+/g, '-');
  const file = join(outDir, slug, 'index.mjs');
  const result = await build({
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    mainFields: ['module', 'main'],
    minify: true,
    sourcemap: true,
    banner: { js: REQUIRE_SHIM },
    metafile: true,
    logLevel: 'warning',
    absWorkingDir: REPO_ROOT,
  });
  const metafile = join(outDir, slug, 'metafile.json');
  await writeFile(metafile, JSON.stringify(result.metafile));

  const output = Object.entries(result.metafile.outputs).find(([path]) =>
    path.endsWith('index.mjs'),
  );
  if (!output) throw new Error(`esbuild wrote no index.mjs for ${name}`);
  return { name, file, metafile, bytes: output[1].bytes, topPackages: topPackages(output[1]) };
}

/** Bytes in the output by package: `@scope/name` or `name` under node_modules, else the project's own code. */
function topPackages(output: Metafile['outputs'][string]) {
  const byPackage = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
    const name = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? 'project code';
    byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
  }
  return [...byPackage]
    .map(([name, bytes]) => ({ name, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, TOP_PACKAGES);
}
