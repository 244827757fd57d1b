// Serves a manifest resource folder (the built bundle) as Forge's CDN would: every asset byte for byte, and
// index.html with one change, the bridge script the Atlassian host would provide, placed before the first script.
import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import type { ExternalSources } from './manifest';

export const BRIDGE_SCRIPT_PATH = '/__preview/bridge.js';
export const BRIDGE_SCRIPT_TAG = `<script src="${BRIDGE_SCRIPT_PATH}"></script>`;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The bundle's HTML with the bridge script before its first script (or at the end of head when it has none). */
export function injectBridge(html: string): string {
  const firstScript = html.search(/<script\b/i);
  if (firstScript !== -1)
    return `${html.slice(0, firstScript)}${BRIDGE_SCRIPT_TAG}\n    ${html.slice(firstScript)}`;
  const headEnd = html.search(/<\/head>/i);
  if (headEnd !== -1) return `${html.slice(0, headEnd)}${BRIDGE_SCRIPT_TAG}\n${html.slice(headEnd)}`;
  return `${BRIDGE_SCRIPT_TAG}\n${html}`;
}

/** The CSP keywords manifest permissions.content may add (Forge's manifest reference lists these). */
const CONTENT_KEYWORDS = new Set(['unsafe-inline', 'unsafe-hashes', 'unsafe-eval']);
const CONTENT_SCHEMES = new Set(['blob:', 'data:']);

/**
 * An approximation of the Content-Security-Policy Forge puts on Custom UI: resources from the bundle's own
 * origin only, relaxed by manifest permissions.content (e.g. 'unsafe-inline' styles) and permissions.external
 * (outside hosts by kind). Sent so that a bundle Forge would break (CSS-in-JS injecting <style> without the
 * permission, an undeclared image host) breaks in the preview first.
 */
export function customUiCsp(
  content: { scripts: string[]; styles: string[] },
  external: Partial<ExternalSources> = {},
): string {
  const relax = (values: string[]) =>
    values
      .map((value) => value.replace(/^'|'$/g, ''))
      .filter((value) => CONTENT_KEYWORDS.has(value) || CONTENT_SCHEMES.has(value))
      .map((value) => (CONTENT_SCHEMES.has(value) ? ` ${value}` : ` '${value}'`))
      .join('');
  const hostsOf = (values: string[] | undefined) => (values ?? []).map((value) => ` ${value}`).join('');
  return [
    "default-src 'self'",
    `script-src 'self'${relax(content.scripts)}${hostsOf(external.scripts)}`,
    `style-src 'self'${relax(content.styles)}${hostsOf(external.styles)}`,
    `img-src 'self' data: blob:${hostsOf(external.images)}`,
    `font-src 'self' data:${hostsOf(external.fonts)}`,
    `media-src 'self' blob:${hostsOf(external.media)}`,
    `frame-src 'self'${hostsOf(external.frames)}`,
    `connect-src 'self'${hostsOf(external.fetchClient)}`,
    "frame-ancestors 'self'",
  ].join('; ');
}

/** The file under `root` that `relative` names, or undefined if it would leave `root`. */
export function resolveInside(root: string, relative: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const file = path.resolve(root, `.${path.posix.sep}${decoded.replace(/^\/+/, '')}`);
  return file === root || file.startsWith(root + path.sep) ? file : undefined;
}

export interface ResourceServing {
  /** The CSP header for HTML pages; undefined = none. */
  csp?: string;
}

/** Answers one request for `relative` inside the resource folder `root`. */
export async function serveResource(
  res: ServerResponse,
  root: string,
  relative: string,
  options: ResourceServing,
): Promise<void> {
  let file = resolveInside(
    root,
    relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative,
  );
  if (file === undefined) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad path.');
    return;
  }
  const info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    file = path.join(file, 'index.html');
  }
  const bytes = await readFile(file).catch(() => undefined);
  if (bytes === undefined) {
    const hint = relative.endsWith('index.html') || relative === '' ? ' Run `npm run build` first.' : '';
    res
      .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
      .end(`Not in ${root}: ${relative}.${hint}`);
    return;
  }
  const type = contentTypeOf(file);
  const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-store' };
  if (type.startsWith('text/html')) {
    if (options.csp) headers['content-security-policy'] = options.csp;
    res.writeHead(200, headers).end(injectBridge(bytes.toString('utf8')));
    return;
  }
  res.writeHead(200, headers).end(bytes);
}
