// Words of the projector area: keys start with 'projector.'; each entry is [中文, English].
import type { Words } from '../../i18n'

const words: Words = {}
export default words
