// Mounts a view the way the app does (Element Plus zh-CN, Pinia, a router) for vitest.
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Component } from 'vue'

export async function mountView(view: Component, path = '/', props: Record<string, unknown> = {}) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: { template: '<div />' } },
      { path: '/plans', component: { template: '<div />' } },
      { path: '/plans/:id', component: { template: '<div />' } },
      { path: '/import', component: { template: '<div />' } },
    ],
  })
  await router.push(path)
  const wrapper = mount(view, {
    props,
    attachTo: document.body,
    global: { plugins: [[ElementPlus, { locale: zhCn }] as never, createPinia(), router] },
  })
  await flushPromises()
  return { wrapper, router }
}
