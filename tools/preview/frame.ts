// One rendered module in the preview (a "frame": the macro, its config dialog, a Jira view, a modal) and the
// Forge-shaped contexts it gets: what view.getContext() answers in the browser, and what a resolver receives.
import { z } from 'zod';
import type { PreviewBoard, PreviewDirectory, PreviewProject } from './directory';
import {
  contextAri,
  installationAri,
  type ContextAriForm,
  type InstallationObject,
  type ProductName,
} from './forge-runtime';
import type { PreviewManifest, PreviewModule } from './manifest';

export const VIEWS = ['macro', 'macro-config', 'project-page', 'sprint-action'] as const;
export type PreviewView = (typeof VIEWS)[number];

/** The macro the preview page holds, when the frame names none. */
export const DEFAULT_LOCAL_ID = 'preview-page-macro';

const id = z.string().regex(/^[\w.:-]{1,100}$/, 'letters, digits, "-", "_", ".", ":" only');

/** A frame as its URL (or an invoke request) describes it; every value arrives as a string from a query. */
export const FrameSchema = z.object({
  view: z.enum(VIEWS),
  accountId: id,
  colorMode: z.enum(['light', 'dark']).default('light'),
  localId: id.default(DEFAULT_LOCAL_ID),
  project: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]{0,19}$/, 'a Jira project key')
    .optional(),
  board: z.coerce.number().int().positive().optional(),
  sprint: z.coerce.number().int().positive().optional(),
  /** A modal opened by this frame's module (view.Modal), by the id the preview gave it. */
  modal: id.optional(),
});
export type Frame = z.infer<typeof FrameSchema>;

export class FrameError extends Error {
  override name = 'FrameError';
}

/** Facts of the emulated installation, the same for every frame. */
export interface PreviewSite {
  cloudId: string;
  siteUrl: string;
  environmentId: string;
  installationId: string;
  /** The app's UUID (tail of the manifest's app.id). */
  appId: string;
  /**
   * How the installation names its Jira context ('site' or 'workspace' ARI), or 'none' when the app is installed
   * on Confluence only (the macro must then say that Jira is missing).
   */
  jiraContext: ContextAriForm | 'none';
}

/** What frames need beyond their own description. */
export interface FrameWorld {
  manifest: PreviewManifest;
  directory: PreviewDirectory;
  site: PreviewSite;
  macroConfig(localId: string): Record<string, unknown> | undefined;
  /** False for a viewer who has not yet allowed the app to act for them. */
  hasConsented(accountId: string): boolean;
  modalContext(modalId: string): unknown;
}

export interface FrameModule {
  module: PreviewModule;
  /** The manifest's module type, e.g. "macro", "jira:projectPage". */
  moduleType: string;
  /** Resource this frame renders (the macro config may name its own). */
  resource: string;
  product: ProductName;
}

export function moduleOfFrame(frame: Frame, manifest: PreviewManifest): FrameModule {
  switch (frame.view) {
    case 'macro':
      return {
        module: manifest.macro,
        moduleType: 'macro',
        resource: manifest.macro.resource,
        product: 'confluence',
      };
    case 'macro-config':
      return {
        module: manifest.macro,
        moduleType: 'macro',
        resource: manifest.macro.configResource,
        product: 'confluence',
      };
    case 'project-page':
      if (!manifest.projectPage) throw new FrameError('The manifest declares no jira:projectPage module.');
      return {
        module: manifest.projectPage,
        moduleType: 'jira:projectPage',
        resource: manifest.projectPage.resource,
        product: 'jira',
      };
    case 'sprint-action':
      if (!manifest.sprintAction) throw new FrameError('The manifest declares no jira:sprintAction module.');
      return {
        module: manifest.sprintAction,
        moduleType: 'jira:sprintAction',
        resource: manifest.sprintAction.resource,
        product: 'jira',
      };
  }
}

/** The Confluence page and space the preview's macro sits on. */
export const PREVIEW_PAGE = {
  contentId: '65538',
  spaceId: '98306',
  spaceKey: 'PROD',
  title: 'Who owns what',
};

function projectOf(frame: Frame, directory: PreviewDirectory): PreviewProject {
  if (frame.project === undefined) throw new FrameError(`The ${frame.view} frame needs a project.`);
  const project = directory.projects.find((candidate) => candidate.key === frame.project);
  if (!project) throw new FrameError(`Project ${frame.project} is not on this site.`);
  return project;
}

function boardOf(frame: Frame, directory: PreviewDirectory): PreviewBoard {
  if (frame.board === undefined) throw new FrameError(`The ${frame.view} frame needs a board.`);
  const board = directory.boards.find((candidate) => candidate.id === frame.board);
  if (!board) throw new FrameError(`Board ${frame.board} is not on this site.`);
  return board;
}

