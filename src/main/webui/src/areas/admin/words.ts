import type { Words } from '../../i18n'

const words: Words = {
  'admin.title': ['平台管理', 'Platform admin'],
  'admin.congresses': ['人大列表', 'Congresses'],
  'admin.new': ['新建人大', 'New congress'],
  'admin.create': ['创建', 'Create'],
  'admin.created': ['已创建，请为它建立秘书处账号', 'Created: now give it a secretariat account'],
  'admin.code': ['代码', 'Code'],
  'admin.codeHint': ['登录时填写的代码，只能用字母、数字、- 和 _，创建后不能修改。', 'Typed at sign-in: letters, digits, - and _; cannot be changed later.'],
  'admin.namePlaceholder': ['如：青溪县人民代表大会', 'e.g. Qingxi County People’s Congress'],
  'admin.level': ['级别', 'Level'],
  'admin.rename': ['改名', 'Rename'],
  'admin.accounts': ['账号', 'Accounts'],
  'admin.accountsOf': ['{0}的账号', 'Accounts of {0}'],
  'admin.accountsHint': ['先建立秘书处账号；秘书处登录时人大代码填“{0}”，其余账号由秘书处自行管理。', 'Create the secretariat account first; it signs in with congress code “{0}” and manages the other accounts itself.'],
}
export default words
