// Words of the deputy area: keys start with 'deputy.'; each entry is [中文, English].
import type { Words } from '../../i18n'

const words: Words = {}
export default words