/** `extension` of the context: the module-specific part, shaped as the products send it. */
export function extensionOf(frame: Frame, world: FrameWorld): Record<string, unknown> {
  const modal = frame.modal === undefined ? {} : { modal: world.modalContext(frame.modal) };
  switch (frame.view) {
    case 'macro':
    case 'macro-config': {
      const config = world.macroConfig(frame.localId);
      const configuring = frame.view === 'macro-config';
      return {
        type: 'macro',
        content: { id: PREVIEW_PAGE.contentId, type: 'page', subtype: null },
        space: { id: PREVIEW_PAGE.spaceId, key: PREVIEW_PAGE.spaceKey },
        // The config dialog opens from the editor; the published page is not being edited.
        isEditing: configuring,
        references: [],
        // An unconfigured macro has no config at all, as in Confluence.
        ...(config === undefined ? {} : { config }),
        macro: { isConfiguring: configuring, isInserting: false },
        ...modal,
      };
    }
    case 'project-page': {
      const project = projectOf(frame, world.directory);
      // On a Jira Software project the page also knows the board it was opened from.
      const board = frame.board === undefined ? undefined : boardOf(frame, world.directory);
      return {
        type: 'jira:projectPage',
        project: { id: project.id, key: project.key, type: 'software' },
        ...(board === undefined ? {} : { board: { id: board.id, type: board.type } }),
        ...modal,
      };
    }
    case 'sprint-action': {
      const project = projectOf(frame, world.directory);
      const board = boardOf(frame, world.directory);
      if (frame.sprint === undefined) throw new FrameError('The sprint-action frame needs a sprint.');
      if (board.sprints.length > 0 && !board.sprints.some((sprint) => sprint.id === frame.sprint)) {
        throw new FrameError(`Sprint ${frame.sprint} is not on board ${board.id}.`);
      }
      return {
        type: 'jira:sprintAction',
        sprint: { id: frame.sprint },
        board: { id: board.id, type: board.type },
        project: { id: project.id, key: project.key, type: 'software' },
        ...modal,
      };
    }
  }
}

/** localId: the macro's own id on its page; for Jira modules, one per module and place. */
function localIdOf(frame: Frame, module: FrameModule): string {
  if (frame.view === 'macro' || frame.view === 'macro-config') return frame.localId;
  return `${module.module.key}-${frame.project ?? 'site'}${frame.sprint === undefined ? '' : `-${frame.sprint}`}`;
}

/** The Jira context of the installation in the site's form, or undefined when the app is not on Jira. */
function jiraContextOf(site: PreviewSite) {
  return site.jiraContext === 'none'
    ? undefined
    : contextAri('jira', site.cloudId, site.jiraContext, site.installationId);
}

/** The app is installed on both products of one site: the macro reaches Jira through the Jira context. */
export function installationOf(site: PreviewSite): InstallationObject {
  const jira = jiraContextOf(site);
  return {
    ari: installationAri(site.installationId),
    contexts: [contextAri('confluence', site.cloudId), ...(jira === undefined ? [] : [jira])],
  };
}

/** The ARI of the product context a module runs in, in the form the installation uses. */
export function installContextOf(product: ProductName, site: PreviewSite): string {
  const jira = jiraContextOf(site);
  return (product === 'jira' && jira !== undefined ? jira : contextAri(product, site.cloudId)).toString();
}

/** What view.getContext() answers in the frame (FullContext of @forge/bridge). */
export function browserContextOf(frame: Frame, world: FrameWorld): Record<string, unknown> {
  const module = moduleOfFrame(frame, world.manifest);
  return {
    accountId: frame.accountId,
    cloudId: world.site.cloudId,
    siteUrl: world.site.siteUrl,
    localId: localIdOf(frame, module),
    moduleKey: module.module.key,
    environmentId: world.site.environmentId,
    environmentType: 'DEVELOPMENT',
    locale: 'en-US',
    timezone: 'UTC',
    theme: {
      colorMode: frame.colorMode,
      dark: 'dark',
      light: 'light',
      spacing: 'spacing',
      typography: 'typography',
    },
    surfaceColor: null,
    extension: extensionOf(frame, world),
  };
}

/** The two arguments Forge passes to the resolver function for an invoke from this frame. */
export function resolverArgumentsOf(
  frame: Frame,
  world: FrameWorld,
): { context: Record<string, unknown>; backendRuntimePayload: Record<string, unknown>; module: FrameModule } {
  const module = moduleOfFrame(frame, world.manifest);
  const browser = browserContextOf(frame, world);
  // The resolver context carries what the frame knows, minus UI-only fields; @forge/resolver then sets
  // accountId, installContext and installation from the runtime payload.
  const { theme: _theme, surfaceColor: _surface, accountId: _accountId, ...context } = browser;
  return {
    module,
    context,
    backendRuntimePayload: {
      principal: { accountId: frame.accountId },
      installContext: installContextOf(module.product, world.site),
      installation: installationOf(world.site),
    },
  };
}
