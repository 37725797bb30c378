// The console's words in both languages. The language is the browser's (zh first for a browser that reads
// Chinese first) until the applicant picks one; the pick is kept in this browser (localStorage).
const WORDS = {
  'zh-CN': {
    'material.BUSINESS_LICENSE': '营业执照', 'material.ID_CARD_FRONT': '身份证人像面', 'material.ID_CARD_BACK': '身份证国徽面',
    'material.RESIDENCE_PERMIT': '居住证', 'material.DOMAIN_CERTIFICATE': '域名证书', 'material.AUTHORIZATION_LETTER': '授权书',
    'material.COMMITMENT_LETTER': '承诺书', 'material.COMMITMENT_VIDEO': '承诺视频', 'material.PRE_APPROVAL': '前置审批文件',
    'material.WEBSITE_PLAN': '网站建设方案书', 'material.APP_ICON': 'App图标',
    'place.subject': '主体', 'place.websites': '网站', 'place.apps': 'App',
    'brand': 'ICP备案控制台', 'nav.filings': '我的申请', 'nav.apply': '新申请', 'nav.access': '接入检查', 'nav.mails': '邮件',
    'nav.signOut': '退出', 'lang.other': 'English',
    'login.title': '申请人登录', 'login.hint': '备案申请人（icp-applicants）使用；员工请用 Tasklist 或员工登录。',
    'login.user': '用户名', 'login.password': '密码', 'login.submit': '登录',
    'login.error': '用户名或密码错误，或账号暂时锁定。', 'login.refused': '控制台仅供备案申请人使用：此账号不能登录控制台。',
    'login.loggedOut': '已退出。',
    'filings.title': '我的申请', 'filings.none': '还没有申请。', 'filings.new': '新申请',
    'col.id': '编号', 'col.type': '类型', 'col.status': '状态', 'col.created': '创建时间', 'col.websites': '网站与App',
    'subjects.title': '已备案主体', 'subjects.none': '还没有已备案的主体。', 'col.number': '备案号', 'col.name': '名称',
    'detail.back': '返回列表', 'detail.next': '下一步', 'detail.due': '截止时间', 'detail.limit': '时限',
    'detail.typicalCa': '本省管局近90天审核中位数：{0} 个工作日', 'detail.timeline': '进度', 'detail.reasons': '退回原因',
    'detail.notices': '请注意', 'detail.websites': '网站与App', 'detail.verification': '真实性核验',
    'detail.verification.hint': '请各负责人用手机打开链接，完成人脸与身份证核验。', 'detail.renew': '获取新链接',
    'detail.expiresIn': '剩余 {0}', 'detail.expired': '已过期', 'detail.withdraw': '撤回申请', 'detail.correct': '修改并重新提交',
    'detail.confirmWithdraw': '确定撤回这份申请吗？', 'detail.rule': '规则', 'detail.source': '依据', 'detail.field': '位置', 'detail.laterSteps': '变更与注销',
    'who.SUBJECT_PRINCIPAL': '主体负责人', 'who.WEBSITE_PRINCIPAL': '网站负责人',
    'vstatus.PENDING': '待核验', 'vstatus.PASSED': '已通过', 'vstatus.FAILED': '未通过',
    'form.title.new': '新申请', 'form.title.correct': '修改并重新提交', 'form.type': '申请类型', 'form.icpNumber': '备案号',
    'form.reason': '注销原因', 'form.subject': '主体', 'form.kind': '主体性质', 'form.subjectName': '主体名称',
    'form.idNumber': '证件号码（统一社会信用代码或身份证号）', 'form.province': '所在省份', 'form.contact': '负责人',
    'form.contactName': '负责人姓名', 'form.email': '邮箱', 'form.mobile': '手机', 'form.legalRep': '负责人是法定代表人',
    'form.websites': '网站', 'form.website': '网站 {0}', 'form.websiteName': '网站名称', 'form.domains': '域名（每行一个）',
    'form.region': '服务器地域', 'form.content': '内容类型', 'form.serviceNumber': '备案服务号', 'form.newServiceNumber': '从资源生成',
    'form.resource': '云资源', 'form.preApproval': '前置审批（逗号分隔，如 NEWS, FINANCE）', 'form.addWebsite': '添加网站',
    'form.remove': '删除', 'form.apps': 'App', 'form.app': 'App {0}', 'form.appName': 'App名称', 'form.platform': '平台',
    'form.packageName': '包名', 'form.bundleId': 'Bundle ID', 'form.publicKey': '公钥', 'form.md5': '签名MD5', 'form.sha1': '证书SHA-1',
    'form.addApp': '添加App', 'form.materials': '材料清单', 'form.materials.hint': '按省份与申请内容列出的材料，每项注明规则与依据。',
    'form.refreshChecklist': '刷新清单', 'form.upload': '上传', 'form.uploaded': '已上传', 'form.verification': '提交后需真实性核验：{0}',
    'form.submit': '提交申请', 'form.resubmit': '重新提交', 'form.cancel': '取消', 'form.invalid': '申请有 {0} 处需要修改：',
    'form.fieldNotChangeable': '', 'form.sending': '提交中…',
    'kind.ENTERPRISE': '企业', 'kind.INDIVIDUAL': '个人', 'content.COMPANY': '企业网站', 'content.PERSONAL': '个人网站', 'content.OTHER': '其他',
    'access.title': '接入检查', 'access.domain': '域名', 'access.product': '产品', 'access.check': '检查', 'access.diagnose': '诊断',
    'access.outcome': '结果', 'access.findings': '诊断结果', 'access.advice': '建议', 'access.history': '我的检查',
    'mails.title': '邮件', 'mails.none': '还没有邮件。', 'col.subject': '主题', 'col.to': '收件人', 'col.sent': '时间',
    'error.load': '无法加载（{0}）', 'error.notFound': '找不到这份申请：它不存在，或不是您的。', 'error.session': '登录已过期，请重新登录。',
    'type.NEW_FILING': '首次备案', 'type.NEW_WEBSITE': '新增网站/App', 'type.TRANSFER': '备案转入', 'type.CHANGE_SUBJECT': '变更主体',
    'type.CHANGE_WEBSITE': '变更网站', 'type.CHANGE_APP': '变更App', 'type.CANCEL_SUBJECT': '注销主体', 'type.CANCEL_WEBSITE': '注销网站',
    'type.CANCEL_ACCESS': '取消接入', 'type.CANCEL_APP': '注销App',
    'status.SUBMITTED': '已提交', 'status.NOT_REQUIRED': '无需备案', 'status.RETURNED': '已退回', 'status.PROVIDER_REVIEW': '接入商审核中',
    'status.IDENTITY_VERIFICATION': '等待真实性核验', 'status.SMS_VERIFICATION': '等待工信部短信核验', 'status.CA_REVIEW': '管局审核中',
    'status.CA_REJECTED': '管局退回', 'status.APPROVED': '管局已通过', 'status.ACTIVE': '已生效', 'status.WITHDRAWN': '已撤回',
    'status.CLOSED': '已关闭', 'status.CANCELLED': '已注销', 'status.REMEDIATION_REQUIRED': '需整改'
  },
  'en': {
    'material.BUSINESS_LICENSE': 'Business licence', 'material.ID_CARD_FRONT': 'ID card (photo side)', 'material.ID_CARD_BACK': 'ID card (emblem side)',
    'material.RESIDENCE_PERMIT': 'Residence permit', 'material.DOMAIN_CERTIFICATE': 'Domain certificate', 'material.AUTHORIZATION_LETTER': 'Authorisation letter',
    'material.COMMITMENT_LETTER': 'Commitment letter', 'material.COMMITMENT_VIDEO': 'Commitment video', 'material.PRE_APPROVAL': 'Pre-approval licence',
    'material.WEBSITE_PLAN': 'Website plan', 'material.APP_ICON': 'App icon',
    'place.subject': 'Subject', 'place.websites': 'Website', 'place.apps': 'App',
    'brand': 'ICP filing console', 'nav.filings': 'My applications', 'nav.apply': 'New application', 'nav.access': 'Access check',
    'nav.mails': 'Mails', 'nav.signOut': 'Sign out', 'lang.other': '中文',
    'login.title': 'Applicant sign-in', 'login.hint': 'For ICP applicants (icp-applicants); staff use Tasklist or the staff sign-in.',
    'login.user': 'User name', 'login.password': 'Password', 'login.submit': 'Sign in',
    'login.error': 'Wrong user name or password, or the account is locked for a moment.',
    'login.refused': 'The console is for applicants: this account cannot sign in here.', 'login.loggedOut': 'You are signed out.',
    'filings.title': 'My applications', 'filings.none': 'No applications yet.', 'filings.new': 'New application',
    'col.id': 'Id', 'col.type': 'Type', 'col.status': 'Status', 'col.created': 'Created', 'col.websites': 'Websites and apps',
    'subjects.title': 'Filed subjects', 'subjects.none': 'No filed subjects yet.', 'col.number': 'ICP number', 'col.name': 'Name',
    'detail.back': 'Back to the list', 'detail.next': 'Next', 'detail.due': 'Due', 'detail.limit': 'Limit',
    'detail.typicalCa': 'Your province\'s CA took {0} business days (median of the last 90 days)', 'detail.timeline': 'Timeline',
    'detail.reasons': 'Reasons', 'detail.notices': 'Please note', 'detail.websites': 'Websites and apps',
    'detail.verification': 'Identity verification', 'detail.verification.hint': 'Each principal opens their link on their phone and does the face and ID check.',
    'detail.renew': 'New links', 'detail.expiresIn': '{0} left', 'detail.expired': 'expired', 'detail.withdraw': 'Withdraw',
    'detail.correct': 'Correct and resubmit', 'detail.confirmWithdraw': 'Withdraw this application?', 'detail.rule': 'Rule',
    'detail.source': 'Source', 'detail.field': 'Field', 'detail.laterSteps': 'Changes and cancellations',
    'who.SUBJECT_PRINCIPAL': 'Subject\'s principal', 'who.WEBSITE_PRINCIPAL': 'Website\'s principal',
    'vstatus.PENDING': 'pending', 'vstatus.PASSED': 'passed', 'vstatus.FAILED': 'failed',
    'form.title.new': 'New application', 'form.title.correct': 'Correct and resubmit', 'form.type': 'Type', 'form.icpNumber': 'ICP number',
    'form.reason': 'Reason for the cancellation', 'form.subject': 'Subject', 'form.kind': 'Kind', 'form.subjectName': 'Name',
    'form.idNumber': 'ID number (USCC or resident ID)', 'form.province': 'Province', 'form.contact': 'Principal',
    'form.contactName': 'Principal\'s name', 'form.email': 'Email', 'form.mobile': 'Mobile', 'form.legalRep': 'The principal is the legal representative',
    'form.websites': 'Websites', 'form.website': 'Website {0}', 'form.websiteName': 'Website name', 'form.domains': 'Domains (one a line)',
    'form.region': 'Server region', 'form.content': 'Content', 'form.serviceNumber': 'Service number', 'form.newServiceNumber': 'Generate from',
    'form.resource': 'Cloud resource', 'form.preApproval': 'Pre-approvals (comma-separated, e.g. NEWS, FINANCE)', 'form.addWebsite': 'Add a website',
    'form.remove': 'Remove', 'form.apps': 'Apps', 'form.app': 'App {0}', 'form.appName': 'App name', 'form.platform': 'Platform',
    'form.packageName': 'Package name', 'form.bundleId': 'Bundle id', 'form.publicKey': 'Public key', 'form.md5': 'Signature MD5',
    'form.sha1': 'Certificate SHA-1', 'form.addApp': 'Add an app', 'form.materials': 'Checklist',
    'form.materials.hint': 'What your province and application need, each with its rule and source.', 'form.refreshChecklist': 'Refresh the checklist',
    'form.upload': 'Upload', 'form.uploaded': 'uploaded', 'form.verification': 'After submitting, identity verification: {0}',
    'form.submit': 'Submit', 'form.resubmit': 'Resubmit', 'form.cancel': 'Cancel', 'form.invalid': 'The application has {0} field(s) to correct:',
    'form.fieldNotChangeable': '', 'form.sending': 'Sending…',
    'kind.ENTERPRISE': 'Enterprise', 'kind.INDIVIDUAL': 'Individual', 'content.COMPANY': 'Company', 'content.PERSONAL': 'Personal', 'content.OTHER': 'Other',
    'access.title': 'Access check', 'access.domain': 'Domain', 'access.product': 'Product', 'access.check': 'Check', 'access.diagnose': 'Diagnose',
    'access.outcome': 'Outcome', 'access.findings': 'Findings', 'access.advice': 'Advice', 'access.history': 'My checks',
    'mails.title': 'Mails', 'mails.none': 'No mails yet.', 'col.subject': 'Subject', 'col.to': 'To', 'col.sent': 'At',
    'error.load': 'Cannot load ({0})', 'error.notFound': 'No such application: it does not exist, or it is not yours.',
    'error.session': 'Your session has ended; please sign in again.',
    'type.NEW_FILING': 'New filing', 'type.NEW_WEBSITE': 'New website or app', 'type.TRANSFER': 'Transfer in', 'type.CHANGE_SUBJECT': 'Change the subject',
    'type.CHANGE_WEBSITE': 'Change a website', 'type.CHANGE_APP': 'Change an app', 'type.CANCEL_SUBJECT': 'Cancel the subject',
    'type.CANCEL_WEBSITE': 'Cancel a website', 'type.CANCEL_ACCESS': 'Cancel our access', 'type.CANCEL_APP': 'Cancel an app',
    'status.SUBMITTED': 'Submitted', 'status.NOT_REQUIRED': 'Not required', 'status.RETURNED': 'Returned', 'status.PROVIDER_REVIEW': 'Under review by us',
    'status.IDENTITY_VERIFICATION': 'Waiting for identity verification', 'status.SMS_VERIFICATION': 'Waiting for MIIT SMS verification',
    'status.CA_REVIEW': 'Under CA review', 'status.CA_REJECTED': 'Rejected by the CA', 'status.APPROVED': 'Approved by the CA', 'status.ACTIVE': 'Active',
    'status.WITHDRAWN': 'Withdrawn', 'status.CLOSED': 'Closed', 'status.CANCELLED': 'Cancelled', 'status.REMEDIATION_REQUIRED': 'Remediation required'
  }
};

const KEY = 'icp-console-lang';

export function lang() {
  const chosen = localStorage.getItem(KEY);
  if (chosen && WORDS[chosen]) { return chosen; }
  const first = (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
  return /^zh/i.test(first) ? 'zh-CN' : 'en';
}

export function setLang(value) {
  localStorage.setItem(KEY, value);
}

export function otherLang() {
  return lang() === 'zh-CN' ? 'en' : 'zh-CN';
}

/** The word for key in the current language, {0} {1} … replaced; the key itself if it has none (a gap shows). */
export function t(key, ...args) {
  const text = WORDS[lang()][key] ?? WORDS.en[key] ?? key;
  return text.replace(/\{(\d)\}/g, (m, i) => String(args[Number(i)] ?? ''));
}

/** Fills every [data-i18n] element of root with its word, and sets the page's language. */
export function translate(root) {
  document.documentElement.lang = lang();
  root.querySelectorAll('[data-i18n]').forEach(e => { e.textContent = t(e.dataset.i18n); });
}
