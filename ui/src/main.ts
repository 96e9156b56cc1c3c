import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus, { ElMessage } from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import 'element-plus/dist/index.css'
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
app.use(createPinia()).use(router).use(ElementPlus, { locale: zhCn }).mount('#app')
