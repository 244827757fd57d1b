// What the preview reads from manifest.yml: which module renders which resource, and from which folder,
// so the preview serves exactly the folders `forge deploy` would upload and names modules as Forge does.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { INVOCATION_LIMITS, TRIGGER_INTERVALS, type TriggerInterval } from '../forge-runtime/limits';

const ModuleSchema = z.looseObject({
  key: z.string(),
  resource: z.string().optional(),
  title: z.string().optional(),
  config: z
    .union([
      z.boolean(),
      z.looseObject({
        resource: z.string().optional(),
        title: z.string().optional(),
        viewportSize: z.string().optional(),
      }),
    ])
    .optional(),
});

const ContentPermissionsSchema = z.looseObject({
  scripts: z.array(z.string()).optional(),
  styles: z.array(z.string()).optional(),
});

/** permissions.external entries: plain host patterns, or { address } objects. */
const ExternalListSchema = z.array(z.union([z.string(), z.looseObject({ address: z.string() })])).optional();
const ExternalPermissionsSchema = z.looseObject({
  images: ExternalListSchema,
  fonts: ExternalListSchema,
  styles: ExternalListSchema,
  scripts: ExternalListSchema,
  frames: ExternalListSchema,
  media: ExternalListSchema,
  fetch: z.looseObject({ client: ExternalListSchema }).optional(),
});

const ManifestSchema = z.looseObject({
  modules: z.looseObject({
    macro: z.array(ModuleSchema).optional(),
    'jira:projectPage': z.array(ModuleSchema).optional(),
    'jira:sprintAction': z.array(ModuleSchema).optional(),
  }),
  resources: z.array(z.looseObject({ key: z.string(), path: z.string() })).default([]),
  app: z.looseObject({ id: z.string() }),
  permissions: z
    .looseObject({
      scopes: z.array(z.string()).optional(),
      content: ContentPermissionsSchema.optional(),
      external: ExternalPermissionsSchema.optional(),
    })
    .optional(),
});

/** One module the preview can show. */
export interface PreviewModule {
  key: string;
  /** Resource key, e.g. "macro". */
  resource: string;
  title: string;
}

export interface PreviewManifest {
  appId: string;
  macro: PreviewModule & { configResource: string; configTitle: string; viewportSize: string };
  projectPage?: PreviewModule;
  sprintAction?: PreviewModule;
  /** Resource key -> absolute folder (the built `dist`). */
  resources: Record<string, string>;
  /** permissions.content: what the Custom UI CSP relaxes ('unsafe-inline' styles or scripts). */
  content: { scripts: string[]; styles: string[] };
  /** permissions.external: the outside hosts the Custom UI may load from, by kind. */
  external: ExternalSources;
  /** permissions.scopes, e.g. "read:jira-work". */
  scopes: string[];
}

export interface ExternalSources {
  images: string[];
  fonts: string[];
  styles: string[];
  scripts: string[];
  frames: string[];
  media: string[];
  fetchClient: string[];
}

function hosts(list: z.infer<typeof ExternalListSchema>): string[] {
  return (list ?? []).map((entry) => (typeof entry === 'string' ? entry : entry.address));
}

export class ManifestError extends Error {
  override name = 'ManifestError';
}

function firstModule(
  list: z.infer<typeof ModuleSchema>[] | undefined,
  kind: string,
): PreviewModule | undefined {
  const module = list?.[0];
  if (!module) return undefined;
  if (!module.resource) throw new ManifestError(`The ${kind} module ${module.key} names no resource.`);
  return { key: module.key, resource: module.resource, title: module.title ?? module.key };
}

/** manifest.yml at `appDir`, parsed and checked against `schema`; `file` names it in errors. */
async function readManifestFile<T>(
  appDir: string,
  schema: z.ZodType<T>,
  reader: string,
): Promise<{ file: string; manifest: T }> {
  const file = path.join(appDir, 'manifest.yml');
  const parsed = schema.safeParse(parse(await readFile(file, 'utf8')));
  if (!parsed.success)
    throw new ManifestError(`${file} is not a manifest the ${reader} understands: ${parsed.error.message}`);
  return { file, manifest: parsed.data };
}

