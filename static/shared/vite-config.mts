// One Vite configuration for every Custom UI surface: each builds into its own static/<surface>/dist,
// the folder the manifest's resource names. Relative base so the bundle loads from Forge's CDN path and the preview alike.
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

export function surfaceConfig(surfaceDir: string): UserConfig {
  return defineConfig({
    root: surfaceDir,
    base: './',
    plugins: [react()],
    // Atlassian's design system makes one bundle of about 1 MB; it is served from Forge's CDN, once per app.
    build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1500 },
  });
}
