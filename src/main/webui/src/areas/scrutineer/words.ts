// Words of the scrutineer area: keys start with 'scrutineer.'; each entry is [中文, English].
import type { Words } from '../../i18n'

const words: Words = {}
export default words
