// Words of the department area: keys start with 'department.'; each entry is [中文, English].
import type { Words } from '../../i18n'

const words: Words = {}
export default words
