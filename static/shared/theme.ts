// Atlassian design tokens for every surface: turning on the host's theme (light / dark follow the product), the
// colours, spacing and type the views use (each a token with its light-theme fallback), and the current colour mode.
import { view } from '@forge/bridge';
import { token } from '@atlaskit/tokens';
import { useEffect, useState } from 'react';

export { token };

/**
 * Asks the host to apply the product's theme: it sets data-color-mode / data-theme on <html> and loads the token
 * stylesheet, so every `var(--ds-…)` below resolves to the light or dark value. Outside a host it does nothing.
 */
export async function enableTheme(): Promise<void> {
  try {
    await view.theme.enable();
  } catch {
    // No host theme (e.g. a test page without the bridge): the fallbacks below are the light theme.
  }
}

/** The tokens the views use, by purpose. Fallbacks are the light theme's values, used only when tokens are absent. */
export const colors = {
  text: token('color.text', '#172B4D'),
  textSubtle: token('color.text.subtle', '#44546F'),
  textSubtlest: token('color.text.subtlest', '#626F86'),
  textInverse: token('color.text.inverse', '#FFFFFF'),
  textDanger: token('color.text.danger', '#AE2E24'),
  textWarning: token('color.text.warning', '#A54800'),
  textSuccess: token('color.text.success', '#216E4E'),
  link: token('color.link', '#0C66E4'),
  surface: token('elevation.surface', '#FFFFFF'),
  surfaceSunken: token('elevation.surface.sunken', '#F7F8F9'),
  surfaceRaised: token('elevation.surface.raised', '#FFFFFF'),
  surfaceOverlay: token('elevation.surface.overlay', '#FFFFFF'),
  shadowRaised: token('elevation.shadow.raised', '0px 1px 1px #091E4240, 0px 0px 1px #091E424F'),
  shadowOverlay: token('elevation.shadow.overlay', '0px 8px 12px #091E4226, 0px 0px 1px #091E424F'),
  border: token('color.border', '#091E4224'),
  borderBold: token('color.border.bold', '#758195'),
  borderFocused: token('color.border.focused', '#388BFF'),
  backgroundNeutral: token('color.background.neutral', '#091E420F'),
  backgroundNeutralHovered: token('color.background.neutral.subtle.hovered', '#091E420F'),
  backgroundSelected: token('color.background.selected', '#E9F2FF'),
  /** The RACI letters: A strongest, then R, C, I fading out. */
  letterA: token('color.background.accent.blue.bolder', '#0C66E4'),
  letterR: token('color.background.accent.teal.subtle', '#6CC3E0'),
  letterC: token('color.background.accent.gray.subtler', '#DCDFE4'),
  letterI: token('color.background.neutral', '#091E420F'),
  letterAText: token('color.text.inverse', '#FFFFFF'),
  letterRText: token('color.text.accent.teal.bolder', '#164555'),
  letterCText: token('color.text.accent.gray.bolder', '#091E42'),
  letterIText: token('color.text.subtlest', '#626F86'),
  /** Declared rows: what the user says, drawn apart from what Jira shows. */
  declaredBorder: token('color.border.discovery', '#8F7EE7'),
  declaredBackground: token('color.background.discovery', '#F3F0FF'),
} as const;

export const space = {
  '025': token('space.025', '2px'),
  '050': token('space.050', '4px'),
  '075': token('space.075', '6px'),
  '100': token('space.100', '8px'),
  '150': token('space.150', '12px'),
  '200': token('space.200', '16px'),
  '300': token('space.300', '24px'),
  '400': token('space.400', '32px'),
} as const;

export const fonts = {
  body: token(
    'font.body',
    'normal 400 14px/20px ui-sans-serif, -apple-system, "Segoe UI", Roboto, sans-serif',
  ),
  bodySmall: token(
    'font.body.small',
    'normal 400 12px/16px ui-sans-serif, -apple-system, "Segoe UI", Roboto, sans-serif',
  ),
  heading: token(
    'font.heading.small',
    'normal 653 16px/20px ui-sans-serif, -apple-system, "Segoe UI", Roboto, sans-serif',
  ),
  headingXSmall: token(
    'font.heading.xsmall',
    'normal 653 14px/16px ui-sans-serif, -apple-system, "Segoe UI", Roboto, sans-serif',
  ),
  code: token('font.code', 'normal 400 0.875em/1 ui-monospace, Menlo, "Segoe UI Mono", monospace'),
} as const;

export const radius = {
  small: token('radius.small', '4px'),
  medium: token('radius.medium', '6px'),
} as const;

export type ColorMode = 'light' | 'dark';

function currentColorMode(): ColorMode {
  return document.documentElement.getAttribute('data-color-mode') === 'dark' ? 'dark' : 'light';
}

/** The colour mode the host applied (data-color-mode on <html>), updated live when the user switches theme. */
export function useColorMode(): ColorMode {
  const [mode, setMode] = useState<ColorMode>(currentColorMode);
  useEffect(() => {
    const observer = new MutationObserver(() => setMode(currentColorMode()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-color-mode'] });
    return () => observer.disconnect();
  }, []);
  return mode;
}
