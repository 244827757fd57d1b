// The preview's browser scripts are TypeScript (type-checked with the rest of tools/); they are compiled to plain
// classic scripts when first served, so the preview needs no build step of its own.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';

const cache = new Map<string, { mtimeMs: number; code: string }>();

/** The compiled JavaScript of tools/preview/browser/<name>.ts. */
export async function browserScript(name: 'bridge' | 'host'): Promise<string> {
  const file = path.join(__dirname, 'browser', `${name}.ts`);
  const { mtimeMs } = await stat(file);
  const cached = cache.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached.code;
  const source = await readFile(file, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName: file,
    compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.None, removeComments: false },
  });
  cache.set(file, { mtimeMs, code: outputText });
  return outputText;
}
