// A confirmation before what cannot be undone (open, close, publish, terminate …). The confirm
// button names the action itself ("开启表决"), never a bare OK.
import { ElMessageBox } from 'element-plus'
import { t } from '../i18n'

export async function confirmAction(opts: { title: string; message: string; action: string; danger?: boolean }): Promise<boolean> {
  try {
    await ElMessageBox.confirm(opts.message + ' ' + t('common.irreversible'), opts.title, {
      confirmButtonText: opts.action,
      cancelButtonText: t('common.cancel'),
      type: opts.danger ? 'error' : 'warning',
      confirmButtonClass: opts.danger ? 'el-button--danger' : undefined,
      closeOnClickModal: false,
      distinguishCancelAndClose: true,
    })
    return true
  } catch {
    return false
  }
}
