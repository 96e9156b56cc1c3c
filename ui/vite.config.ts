/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// The Tauri window loads ui/dist; no dev server is needed for `cargo build`.
// Element Plus components (and their CSS) are imported where a template uses them, so a
// screen loads only its own: the whole library's 1 MB of JS and 360 KB of CSS at start cost
// the web process memory for components most screens never show.
export default defineConfig(({ mode }) => ({
  plugins: [
    vue(),
    // Tests install the whole library (tests/mount.ts), as the app did before.
    mode === 'test'
      ? null
      : Components({
          resolvers: [ElementPlusResolver({ importStyle: 'css' })],
          dts: false,
        }),
  ],
  clearScreen: false,
  base: './',
  server: { port: 1420, strictPort: true },
  build: {
    target: 'safari15',
    chunkSizeWarningLimit: 2000,
    outDir: 'dist',
    emptyOutDir: true,
  },
  test: {
    environment: 'jsdom',
    include: ['tests/**/*.spec.ts', 'src/**/*.spec.ts'],
    css: false,
    // Element Plus pre-bundled once instead of transformed inline for every test file, and
    // one worker per core (vitest leaves one core free by default): 126 s → 60 s on 2 cores.
    deps: { optimizer: { web: { enabled: true, include: ['element-plus'] } } },
    maxWorkers: '100%',
  },
}))
