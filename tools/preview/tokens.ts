// The design-token stylesheet that view.theme.enable() brings into a frame. Atlassian's host loads its theme CSS
// (selected by data-color-mode / data-theme on <html>); the preview serves the same CSS from @atlaskit/tokens
// when the app has it installed, and otherwise only the colour scheme, so a dark page is at least legible.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const THEMES = [
  'atlassian-light',
  'atlassian-dark',
  'atlassian-spacing',
  'atlassian-typography',
  'atlassian-shape',
];

const COLOR_SCHEME_ONLY = `/* Colour scheme of the frame, from data-color-mode as the theme sets it. */
html[data-color-mode='light'] { color-scheme: light; }
html[data-color-mode='dark'] { color-scheme: dark; }
`;

export interface TokensStylesheet {
  css: string;
  source: 'atlaskit' | 'color-scheme-only';
}

/** The theme's CSS from the package's built artifact, read as text (the module is a single string export). */
function themeCss(packageDir: string, theme: string): string | undefined {
  for (const flavour of ['cjs', 'esm']) {
    const file = path.join(packageDir, 'dist', flavour, 'artifacts', 'themes', `${theme}.js`);
    if (!existsSync(file)) continue;
    const literal = /(?:export default|exports\.default\s*=)\s*("(?:[^"\\]|\\.)*")/.exec(
      readFileSync(file, 'utf8'),
    );
    if (!literal?.[1]) continue;
    try {
      return JSON.parse(literal[1]) as string;
    } catch {
      // not a JSON-compatible string literal; try the other build
    }
  }
  return undefined;
}

export function tokensStylesheet(appDir: string): TokensStylesheet {
  const packageDir = [path.join(appDir, 'node_modules'), path.join(appDir, 'static', 'node_modules')]
    .map((modules) => path.join(modules, '@atlaskit', 'tokens'))
    .find((dir) => existsSync(dir));
  const parts = packageDir === undefined ? [] : THEMES.map((theme) => themeCss(packageDir, theme));
  const found = parts.filter((css): css is string => css !== undefined);
  if (found.length === 0) return { css: COLOR_SCHEME_ONLY, source: 'color-scheme-only' };
  return { css: `${COLOR_SCHEME_ONLY}\n${found.join('\n')}`, source: 'atlaskit' };
}
