// Chinese names for the audit log's action and field codes.
const ACTIONS: Record<string, string> = {
  insert: '新增',
  create: '新增',
  update: '修改',
  delete: '删除',
  submit: '提交',
  approve: '审核通过',
  return: '退回',
  reopen: '重新打开',
  assign: '下达目标',
}

const FIELDS: Record<string, string> = {
  value: '数值',
  status: '完成状态',
  evidence: '佐证材料',
  note: '说明',
  source: '数据来源',
  vintage: '数据口径',
  state: '状态',
  target: '目标值',
  cause: '原因分析',
  measures: '下一步措施',
}

export const auditActionLabel = (a: string) => ACTIONS[a] ?? a
export const auditFieldLabel = (f: string) => FIELDS[f] ?? f
