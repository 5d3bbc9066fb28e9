// Words of the projector area: keys start with 'projector.'; each entry is [中文, English].
import type { Words } from '../../i18n'

const words: Words = {
  'projector.title': ['会场大屏', 'Hall screen'],
  'projector.hall': ['会场', 'The hall'],
  'projector.fullscreen': ['全屏显示', 'Full screen'],
  'projector.noSession': ['目前没有正在进行的会议，会议开始后自动显示。', 'No session in progress; shown as soon as one opens.'],
  'projector.onLeave': ['请假', 'On leave'],
  'projector.absent': ['缺席', 'Absent'],
  'projector.quorumMet': ['出席代表已过法定人数（{0} 人）', 'Quorum reached ({0})'],
  'projector.quorumUnmet': ['出席代表未达法定人数（需 {0} 人）', 'No quorum yet ({0} needed)'],
  'projector.voting': ['正在表决：{0}', 'Voting: {0}'],
  'projector.turnout': ['投票进度', 'Turnout'],
  'projector.cast': ['已投票 {0} / 实到 {1}', '{0} voted of {1} present'],
  'projector.result': ['表决结果：{0}', 'Result: {0}'],
  'projector.counting': ['表决已结束，正在计票和核对…', 'Voting closed; counting and checking…'],
  'projector.idle': ['等待表决开始', 'Waiting for a vote'],
}
export default words
