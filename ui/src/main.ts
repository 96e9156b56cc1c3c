import { createApp } from 'vue'
import { createPinia } from 'pinia'
import { ElMessage, provideGlobalConfig } from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
// Components bring their own CSS (vite.config.ts); what scripts call directly needs its own.
import 'element-plus/es/components/base/style/css'
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import 'element-plus/es/components/loading/style/css'
import './style.css'
import App from './App.vue'
import { router } from './router'

const app = createApp(App)
// A rendering error must not leave a silently blank screen: tell the user, keep a trace
// for the end-to-end tests.
const errors: string[] = []
;(window as unknown as { __zhibiaoErrors: string[] }).__zhibiaoErrors = errors
app.config.errorHandler = (err, _instance, info) => {
  const text = err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err)
  errors.push(`${info}: ${text}`)
  console.error(err)
  ElMessage.error(`界面出错：${err instanceof Error ? err.message : String(err)}`)
}
provideGlobalConfig({ locale: zhCn }, app, true)
app.use(createPinia()).use(router).mount('#app')
