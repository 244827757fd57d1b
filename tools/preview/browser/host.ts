// The preview page's own script (browser script, served as /__preview/host.js): a Confluence-like page with the
// macro, its config dialog, the Jira views, a viewer and theme switch; it draws what frames ask for (dialogs,
// modals, flags, resizes) the way the Atlassian products do.
(() => {
  type ColorMode = 'light' | 'dark';
  type Tab = 'confluence' | 'project' | 'sprint';
  type ViewInfo = { resource: string; title: string; viewportSize?: string };
  type Sprint = {
    id: number;
    name: string;
    state: string;
    startDate?: string;
    endDate?: string;
    completeDate?: string;
  };
  type Board = { id: number; name: string; type: string; projectKey?: string; sprints: Sprint[] };
  type Person = { accountId: string; displayName: string; projects?: string[] };
  type Site = {
    source: string;
    siteUrl: string;
    notes: string[];
    people: Person[];
    defaultViewer: string;
    projects: Array<{ key: string; name: string; id: string }>;
    boards: Board[];
    /** Where the Jira views open: the preferred project, and per project its first board and usual sprint. */
    defaults: {
      project?: string;
      board?: number;
      sprint?: number;
      byProject: Record<string, { board?: number; sprint?: number }>;
    };
    views: { macro: ViewInfo; config: ViewInfo; projectPage?: ViewInfo; sprintAction?: ViewInfo };
    localId: string;
    page: { title: string; spaceKey: string };
  };
  type FrameKind = 'macro' | 'config' | 'project' | 'sprint' | 'modal';
  type FrameEntry = {
    kind: FrameKind;
    iframe: HTMLIFrameElement;
    resource: string;
    params: Record<string, string>;
    modalId?: string;
    openerId?: string;
  };
  type FrameMessage = { source: string; type: string; frameId: string; [key: string]: unknown };

  const SOURCE = 'ownership-map-preview';
  const MODAL_SIZES: Record<string, [string, string]> = {
    small: ['400px', '40vh'],
    medium: ['600px', '60vh'],
    large: ['800px', '70vh'],
    xlarge: ['968px', '80vh'],
    max: ['95vw', '95vh'],
    fullscreen: ['100vw', '100vh'],
    resizable: ['800px', '70vh'],
  };
  const CONFIG_SIZES: Record<string, [string, string]> = {
    small: ['400px', '50vh'],
    medium: ['600px', '60vh'],
    large: ['1000px', '80vh'],
    xlarge: ['1200px', '90vh'],
    max: ['95vw', '95vh'],
  };

  const byId = <T extends HTMLElement>(id: string): T => {
    const element = document.getElementById(id);
    if (!element) throw new Error(`The preview page has no #${id}.`);
    return element as T;
  };

  const frames = new Map<string, FrameEntry>();
  /** What tests (and curious developers) can read: navigations, flags and CSP reports the app caused. */
  const record = {
    navigations: [] as Array<{ url: string; newTab: boolean }>,
    flags: [] as unknown[],
    cspViolations: [] as Array<{ directive: string; blocked: string }>,
    submits: 0,
  };
  let frameCounter = 0;

  const query = new URLSearchParams(window.location.search);
  const state = {
    viewer: '',
    colorMode: (query.get('theme') === 'dark' ? 'dark' : 'light') as ColorMode,
    tab: (['confluence', 'project', 'sprint'].includes(query.get('tab') ?? '')
      ? query.get('tab')
      : 'confluence') as Tab,
    project: query.get('project') ?? '',
    board: Number(query.get('board') ?? 0),
    sprint: Number(query.get('sprint') ?? 0),
  };

  function saveState(): void {
    const next = new URLSearchParams({ viewer: state.viewer, theme: state.colorMode, tab: state.tab });
    if (state.project) next.set('project', state.project);
    if (state.board) next.set('board', String(state.board));
    if (state.sprint) next.set('sprint', String(state.sprint));
    window.history.replaceState(null, '', `/?${next.toString()}`);
  }

  function frameUrl(entry: FrameEntry): string {
    const params = new URLSearchParams({
      ...entry.params,
      accountId: state.viewer,
      colorMode: state.colorMode,
      frameId: [...frames.entries()].find(([, value]) => value === entry)?.[0] ?? '',
    });
    return `/resources/${encodeURIComponent(entry.resource)}/index.html?${params.toString()}`;
  }

  function mount(
    kind: FrameKind,
    iframe: HTMLIFrameElement,
    resource: string,
    params: Record<string, string>,
  ) {
    for (const [id, entry] of frames) if (entry.iframe === iframe) frames.delete(id);
    frameCounter += 1;
    const id = `${kind}-${frameCounter}`;
    const entry: FrameEntry = { kind, iframe, resource, params };
    frames.set(id, entry);
    iframe.src = frameUrl(entry);
    return entry;
  }

  function unmount(iframe: HTMLIFrameElement): void {
    for (const [id, entry] of frames) if (entry.iframe === iframe) frames.delete(id);
    iframe.removeAttribute('src');
  }

  function post(entry: FrameEntry, message: Record<string, unknown>): void {
    entry.iframe.contentWindow?.postMessage({ source: SOURCE, ...message }, window.location.origin);
  }

  /**
   * What Forge shows when the app has not yet been allowed to act for the viewer: a prompt in place of the app.
   * Allowing it records the consent (for this viewer, until the preview restarts) and loads the app again.
   */
  function askConsent(entry: FrameEntry): void {
    const iframe = entry.iframe;
    if (iframe.previousElementSibling?.classList.contains('consent')) return;
    const panel = document.createElement('section');
    panel.className = 'consent';
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-labelledby', 'consent-title');
    const title = document.createElement('h2');
    title.id = 'consent-title';
    title.textContent = 'Allow access';
    const text = document.createElement('p');
    text.textContent =
      'Ownership Map needs your permission to read Jira as you. It only reads what you can open in Jira yourself.';
    const allow = document.createElement('button');
    allow.type = 'button';
    allow.className = 'consent-allow';
    allow.textContent = 'Allow access';
    allow.addEventListener('click', () => {
      void (async () => {
        allow.disabled = true;
        await fetch('/__preview/consent', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ accountId: state.viewer }),
        });
        panel.remove();
        iframe.style.display = '';
        iframe.src = frameUrl(entry);
      })();
    });
    panel.append(title, text, allow);
    // The frame's own style sets display, which the hidden attribute would not override.
    iframe.style.display = 'none';
    iframe.before(panel);
    allow.focus();
  }

  function note(text: string, kind: 'info' | 'warning' = 'info'): void {
    const notes = byId('notes');
    if ([...notes.children].some((child) => child.textContent === text)) return;
    const item = document.createElement('p');
    item.className = `note note-${kind}`;
    item.textContent = text;
    notes.appendChild(item);
  }

  void (async () => {
    const response = await fetch('/__preview/site');
    if (!response.ok) {
      note(`The preview server could not describe the site: ${await response.text()}`, 'warning');
      return;
    }
    const site = (await response.json()) as Site;
    const person = (id: string) => site.people.find((candidate) => candidate.accountId === id);
    state.viewer = person(query.get('viewer') ?? '') ? (query.get('viewer') as string) : site.defaultViewer;
    state.project = state.project || site.defaults.project || '';
    state.board = state.board || site.defaults.board || 0;
    state.sprint = state.sprint || site.defaults.sprint || 0;
    for (const text of site.notes) note(text);

    // ---- Viewer and theme.
    const viewerSelect = byId<HTMLSelectElement>('viewer');
    for (const candidate of site.people) {
      const option = document.createElement('option');
      option.value = candidate.accountId;
      const reach =
        candidate.projects === undefined ? 'all projects' : candidate.projects.join(', ') || 'no projects';
      option.textContent = `${candidate.displayName} (${reach})`;
      viewerSelect.appendChild(option);
    }
    viewerSelect.value = state.viewer;
    viewerSelect.disabled = site.people.length < 2;
    viewerSelect.addEventListener('change', () => {
      state.viewer = viewerSelect.value;
      saveState();
      closeDialogs();
      renderActive(true);
    });

    const themeToggle = byId<HTMLButtonElement>('theme-toggle');
    const applyColorMode = () => {
      document.documentElement.setAttribute('data-color-mode', state.colorMode);
      themeToggle.setAttribute('aria-pressed', String(state.colorMode === 'dark'));
      themeToggle.textContent = state.colorMode === 'dark' ? 'Light theme' : 'Dark theme';
    };
    applyColorMode();
    themeToggle.addEventListener('click', () => {
      state.colorMode = state.colorMode === 'dark' ? 'light' : 'dark';
      applyColorMode();
      saveState();
      for (const entry of frames.values()) post(entry, { type: 'theme', colorMode: state.colorMode });
    });

    // ---- Confluence page with the macro.
    byId('page-title').textContent = site.page.title;
    byId('macro-title').textContent = site.views.macro.title;
    const macroFrame = byId<HTMLIFrameElement>('macro-frame');
    macroFrame.title = site.views.macro.title;
    const renderMacro = () =>
      mount('macro', macroFrame, site.views.macro.resource, { view: 'macro', localId: site.localId });

    const configDialog = byId<HTMLDialogElement>('config-dialog');
    const configFrame = byId<HTMLIFrameElement>('config-frame');
    byId('config-title').textContent = site.views.config.title;
    const [configWidth, configHeight] =
      CONFIG_SIZES[site.views.config.viewportSize ?? 'medium'] ?? CONFIG_SIZES.medium!;
    configDialog.style.width = configWidth;
    configFrame.style.height = configHeight;
    byId('edit-macro').addEventListener('click', () => {
      mount('config', configFrame, site.views.config.resource, {
        view: 'macro-config',
        localId: site.localId,
      });
      configDialog.showModal();
    });

    // ---- Jira project page.
    const projectSelect = byId<HTMLSelectElement>('project-select');
    for (const project of site.projects) {
      const option = document.createElement('option');
      option.value = project.key;
      option.textContent = `${project.name} (${project.key})`;
      projectSelect.appendChild(option);
    }
    projectSelect.value = state.project;
    projectSelect.addEventListener('change', () => {
      state.project = projectSelect.value;
      const defaults = site.defaults.byProject[state.project];
      state.board = defaults?.board ?? 0;
      state.sprint = defaults?.sprint ?? 0;
      saveState();
      renderActive(true);
    });
    const projectFrame = byId<HTMLIFrameElement>('project-frame');
    const renderProject = () => {
      if (!site.views.projectPage)
        return note('The manifest declares no jira:projectPage module.', 'warning');
      byId('project-page-title').textContent = site.views.projectPage.title;
      mount('project', projectFrame, site.views.projectPage.resource, {
        view: 'project-page',
        project: state.project,
      });
    };

    // ---- Jira board with the sprint action.
    const sprintDialog = byId<HTMLDialogElement>('sprint-dialog');
    const sprintFrame = byId<HTMLIFrameElement>('sprint-frame');
    const openSprintAction = (sprint: Sprint) => {
      if (!site.views.sprintAction)
        return note('The manifest declares no jira:sprintAction module.', 'warning');
      state.sprint = sprint.id;
      saveState();
      byId('sprint-dialog-title').textContent = `${site.views.sprintAction.title}: ${sprint.name}`;
      mount('sprint', sprintFrame, site.views.sprintAction.resource, {
        view: 'sprint-action',
        project: state.project,
        board: String(state.board),
        sprint: String(sprint.id),
      });
      if (!sprintDialog.open) sprintDialog.showModal();
    };
    const renderBoard = (openAction: boolean) => {
      const boards = site.boards.filter(
        (board) => board.projectKey === undefined || board.projectKey === state.project,
      );
      const list = byId('sprint-list');
      list.replaceChildren();
      const board = boards.find((candidate) => candidate.id === state.board) ?? boards[0];
      byId('board-title').textContent = board
        ? `${board.name} — sprints`
        : `No board in project ${state.project}`;
      if (!board) return;
      state.board = board.id;
      for (const sprint of [...board.sprints].reverse()) {
        const item = document.createElement('li');
        item.className = 'sprint-row';
        const label = document.createElement('span');
        label.textContent = `${sprint.name} · ${sprint.state}`;
        const action = document.createElement('button');
        action.type = 'button';
        action.className = 'sprint-action';
        action.dataset.sprint = String(sprint.id);
        action.textContent = site.views.sprintAction?.title ?? 'Sprint action';
        action.addEventListener('click', () => openSprintAction(sprint));
        item.append(label, action);
        list.appendChild(item);
      }
      if (board.sprints.length === 0) list.textContent = 'This board has no sprints.';
      const usual = site.defaults.byProject[state.project]?.sprint;
      const sprint =
        board.sprints.find((candidate) => candidate.id === state.sprint) ??
        board.sprints.find((candidate) => candidate.id === usual);
      if (openAction && sprint) openSprintAction(sprint);
    };

    // ---- Tabs: a frame loads when its tab is first shown, and again when the viewer changes.
    const stale = new Set<Tab>(['confluence', 'project', 'sprint']);
    function renderActive(viewerChanged: boolean): void {
      if (viewerChanged) for (const tab of ['confluence', 'project', 'sprint'] as Tab[]) stale.add(tab);
      if (!stale.has(state.tab)) return;
      stale.delete(state.tab);
      if (state.tab === 'confluence') renderMacro();
      if (state.tab === 'project') renderProject();
      if (state.tab === 'sprint') renderBoard(true);
    }
    const showTab = (tab: Tab) => {
      state.tab = tab;
      saveState();
      for (const button of document.querySelectorAll<HTMLButtonElement>('[role="tab"]')) {
        button.setAttribute('aria-selected', String(button.dataset.tab === tab));
      }
      for (const panel of document.querySelectorAll<HTMLElement>('[role="tabpanel"]')) {
        panel.hidden = panel.id !== `panel-${tab}`;
      }
      renderActive(false);
    };
    for (const button of document.querySelectorAll<HTMLButtonElement>('[role="tab"]')) {
      button.addEventListener('click', () => showTab(button.dataset.tab as Tab));
    }

    // ---- Dialogs the app opens (view.Modal) and closes (view.close).
    const modalDialog = byId<HTMLDialogElement>('app-modal');
    const modalFrame = byId<HTMLIFrameElement>('modal-frame');
    let modalCloseOnOverlay = true;
    const closeModal = (payload: unknown) => {
      const entry = [...frames.values()].find((candidate) => candidate.iframe === modalFrame);
      if (!entry) return;
      const opener = entry.openerId === undefined ? undefined : frames.get(entry.openerId);
      post(entry, { type: 'closing' });
      unmount(modalFrame);
      if (modalDialog.open) modalDialog.close();
      if (opener) post(opener, { type: 'modal-closed', modalId: entry.modalId, payload });
    };
    modalDialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      if (modalDialog.dataset.closeOnEscape !== 'false') closeModal(undefined);
    });
    modalDialog.addEventListener('click', (event) => {
      if (event.target === modalDialog && modalCloseOnOverlay) closeModal(undefined);
    });
    const closeConfig = () => {
      unmount(configFrame);
      if (configDialog.open) configDialog.close();
    };
    const closeSprint = () => {
      unmount(sprintFrame);
      if (sprintDialog.open) sprintDialog.close();
    };
    configDialog.addEventListener('close', () => unmount(configFrame));
    sprintDialog.addEventListener('close', () => unmount(sprintFrame));
    for (const button of document.querySelectorAll<HTMLButtonElement>('[data-close]')) {
      button.addEventListener('click', () => {
        if (button.dataset.close === 'config') closeConfig();
        if (button.dataset.close === 'sprint') closeSprint();
        if (button.dataset.close === 'modal') closeModal(undefined);
      });
    }
    function closeDialogs(): void {
      closeModal(undefined);
      closeConfig();
      closeSprint();
    }

    function showFlag(flag: Record<string, unknown>, from: FrameEntry): void {
      record.flags.push(flag);
      const id = String(flag.id);
      document.querySelector(`[data-flag-id="${CSS.escape(id)}"]`)?.remove();
      const element = document.createElement('div');
      element.className = `flag flag-${String(flag.appearance ?? flag.type ?? 'info')}`;
      element.dataset.flagId = id;
      element.setAttribute('role', 'alert');
      const title = document.createElement('strong');
      title.textContent = String(flag.title ?? '');
      const description = document.createElement('p');
      description.textContent = String(flag.description ?? '');
      element.append(title, description);
      const actions = Array.isArray(flag.actions) ? (flag.actions as Array<{ text?: string }>) : [];
      actions.forEach((action, index) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = action.text ?? 'Action';
        button.addEventListener('click', () => post(from, { type: 'flag-action', id, index }));
        element.appendChild(button);
      });
      const dismiss = document.createElement('button');
      dismiss.type = 'button';
      dismiss.className = 'flag-dismiss';
      dismiss.setAttribute('aria-label', 'Dismiss');
      dismiss.textContent = '×';
      dismiss.addEventListener('click', () => element.remove());
      element.appendChild(dismiss);
      byId('flags').appendChild(element);
      if (flag.isAutoDismiss === true) setTimeout(() => element.remove(), 8000);
    }

    // ---- What frames ask for.
    window.addEventListener('message', (event: MessageEvent<FrameMessage>) => {
      if (event.origin !== window.location.origin || event.data?.source !== SOURCE) return;
      const message = event.data;
      const entry = frames.get(message.frameId);
      if (!entry) return; // a frame that was replaced since it spoke
      switch (message.type) {
        case 'resize':
          if (entry.kind === 'macro' || entry.kind === 'project') {
            entry.iframe.style.height = `${Math.max(80, Number(message.height))}px`;
          }
          break;
        case 'submitted':
          record.submits += 1;
          closeConfig();
          renderMacro();
          break;
        case 'close':
          if (entry.kind === 'config') closeConfig();
          if (entry.kind === 'sprint') closeSprint();
          if (entry.kind === 'modal') closeModal(message.payload);
          break;
        case 'refresh':
          entry.iframe.src = frameUrl(entry);
          break;
        case 'consent':
          askConsent(entry);
          break;
        case 'title':
          document.title = `${String(message.title)} — Ownership Map preview`;
          break;
        case 'history':
          entry.iframe.dataset.path = String(message.path);
          break;
        case 'navigate': {
          const url = String(message.url);
          record.navigations.push({ url, newTab: message.newTab === true });
          if (message.newTab === true) window.open(url, '_blank', 'noopener');
          else note(`The app navigated to ${url} (the preview stays on this page).`);
          break;
        }
        case 'flag':
          showFlag(message.flag as Record<string, unknown>, entry);
          break;
        case 'close-flag':
          document.querySelector(`[data-flag-id="${CSS.escape(String(message.id))}"]`)?.remove();
          break;
        case 'open-modal': {
          const [width, height] =
            typeof message.size === 'string'
              ? (MODAL_SIZES[message.size] ?? MODAL_SIZES.medium!)
              : [
                  String((message.size as { width?: string }).width ?? '600px'),
                  String((message.size as { height?: string }).height ?? '60vh'),
                ];
          modalDialog.style.width = width;
          modalFrame.style.height = height;
          modalDialog.dataset.closeOnEscape = String(message.closeOnEscape !== false);
          modalCloseOnOverlay = message.closeOnOverlayClick !== false;
          byId('modal-title').textContent = String(message.title ?? '');
          const resource = typeof message.resource === 'string' ? message.resource : entry.resource;
          const opener = message.frameId;
          const modal = mount('modal', modalFrame, resource, {
            ...entry.params,
            modal: String(message.modalId),
          });
          modal.modalId = String(message.modalId);
          modal.openerId = opener;
          if (!modalDialog.open) modalDialog.showModal();
          break;
        }
        case 'csp-violation': {
          const directive = String(message.directive);
          const blocked = String(message.blocked);
          record.cspViolations.push({ directive, blocked });
          let fix = '';
          if (directive.startsWith('style-src')) {
            fix =
              " Forge blocks it too unless manifest.yml has permissions.content.styles: ['unsafe-inline'].";
          } else if (blocked === 'eval') {
            fix =
              " Forge blocks it too unless permissions.content.scripts has 'unsafe-eval'" +
              ' (a library that only probes for eval keeps working).';
          } else if (directive.startsWith('script-src')) {
            fix = ' Forge blocks it too: inline scripts need permissions.content.scripts.';
          }
          note(`Content Security Policy blocked ${blocked} (${directive}).${fix}`, 'warning');
          break;
        }
      }
    });

    // ---- Resolver calls, as the server saw them.
    const activity = byId<HTMLDetailsElement>('activity');
    const refreshActivity = async () => {
      if (!activity.open) return;
      const calls = (await (await fetch('/__preview/invocations')).json()) as Array<Record<string, unknown>>;
      const rows = calls
        .slice(-30)
        .reverse()
        .map((call) => {
          const row = document.createElement('tr');
          const requests = Array.isArray(call.requests) ? call.requests.length : 0;
          for (const text of [
            String(call.functionKey),
            String(call.moduleKey),
            person(String(call.accountId))?.displayName ?? String(call.accountId),
            `${String(call.durationMs)} ms`,
            `${requests} Jira request${requests === 1 ? '' : 's'}`,
            call.ok === true ? 'ok' : String(call.error),
          ]) {
            const cell = document.createElement('td');
            cell.textContent = text;
            row.appendChild(cell);
          }
          return row;
        });
      byId('activity-rows').replaceChildren(...rows);
    };
    activity.addEventListener('toggle', () => void refreshActivity());
    setInterval(() => void refreshActivity(), 2000);

    (window as unknown as { __previewHost: unknown }).__previewHost = { state, record, site };
    showTab(state.tab);
    saveState();
    document.body.dataset.ready = 'true';
  })();
})();
