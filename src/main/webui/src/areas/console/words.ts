import type { Words } from '../../i18n'

const words: Words = {
  'console.title': ['秘书处工作台', 'Secretariat console'],
  'console.stage.prepare': ['一、准备', '1. Preparation'],
  'console.stage.propose': ['二、征集与审查', '2. Proposals and screening'],
  'console.stage.decide': ['三、大会票决', '3. The vote'],
  'console.stage.deliver': ['四、实施与监督', '4. Delivery and supervision'],
  'console.stage.evaluate': ['五、评估与归档', '5. Evaluation and records'],
  'console.accounts': ['账号管理', 'Accounts'],
  'console.accountsHint': ['为监票人、承办单位、会场大屏等建立账号；代表的账号在导入名册时生成。', 'Accounts for scrutineers, departments and the hall screen; deputies’ accounts come with the roster import.'],
}
export default words
