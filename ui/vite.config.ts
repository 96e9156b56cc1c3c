/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The Tauri window loads ui/dist; no dev server is needed for `cargo build`.
export default defineConfig({
  plugins: [vue()],
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
    server: { deps: { inline: ['element-plus'] } },
  },
})
