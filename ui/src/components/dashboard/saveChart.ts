// "保存图片": the user picks a path in the system save dialog and the shell writes the PNG
// there (the webview never touches the file system).
import { save } from '@tauri-apps/plugin-dialog'
import { ElMessage } from 'element-plus'
import { saveChartPng, type ChartQuery } from '../../api/status'
import { errorMessage } from '../../api/invoke'

export async function saveChartImage(q: ChartQuery, suggestedName: string): Promise<boolean> {
  const path = await save({
    title: '保存图片',
    defaultPath: suggestedName.endsWith('.png') ? suggestedName : `${suggestedName}.png`,
    filters: [{ name: 'PNG 图片', extensions: ['png'] }],
  })
  if (!path) return false
  try {
    await saveChartPng(q, path)
    ElMessage.success(`图片已保存：${path}`)
    return true
  } catch (e) {
    ElMessage.error(errorMessage(e))
    return false
  }
}