/** Reads manifest.yml at `appDir`; resource paths come back absolute. */
export async function readPreviewManifest(appDir: string): Promise<PreviewManifest> {
  const { file, manifest } = await readManifestFile(appDir, ManifestSchema, 'preview');
  const macro = firstModule(manifest.modules.macro, 'macro');
  if (!macro) throw new ManifestError(`${file} declares no macro module.`);
  const config =
    typeof manifest.modules.macro?.[0]?.config === 'object' ? manifest.modules.macro[0].config : {};
  const external = manifest.permissions?.external;
  const resources: Record<string, string> = {};
  for (const resource of manifest.resources) resources[resource.key] = path.resolve(appDir, resource.path);
  const result: PreviewManifest = {
    appId: manifest.app.id,
    macro: {
      ...macro,
      configResource: config.resource ?? macro.resource,
      configTitle: config.title ?? `Configure ${macro.title}`,
      viewportSize: config.viewportSize ?? 'medium',
    },
    projectPage: firstModule(manifest.modules['jira:projectPage'], 'jira:projectPage'),
    sprintAction: firstModule(manifest.modules['jira:sprintAction'], 'jira:sprintAction'),
    resources,
    content: {
      scripts: manifest.permissions?.content?.scripts ?? [],
      styles: manifest.permissions?.content?.styles ?? [],
    },
    scopes: manifest.permissions?.scopes ?? [],
    external: {
      images: hosts(external?.images),
      fonts: hosts(external?.fonts),
      styles: hosts(external?.styles),
      scripts: hosts(external?.scripts),
      frames: hosts(external?.frames),
      media: hosts(external?.media),
      fetchClient: hosts(external?.fetch?.client),
    },
  };
  for (const module of [result.macro, result.projectPage, result.sprintAction]) {
    if (module && resources[module.resource] === undefined) {
      throw new ManifestError(
        `${file}: module ${module.key} names resource ${module.resource}, which is not declared.`,
      );
    }
  }
  return result;
}

// What the local Forge runtime (tools/forge-runtime) reads: the functions, and the modules that invoke them with no
// user — async event consumers and scheduled triggers — with the limits Forge's manifest schema puts on them.
const FunctionSchema = z.looseObject({
  key: z.string(),
  handler: z.string().regex(/^[\w./-]+\.[A-Za-z_$][\w$]*$/, '"<module>.<export>"'),
  timeoutSeconds: z.number().int().min(1).max(INVOCATION_LIMITS.maxTimeoutSeconds).optional(),
});
/** A consumer names its function directly, or a resolver function and the method to call on it. */
const ConsumerSchema = z
  .looseObject({
    key: z.string(),
    queue: z.string(),
    function: z.string().optional(),
    resolver: z.looseObject({ function: z.string(), method: z.string() }).optional(),
  })
  .refine((consumer) => (consumer.function === undefined) !== (consumer.resolver === undefined), {
    message: 'a consumer names either function or resolver: { function, method }',
  });
const TriggerSchema = z.looseObject({
  key: z.string(),
  function: z.string(),
  interval: z.enum(TRIGGER_INTERVALS),
});
const RuntimeManifestSchema = z.looseObject({
  app: z.looseObject({ id: z.string() }),
  modules: z.looseObject({
    function: z.array(FunctionSchema).default([]),
    consumer: z.array(ConsumerSchema).default([]),
    scheduledTrigger: z
      .array(TriggerSchema)
      .max(
        INVOCATION_LIMITS.scheduledTriggers,
        `Forge allows at most ${INVOCATION_LIMITS.scheduledTriggers} scheduled triggers`,
      )
      .default([]),
  }),
  permissions: z.looseObject({ scopes: z.array(z.string()).optional() }).optional(),
});

export interface ManifestFunction {
  key: string;
  /** "<module>.<export>", as Forge resolves it under src/. */
  handler: string;
  timeoutSeconds?: number;
}

export interface ManifestConsumer {
  key: string;
  queue: string;
  function: string;
  /** Set for a resolver consumer (`resolver: { function, method }`): the resolver's function key. */
  method?: string;
}

export interface ManifestTrigger {
  key: string;
  function: string;
  interval: TriggerInterval;
}

export interface RuntimeManifest {
  /** The app's UUID (the tail of app.id). */
  appId: string;
  functions: ManifestFunction[];
  consumers: ManifestConsumer[];
  scheduledTriggers: ManifestTrigger[];
  scopes: string[];
}

/** Reads the functions, consumers and scheduled triggers of manifest.yml at `appDir`. */
export async function readRuntimeManifest(appDir: string): Promise<RuntimeManifest> {
  const { file, manifest } = await readManifestFile(appDir, RuntimeManifestSchema, 'local Forge runtime');
  const functions = manifest.modules.function.map(({ key, handler, timeoutSeconds }): ManifestFunction => ({
    key,
    handler,
    ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
  }));
  const consumers = manifest.modules.consumer.map(
    ({ key, queue, function: fn, resolver }): ManifestConsumer => ({
      key,
      queue,
      function: resolver?.function ?? fn ?? '',
      ...(resolver === undefined ? {} : { method: resolver.method }),
    }),
  );
  const scheduledTriggers = manifest.modules.scheduledTrigger.map(
    ({ key, function: fn, interval }): ManifestTrigger => ({ key, function: fn, interval }),
  );
  for (const module of [...consumers, ...scheduledTriggers]) {
    if (!functions.some((fn) => fn.key === module.function)) {
      throw new ManifestError(
        `${file}: module ${module.key} names function ${module.function}, which is not declared.`,
      );
    }
  }
  const queues = consumers.map((consumer) => consumer.queue);
  const twice = queues.find((queue, index) => queues.indexOf(queue) !== index);
  if (twice !== undefined) {
    throw new ManifestError(`${file}: two consumers listen to queue ${twice}; the runtime delivers to one.`);
  }
  return {
    appId: manifest.app.id.replace(/^ari:cloud:ecosystem::app\//, ''),
    functions,
    consumers,
    scheduledTriggers,
    scopes: manifest.permissions?.scopes ?? [],
  };
}
