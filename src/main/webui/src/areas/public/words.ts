// Words of the public area: keys start with 'public.'; each entry is [中文, English].
import type { Words } from '../../i18n'

const words: Words = {}
export default words
