// Test support: calls to the preview server's endpoints as the bridge makes them.
import type { PreviewServer } from '../../../tools/preview/server';

export type FrameFields = Record<string, string>;

export async function invoke(
  preview: PreviewServer,
  frame: FrameFields,
  functionKey: string,
  payload: unknown = {},
): Promise<{
  status: number;
  body: { ok: boolean; body?: unknown; error?: { name: string; message: string }; message?: string };
}> {
  const response = await fetch(`${preview.url}/__preview/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ frame, functionKey, payload }),
  });
  return { status: response.status, body: (await response.json()) as never };
}

export async function context(
  preview: PreviewServer,
  frame: FrameFields,
): Promise<{ status: number; body: Record<string, unknown> & { extension: Record<string, unknown> } }> {
  const response = await fetch(`${preview.url}/__preview/context?${new URLSearchParams(frame).toString()}`);
  return { status: response.status, body: (await response.json()) as never };
}

/** The Jira site ARI among a resolver context's installation contexts (Forge's ARI objects stringify to the ARI). */
export function jiraSiteAri(context: Record<string, unknown>): string {
  const installation = context.installation as { contexts?: unknown[] } | undefined;
  const ari = (installation?.contexts ?? [])
    .map(String)
    .find((text) => text.startsWith('ari:cloud:jira::site/'));
  if (ari === undefined) throw new Error('The invocation has no Jira installation context.');
  return ari;
}
