// The Atlassian host's side of @forge/bridge, for the preview (browser script, served as /__preview/bridge.js):
// it defines window.__bridge before the app's unchanged bundle runs and answers every callBridge method the way
// Confluence and Jira do, through the preview server (resolvers, context, config) and the preview page (dialogs).
(() => {
  type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
  type Listener = (payload: unknown) => unknown;
  type HistoryLocation = { pathname: string; search: string; hash: string; state: unknown; key: string };
  type HostMessage = { source: string; type: string; [key: string]: unknown };

  const SOURCE = 'ownership-map-preview';
  const params = new URLSearchParams(window.location.search);
  /** This frame as the server knows it: view, accountId, colorMode, localId, project, board, sprint, modal. */
  const frame: Record<string, string> = {};
  params.forEach((value, key) => {
    frame[key] = value;
  });
  const frameId = params.get('frameId') ?? 'top';
  const view = params.get('view') ?? '';
  let colorMode = params.get('colorMode') === 'dark' ? 'dark' : 'light';
  let themingEnabled = false;
  let cachedSiteUrl: string | undefined;

  /** What a frame may do, by where it sits: the config dialog and modals can close; the macro on a page cannot. */
  const inDialog = view === 'macro-config' || view === 'sprint-action' || params.has('modal');

  function tellHost(type: string, data: Record<string, unknown> = {}): void {
    if (window.parent === window) return;
    window.parent.postMessage({ source: SOURCE, type, frameId, ...data }, window.location.origin);
  }

  async function answerOf(response: Response): Promise<Record<string, unknown>> {
    const text = await response.text();
    let body: Record<string, unknown>;
    try {
      body = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
    } catch {
      body = { message: text };
    }
    if (!response.ok) {
      const message =
        typeof body.message === 'string' ? body.message : `${response.status} ${response.statusText}`;
      throw new Error(message);
    }
    return body;
  }

  async function post(path: string, body: unknown): Promise<Record<string, unknown>> {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return answerOf(response);
  }

  async function getContext(): Promise<Record<string, unknown>> {
    const context = await answerOf(await fetch(`/__preview/context?${params.toString()}`));
    cachedSiteUrl = typeof context.siteUrl === 'string' ? context.siteUrl : cachedSiteUrl;
    // The theme follows the page's live switch, like Atlassian products do without reloading apps.
    const theme = (context.theme ?? {}) as Record<string, unknown>;
    return { ...context, theme: { ...theme, colorMode } };
  }

  async function siteUrl(): Promise<string> {
    if (cachedSiteUrl === undefined) await getContext();
    return cachedSiteUrl ?? window.location.origin;
  }

  // ---- Theme: what the host does for view.theme.enable(): attributes on <html> and the token stylesheet.
  function applyTheme(): void {
    const root = document.documentElement;
    root.setAttribute('data-color-mode', colorMode);
    root.setAttribute('data-theme', 'dark:dark light:light spacing:spacing typography:typography');
    if (!document.getElementById('forge-preview-tokens')) {
      const link = document.createElement('link');
      link.id = 'forge-preview-tokens';
      link.rel = 'stylesheet';
      link.href = '/__preview/tokens.css';
      document.head.appendChild(link);
    }
  }

  // ---- Size: Forge resizes the macro's iframe to its content; the page does it on this report.
  // Measured like iframe-resizer's default: the body's own height plus its margins, so a frame can also shrink.
  let lastHeight = 0;
  function reportHeight(): void {
    const body = document.body;
    if (!body) return;
    const style = getComputedStyle(body);
    const height = Math.ceil(
      body.offsetHeight + parseFloat(style.marginTop) + parseFloat(style.marginBottom),
    );
    if (height !== lastHeight) {
      lastHeight = height;
      tellHost('resize', { height });
    }
  }
  window.addEventListener('load', () => {
    reportHeight();
    const observer = new ResizeObserver(reportHeight);
    observer.observe(document.documentElement);
    observer.observe(document.body);
  });

  // ---- What Forge would refuse: CSP violations are reported on the preview page, not only in the console.
  document.addEventListener('securitypolicyviolation', (event) => {
    tellHost('csp-violation', {
      directive: event.effectiveDirective,
      blocked: event.blockedURI || 'inline',
      sample: event.sample,
    });
  });

  // ---- Events between the app's frames (events.emit / events.on).
  const channel = new BroadcastChannel(`${SOURCE}-events`);
  const eventListeners = new Map<string, Set<Listener>>();
  channel.onmessage = (message: MessageEvent<{ event: string; payload: unknown }>) => {
    for (const listener of eventListeners.get(message.data.event) ?? []) void listener(message.data.payload);
  };
  function subscribe(args: unknown): { unsubscribe: () => void } {
    const { event, callback } = args as { event: string; callback: Listener };
    const listeners = eventListeners.get(event) ?? new Set<Listener>();
    listeners.add(callback);
    eventListeners.set(event, listeners);
    return { unsubscribe: () => listeners.delete(callback) };
  }
  function emit(args: unknown): void {
    const { event, payload } = args as { event: string; payload: unknown };
    channel.postMessage({ event, payload });
  }

  // ---- Navigation: Forge's named targets become the product URLs they stand for.
  async function urlOf(location: unknown): Promise<string> {
    const site = await siteUrl();
    if (typeof location === 'string') return new URL(location, `${site}/`).toString();
    const target = location as Record<string, string | undefined>;
    const encode = (value: string | undefined) => encodeURIComponent(value ?? '');
    switch (target.target) {
      case 'issue':
        return `${site}/browse/${encode(target.issueKey)}`;
      case 'contentView':
        return `${site}/wiki/pages/viewpage.action?pageId=${encode(target.contentId)}`;
      case 'contentEdit':
        return `${site}/wiki/pages/resumedraft.action?draftId=${encode(target.contentId)}`;
      case 'spaceView':
        return `${site}/wiki/spaces/${encode(target.spaceKey)}`;
      case 'userProfile':
        return `${site}/jira/people/${encode(target.accountId)}`;
      case 'dashboard':
        return `${site}/jira/dashboards/${encode(target.dashboardId)}`;
      case 'projectSettingsDetails':
        return `${site}/jira/software/projects/${encode(target.projectKey)}/settings/details`;
      default:
        throw new Error(`The preview cannot navigate to target '${String(target.target)}'.`);
    }
  }

  // ---- History (view.createHistory): an in-memory history; @forge/bridge assigns history.location on change.
  function createHistory() {
    const listeners = new Set<(location: HistoryLocation, action: string) => void>();
    const entries: HistoryLocation[] = [
      { pathname: '/', search: '', hash: '', state: undefined, key: 'default' },
    ];
    let index = 0;
    const toLocation = (to: unknown, state: unknown): HistoryLocation => {
      const key = Math.random().toString(36).slice(2, 8);
      if (typeof to === 'string') {
        const url = new URL(to, 'http://preview.invalid/');
        return { pathname: url.pathname, search: url.search, hash: url.hash, state, key };
      }
      const parts = (to ?? {}) as Partial<HistoryLocation>;
      return {
        pathname: parts.pathname ?? '/',
        search: parts.search ?? '',
        hash: parts.hash ?? '',
        state,
        key,
      };
    };
    const history = {
      action: 'POP',
      location: entries[0] as HistoryLocation,
      get length() {
        return entries.length;
      },
      push(to: unknown, state?: unknown) {
        entries.splice(index + 1, entries.length, toLocation(to, state));
        index = entries.length - 1;
        notify('PUSH');
      },
      replace(to: unknown, state?: unknown) {
        entries[index] = toLocation(to, state);
        notify('REPLACE');
      },
      go(delta: number) {
        index = Math.min(entries.length - 1, Math.max(0, index + delta));
        notify('POP');
      },
      back() {
        history.go(-1);
      },
      forward() {
        history.go(1);
      },
      listen(listener: (location: HistoryLocation, action: string) => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      createHref(to: unknown) {
        return typeof to === 'string' ? to : toLocation(to, undefined).pathname;
      },
    };
    function notify(action: string): void {
      history.action = action;
      history.location = entries[index] as HistoryLocation;
      tellHost('history', {
        path: `${history.location.pathname}${history.location.search}${history.location.hash}`,
      });
      for (const listener of listeners) listener(history.location, action);
    }
    return history;
  }

  // ---- Modals and flags: the page draws them; callbacks stay here and are called when the page reports back.
  const modalCallbacks = new Map<string, Listener>();
  const flagActions = new Map<string, Array<() => void>>();
  const closeCallbacks: Listener[] = [];

  window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
    if (event.origin !== window.location.origin || event.data?.source !== SOURCE) return;
    const message = event.data;
    if (message.type === 'theme') {
      colorMode = message.colorMode === 'dark' ? 'dark' : 'light';
      if (themingEnabled) applyTheme();
    } else if (message.type === 'modal-closed') {
      const callback = modalCallbacks.get(String(message.modalId));
      modalCallbacks.delete(String(message.modalId));
      if (callback) void callback(message.payload);
    } else if (message.type === 'flag-action') {
      flagActions.get(String(message.id))?.[Number(message.index)]?.();
    } else if (message.type === 'closing') {
      for (const callback of closeCallbacks) void callback(undefined);
    }
  });

  function stripFunctions(value: unknown): Json {
    return JSON.parse(JSON.stringify(value ?? null)) as Json;
  }

  const methods: Record<string, (args: unknown) => unknown> = {
    async invoke(args) {
      const { functionKey, payload, metadata } = args as {
        functionKey: string;
        payload?: unknown;
        metadata?: unknown;
      };
      const answer = await post('/__preview/invoke', { frame, functionKey, payload: payload ?? {} });
      if (answer.ok !== true) {
        const error = (answer.error ?? {}) as { name?: string; message?: string };
        // The resolver let NeedsAuthenticationError through: Forge then asks the user to allow access.
        if (error.name === 'NEEDS_AUTHENTICATION_ERR') tellHost('consent', {});
        throw new Error(`There was an error invoking the function - ${error.message ?? 'unknown error'}`);
      }
      // With metadata requested, Forge wraps the answer as { body, metadata }.
      return metadata === undefined ? answer.body : { body: answer.body, metadata: {} };
    },
    getContext: () => getContext(),
    async submit(args) {
      if (view !== 'macro-config') return false;
      const config = (args as { config?: unknown } | undefined)?.config;
      if (config === null || typeof config !== 'object' || Array.isArray(config)) {
        throw new Error(
          'view.submit in a macro config takes { config: { ... } } (the values inside "config").',
        );
      }
      await post('/__preview/config', { frame, config });
      tellHost('submitted', { localId: frame.localId });
      return true;
    },
    close(args) {
      if (!inDialog) return false;
      tellHost('close', { payload: stripFunctions(args) });
      return true;
    },
    onClose(args) {
      if (!inDialog) return false;
      if (typeof args === 'function') closeCallbacks.push(args as Listener);
      return true;
    },
    open: () => false,
    refresh(args) {
      tellHost('refresh', { payload: stripFunctions(args) });
      return true;
    },
    reload() {
      tellHost('refresh', {});
    },
    enableTheming() {
      themingEnabled = true;
      applyTheme();
    },
    changeWindowTitle(args) {
      tellHost('title', { title: String(args) });
    },
    emitReadyEvent: () => undefined,
    emit,
    emitPublic: emit,
    on: subscribe,
    onPublic: subscribe,
    createHistory: () => createHistory(),
    getFrameDispatch: () => undefined,
    async getUrl(args) {
      return urlOf(args);
    },
    async navigate(args) {
      const { type, ...location } = args as { type?: string; url?: string };
      const url = await urlOf(location.url ?? location);
      tellHost('navigate', { url, newTab: type === 'new-tab' });
    },
    showFlag(args) {
      const options = args as { id: string | number; actions?: Array<{ text: string; onClick: () => void }> };
      flagActions.set(
        String(options.id),
        (options.actions ?? []).map((action) => action.onClick),
      );
      tellHost('flag', { flag: stripFunctions(options) });
      return true;
    },
    closeFlag(args) {
      tellHost('close-flag', { id: String((args as { id: string | number }).id) });
      return true;
    },
    async openModal(args) {
      const options = args as {
        resource?: string | null;
        onClose?: Listener;
        size?: unknown;
        context?: unknown;
        title?: string;
        closeOnEscape?: boolean;
        closeOnOverlayClick?: boolean;
      };
      const answer = await post('/__preview/modals', {
        frame,
        context: stripFunctions(options.context ?? {}),
      });
      const modalId = String(answer.modalId);
      if (typeof options.onClose === 'function') modalCallbacks.set(modalId, options.onClose);
      tellHost('open-modal', {
        modalId,
        resource: options.resource ?? null,
        size: stripFunctions(options.size ?? 'medium'),
        title: options.title ?? '',
        closeOnEscape: options.closeOnEscape !== false,
        closeOnOverlayClick: options.closeOnOverlayClick !== false,
      });
      return true;
    },
    async fetchProduct(args) {
      return post('/__preview/product-fetch', { frame, ...(args as Record<string, unknown>) });
    },
    fetchRemote() {
      throw new Error('The preview has no Forge remotes; the manifest declares none.');
    },
    getCookieConsentPreferences: () => null,
    isRovoEnabled: () => false,
    emitFrontendCustomMetric: () => undefined,
    initFeatureFlags: () => ({}),
  };

  (window as unknown as { __bridge: unknown }).__bridge = {
    callBridge(method: string, args?: unknown): Promise<unknown> {
      const answer = methods[method];
      if (!answer) {
        return Promise.reject(
          new Error(
            `The preview's Forge bridge does not support '${method}'. Supported: ${Object.keys(methods).join(', ')}.`,
          ),
        );
      }
      try {
        return Promise.resolve(answer(args));
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
})();
